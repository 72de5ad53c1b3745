import { createRequire as __createRequire } from 'node:module';
import { fileURLToPath as __fileURLToPath } from 'node:url';
import { dirname as __pathDirname } from 'node:path';
const require = __createRequire(import.meta.url);
const __filename = __fileURLToPath(import.meta.url);
const __dirname = __pathDirname(__filename);
import{a as f,b as u,c as R,d as v}from"./chunk-JHLC2XN6.js";import"./chunk-T2YTBQRX.js";import"./chunk-3U3WACHC.js";import"./chunk-2NISMCRO.js";import{e as g}from"./chunk-6JOQHUG7.js";import{a as p,b as c}from"./chunk-GOTILXXH.js";import"./chunk-NTP35E2R.js";import{B as m,Q as d,S as l}from"./chunk-3V2ZKMST.js";import{a as n,l as i}from"./chunk-ABOPMLMB.js";import{a as t}from"./chunk-RNTPNXPR.js";function y(e,o){return[`## \u2705 rollback-action: marked good

`,`What runs now is the last verified-good release: \`to-revision: last-good\` goes back to it.${o?` Reason: ${l(o)}.`:""}

`,d(["Context","Namespace","Recorded","Releases kept"],e.map(r=>[r.context,r.namespace,r.targets.join(", "),String(r.entries)])),`
`].join("")}t(y,"markGoodSummary");async function P(e){let o=p(e),r=null,a=await g(e.kube(),o,async()=>(r=await u(e,o),R(c(e),r)),{concurrency:e.config.concurrency,log:t(k=>i(k),"log")}),s=await v(e,o,r);return e.env.GITHUB_STEP_SUMMARY&&await n.addRaw(y(a,e.config.reason)+f(s)).write(),{outputs:{},report:{ledger:a.map(m),"stale-reverts":s}}}t(P,"markGood");export{P as markGood};

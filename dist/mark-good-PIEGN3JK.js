import { createRequire as __createRequire } from 'node:module';
import { fileURLToPath as __fileURLToPath } from 'node:url';
import { dirname as __pathDirname } from 'node:path';
const require = __createRequire(import.meta.url);
const __filename = __fileURLToPath(import.meta.url);
const __dirname = __pathDirname(__filename);
import{a as f,b as u,c as R,d as v}from"./chunk-BWQCKABJ.js";import"./chunk-RCM6334W.js";import"./chunk-OTR2PBTZ.js";import"./chunk-2NISMCRO.js";import{e as g}from"./chunk-6HKKYSSZ.js";import{a as p,b as c}from"./chunk-FEJ2P4E3.js";import"./chunk-BAV7FOGJ.js";import{M as m,O as d,R as l,a as n,l as i}from"./chunk-KGVEFPAN.js";import"./chunk-RNQXS4IN.js";import{a as t}from"./chunk-RNTPNXPR.js";function y(e,o){return[`## \u2705 rollback-action: marked good

`,`What runs now is the last verified-good release: \`to-revision: last-good\` goes back to it.${o?` Reason: ${d(o)}.`:""}

`,m(["Context","Namespace","Recorded","Releases kept"],e.map(r=>[r.context,r.namespace,r.targets.join(", "),String(r.entries)])),`
`].join("")}t(y,"markGoodSummary");async function P(e){let o=p(e),r=null,a=await g(e.kube(),o,async()=>(r=await u(e,o),R(c(e),r)),{concurrency:e.config.concurrency,log:t(k=>i(k),"log")}),s=await v(e,o,r);return e.env.GITHUB_STEP_SUMMARY&&await n.addRaw(y(a,e.config.reason)+f(s)).write(),{outputs:{},report:{ledger:a.map(l),"stale-reverts":s}}}t(P,"markGood");export{P as markGood};

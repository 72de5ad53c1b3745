import { createRequire as __createRequire } from 'node:module';
import { fileURLToPath as __fileURLToPath } from 'node:url';
import { dirname as __pathDirname } from 'node:path';
const require = __createRequire(import.meta.url);
const __filename = __fileURLToPath(import.meta.url);
const __dirname = __pathDirname(__filename);
import{a as f}from"./chunk-6JOQHUG7.js";import{e as u}from"./chunk-NTP35E2R.js";import{I as i,P as p}from"./chunk-3V2ZKMST.js";import{R as d,k as n,l as c,s as m}from"./chunk-ABOPMLMB.js";import{a as l}from"./chunk-RNTPNXPR.js";async function h(o,g,a){let y=o.kube(),w=u(o.config.concurrency);return Promise.all(g.map(t=>w(async()=>{let r=p(t),k=d(y,t.context);try{let e=await f(k,t.kind,t.namespace,t.name,{clock:o.clock,timeoutMs:o.config.rolloutTimeoutMs,log:l(s=>c(s),"log"),warn:l(s=>n(`rollback-action: ${s}`),"warn"),...o.cancelled?{cancelled:o.cancelled}:{}});return e.cancelled?{target:r,state:"unknown",message:`the run was cancelled (${e.cancelled}) before the rollout was seen to end: ${e.message}`,elapsedMs:e.elapsedMs}:(a&&e.workload&&a.set(i(t),e.workload.spec.template),{target:r,state:e.failed?"failed":"done",message:e.failed??e.message,elapsedMs:e.elapsedMs})}catch(e){return{target:r,state:"unknown",message:m(e),elapsedMs:0}}})))}l(h,"waitForRollouts");export{h as a};

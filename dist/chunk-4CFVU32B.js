import { createRequire as __createRequire } from 'node:module';
import { fileURLToPath as __fileURLToPath } from 'node:url';
import { dirname as __pathDirname } from 'node:path';
const require = __createRequire(import.meta.url);
const __filename = __fileURLToPath(import.meta.url);
const __dirname = __pathDirname(__filename);
import{a as d}from"./chunk-TXKF7DV5.js";import{e as u}from"./chunk-GTW6X4KF.js";import{I as c,P as p}from"./chunk-FHXLSF5H.js";import{R as f,k as i,l as m,s as n}from"./chunk-ABOPMLMB.js";import{a as r}from"./chunk-RNTPNXPR.js";async function F(t,y,a){let g=t.kube(),k=u(t.config.concurrency);return Promise.all(y.map(e=>k(async()=>{let l=p(e),w=f(g,e.context);try{let o=await d(w,e.kind,e.namespace,e.name,{clock:t.clock,timeoutMs:t.config.rolloutTimeoutMs,log:r(s=>m(s),"log"),warn:r(s=>i(`rollback-action: ${s}`),"warn")});return a&&o.workload&&a.set(c(e),o.workload.spec.template),{target:l,state:o.failed?"failed":"done",message:o.failed??o.message,elapsedMs:o.elapsedMs}}catch(o){return{target:l,state:"unknown",message:n(o),elapsedMs:0}}})))}r(F,"waitForRollouts");export{F as a};

import { createRequire as __createRequire } from 'node:module';
import { fileURLToPath as __fileURLToPath } from 'node:url';
import { dirname as __pathDirname } from 'node:path';
const require = __createRequire(import.meta.url);
const __filename = __fileURLToPath(import.meta.url);
const __dirname = __pathDirname(__filename);
import{a as c}from"./chunk-BV2ISSQJ.js";import{e as a}from"./chunk-JLQRLKKH.js";import{da as l,n as i}from"./chunk-JF4GNVEA.js";import{D as n,a as r,g as m}from"./chunk-JLKRNCCV.js";async function F(t,u){let p=t.kube(),f=a(t.config.concurrency);return Promise.all(u.map(e=>f(async()=>{let s=l(e),d=n(p,e.context);try{let o=await c(d,e.kind,e.namespace,e.name,{clock:t.clock,timeoutMs:t.config.rolloutTimeoutMs,log:r(g=>i(g),"log")});return{target:s,state:o.failed?"failed":"done",message:o.failed??o.message,elapsedMs:o.elapsedMs}}catch(o){return{target:s,state:"unknown",message:m(o),elapsedMs:0}}})))}r(F,"waitForRollouts");export{F as a};

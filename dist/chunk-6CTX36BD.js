import { createRequire as __createRequire } from 'node:module';
import { fileURLToPath as __fileURLToPath } from 'node:url';
import { dirname as __pathDirname } from 'node:path';
const require = __createRequire(import.meta.url);
const __filename = __fileURLToPath(import.meta.url);
const __dirname = __pathDirname(__filename);
import{a as p}from"./chunk-6Q5QOEVN.js";import{e as c}from"./chunk-WRX7XQDJ.js";import{N as m}from"./chunk-QRTF6KD3.js";import{R as u,k as i,l,s as n}from"./chunk-Z7UR4BV2.js";import{a as r}from"./chunk-RNTPNXPR.js";async function F(t,f){let d=t.kube(),g=c(t.config.concurrency);return Promise.all(f.map(e=>g(async()=>{let a=m(e),y=u(d,e.context);try{let o=await p(y,e.kind,e.namespace,e.name,{clock:t.clock,timeoutMs:t.config.rolloutTimeoutMs,log:r(s=>l(s),"log"),warn:r(s=>i(`rollback-action: ${s}`),"warn")});return{target:a,state:o.failed?"failed":"done",message:o.failed??o.message,elapsedMs:o.elapsedMs}}catch(o){return{target:a,state:"unknown",message:n(o),elapsedMs:0}}})))}r(F,"waitForRollouts");export{F as a};

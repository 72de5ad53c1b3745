import { createRequire as __createRequire } from 'node:module';
import { fileURLToPath as __fileURLToPath } from 'node:url';
import { dirname as __pathDirname } from 'node:path';
const require = __createRequire(import.meta.url);
const __filename = __fileURLToPath(import.meta.url);
const __dirname = __pathDirname(__filename);
import{a as o}from"./chunk-RNTPNXPR.js";var r={now:o(()=>Date.now(),"now"),sleep:o(async t=>{for(let e=t;e>0;e-=2147483647)await new Promise(n=>setTimeout(n,Math.min(e,2147483647)))},"sleep")};function s(t){let e=t;return{now:o(()=>e,"now"),sleep:o(n=>(e+=Math.max(0,n),Promise.resolve()),"sleep")}}o(s,"replayClock");export{r as a,s as b};

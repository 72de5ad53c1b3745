import { createRequire as __createRequire } from 'node:module';
import { fileURLToPath as __fileURLToPath } from 'node:url';
import { dirname as __pathDirname } from 'node:path';
const require = __createRequire(import.meta.url);
const __filename = __fileURLToPath(import.meta.url);
const __dirname = __pathDirname(__filename);
import{a as e}from"./chunk-RNTPNXPR.js";var a={now:e(()=>Date.now(),"now"),sleep:e(async(r,o)=>{for(let t=r;t>0&&!o?.aborted;t-=2147483647)await new Promise(s=>{let n=e(()=>{clearTimeout(i),o?.removeEventListener("abort",n),s()},"done"),i=setTimeout(n,Math.min(t,2147483647));o?.addEventListener("abort",n,{once:!0})})},"sleep")};function c(r){let o=r;return{now:e(()=>o,"now"),sleep:e(t=>(o+=Math.max(0,t),Promise.resolve()),"sleep")}}e(c,"replayClock");export{a,c as b};

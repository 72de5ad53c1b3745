import { createRequire as __createRequire } from 'node:module';
import { fileURLToPath as __fileURLToPath } from 'node:url';
import { dirname as __pathDirname } from 'node:path';
const require = __createRequire(import.meta.url);
const __filename = __fileURLToPath(import.meta.url);
const __dirname = __pathDirname(__filename);
import{a as e}from"./chunk-RNTPNXPR.js";function r(i){let n=i.trim();if(n==="previous")return{kind:"previous"};if(n==="last-good")return{kind:"last-good"};if(/^[1-9]\d{0,9}$/.test(n))return{kind:"number",revision:Number(n)};if(/^[0-9a-f]{7,40}$/i.test(n)&&/[a-f]/i.test(n))return{kind:"commit",sha:n.toLowerCase()}}e(r,"parseRevisionSpec");function o(i){return i.kind==="number"?String(i.revision):i.kind==="commit"?i.sha:i.kind}e(o,"formatRevisionSpec");var t="use 'previous', 'last-good', a revision number or a commit SHA";export{r as a,o as b,t as c};

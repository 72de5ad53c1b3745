import { createRequire as __createRequire } from 'node:module';
import { fileURLToPath as __fileURLToPath } from 'node:url';
import { dirname as __pathDirname } from 'node:path';
const require = __createRequire(import.meta.url);
const __filename = __fileURLToPath(import.meta.url);
const __dirname = __pathDirname(__filename);
import{a as t}from"./chunk-RNTPNXPR.js";var i=/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})$/i;function d(e){let n=e.trim();if(!i.test(n))return;let r=Date.parse(n.replace(" ","T"));return Number.isFinite(r)?r:void 0}t(d,"parseTimestamp");function s(e){return new Date(e).toISOString().replace(/\.000Z$/,"Z")}t(s,"formatTimestamp");var m="use ISO 8601 with a zone, e.g. 2026-11-20T14:05:00Z";export{d as a,s as b,m as c};

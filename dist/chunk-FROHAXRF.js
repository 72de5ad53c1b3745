import { createRequire as __createRequire } from 'node:module';
import { fileURLToPath as __fileURLToPath } from 'node:url';
import { dirname as __pathDirname } from 'node:path';
const require = __createRequire(import.meta.url);
const __filename = __fileURLToPath(import.meta.url);
const __dirname = __pathDirname(__filename);
import{$ as m,X as a,aa as l,ca as p}from"./chunk-3V2ZKMST.js";import{a as s}from"./chunk-RNTPNXPR.js";function c(i){let e=i.creationTimestamp?Date.parse(i.creationTimestamp):Number.NaN;return Number.isFinite(e)?e:void 0}s(c,"timeOf");async function v(i,e){let n=await i.getWorkload(e.kind,e.namespace,e.name),o=a(n.spec.selector),r=(e.kind==="Deployment"?l(n,await i.listReplicaSets(e.namespace,o)).map(t=>({revision:t.revision,at:c(t.replicaSet.metadata)})):p(n,await i.listControllerRevisions(e.namespace,o)).map(t=>({revision:t.revision,at:c(t.metadata)}))).filter(t=>t.at!==void 0),d=e.kind==="Deployment"?m(n):r[0]?.revision;return{releases:r,current:r.find(t=>t.revision===d)}}s(v,"readReleases");export{v as a};

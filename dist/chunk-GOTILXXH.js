import { createRequire as __createRequire } from 'node:module';
import { fileURLToPath as __fileURLToPath } from 'node:url';
import { dirname as __pathDirname } from 'node:path';
const require = __createRequire(import.meta.url);
const __filename = __fileURLToPath(import.meta.url);
const __dirname = __pathDirname(__filename);
import{l as f,m as c}from"./chunk-3V2ZKMST.js";import{k as p,q as u}from"./chunk-ABOPMLMB.js";import{a as n}from"./chunk-RNTPNXPR.js";function y(e){let{config:t}=e;if(t.targets.value.length===0)throw new u("no targets: set the 'targets' input or the policy's 'targets'");let o=e.kube(),s=[];for(let[i,a]of o){let{targets:m,repeated:d}=f(t.targets.value,t.namespace.value??a.defaultNamespace);for(let r of c(d,t.namespace.value??a.defaultNamespace,` in context "${i}"`))p(`rollback-action: ${r}`);for(let r of m)s.push({context:i,kind:r.kind,namespace:r.namespace??t.namespace.value??a.defaultNamespace,name:r.name})}return s}n(y,"targetRefs");function R(e){return{recordedAt:new Date(e.clock.now()).toISOString(),sha:e.run.sha,runUrl:e.run.runUrl,reason:e.config.reason}}n(R,"goodRelease");function k(e,t,o){return{version:1,capturedAt:new Date(e.clock.now()).toISOString(),sha:e.run.sha,runUrl:e.run.runUrl,targets:t,...o?{baselines:o}:{}}}n(k,"snapshotNow");export{y as a,R as b,k as c};

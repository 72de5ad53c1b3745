import { createRequire as __createRequire } from 'node:module';
import { fileURLToPath as __fileURLToPath } from 'node:url';
import { dirname as __pathDirname } from 'node:path';
const require = __createRequire(import.meta.url);
const __filename = __fileURLToPath(import.meta.url);
const __dirname = __pathDirname(__filename);
import{q as t}from"./chunk-ABOPMLMB.js";import{a as n}from"./chunk-RNTPNXPR.js";import{existsSync as f}from"node:fs";import*as u from"node:os";import*as i from"node:path";function s(e){if(e.kubeconfig)return{kind:"input",text:e.kubeconfig};let r=(e.env.KUBECONFIG??"").split(i.delimiter).filter(Boolean).filter(c=>f(c));if(r.length>0)return{kind:"files",files:r};let o=i.join(e.env.HOME??u.homedir(),".kube","config");if(f(o))return{kind:"home",file:o};if(e.env.KUBERNETES_SERVICE_HOST)return{kind:"in-cluster"}}n(s,"findKubeconfig");function l(e){return s(e)!==void 0}n(l,"hasKubeConfig");function b(){return new t("no kubeconfig: set the 'kubeconfig' input, KUBECONFIG, or ~/.kube/config, or run in a cluster")}n(b,"noKubeconfigError");export{s as a,l as b,b as c};

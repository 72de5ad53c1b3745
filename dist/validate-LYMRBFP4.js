import { createRequire as __createRequire } from 'node:module';
import { fileURLToPath as __fileURLToPath } from 'node:url';
import { dirname as __pathDirname } from 'node:path';
const require = __createRequire(import.meta.url);
const __filename = __fileURLToPath(import.meta.url);
const __dirname = __pathDirname(__filename);
import{b as M}from"./chunk-TW6OWC3G.js";import{g as F,h as w}from"./chunk-PJAIYKYF.js";import{b as R}from"./chunk-BUFKYGKD.js";import{b as N,c as U,e as E}from"./chunk-ZNPXSCIG.js";import{b as V}from"./chunk-OYYWRGN5.js";import"./chunk-PLIIAZ7A.js";import"./chunk-3U3WACHC.js";import"./chunk-NTP35E2R.js";import{Q as h,R as g,S as f,b as y,j as T,l as x,m as j,x as C}from"./chunk-3V2ZKMST.js";import{a as $,k as S,l as s,w as m}from"./chunk-ABOPMLMB.js";import{a}from"./chunk-RNTPNXPR.js";function P(t){let n=a((o,i,r)=>({name:o,value:r(i.value),from:i.from}),"row");return[n("targets",t.targets,o=>o.length?o.map(T).join(", "):"(none)"),n("namespace",t.namespace,o=>o??"(the kubeconfig context's)"),n("contexts",t.contexts,o=>o.length?o.join(", "):"(current context)"),n("prometheus-url",t.prometheusUrl,o=>o?m(o):"(none)"),n("alertmanager-url",t.alertmanagerUrl,o=>o?m(o):"(none)"),n("window",t.windowMs,y),n("interval",t.intervalMs,y),n("no-data",t.noData,String),n("inconclusive",t.inconclusive,String),n("strategy",t.strategy,String),n("to-revision",t.toRevision,R),n("approval",t.approval,String),{name:"dry-run",value:String(t.dryRun),from:t.dryRun?"input":"default"},{name:"reason",value:t.reason??"(none)",from:t.reason===void 0?"default":"input"}]}a(P,"settingRows");function D(t){let{warnings:n,triggers:o}=t,i=t.policyFile?g(t.policyFile):"none (inputs and defaults only)";return[`## ${n.length?"\u26A0\uFE0F":"\u2705"} rollback-action: configuration is valid

`,`Policy file: ${i}. Nothing was changed and no metric was read.

`,n.length?`${n.map(r=>`- \u26A0\uFE0F ${f(r)}`).join(`
`)}

`:"",h(["Setting","Value","From"],t.settings.map(r=>[g(r.name),r.value,r.from])),`

### Triggers that will be judged

`,o.length?h(["Trigger","When it fails, and what it reads","From"],o.map(r=>[g(r.name),r.description.replace(/^[^:]*: /,""),[r.from,...r.mapped].join(`
`)])):"None: a guard watches only the rollout of its targets.",t.notifications?.length?`

### Notifications of a rollback

${t.notifications.map(r=>`- ${f(r)}`).join(`
`)}`:"",`

${f(t.contexts)}
`].join("")}a(D,"validateSummary");async function le(t){let{config:n,env:o}=t,i=[],r=a(e=>{i.push(e),S(`rollback-action: ${e}`)},"warn"),p=E(t,{onMissingEnv:r});for(let e of N(p.map(d=>d.trigger.rule),n.windowMs.value,n.intervalMs.value))r(e);let v=K(t);for(let e of j(x(n.targets.value,n.namespace.value).repeated,n.namespace.value))r(e);let l=F(n.policy.notify,m);for(let e of W(n.policy))o[e.name]||r(`${e.key} names ${e.name}, which is not set in this step; guard and rollback would not notify ${e.channel}`);let b=i.length+n.warnings.length,u=P(n),k=new Set(n.policy.preset==="runbook"?V(n.policy.metrics?.selector).map(e=>e.name):[]),I=new Set(n.policy.triggers?.map(e=>e.name)??[]),O=a(e=>I.has(e)?k.has(e)?"policy (replaces the preset)":"policy":"preset","fromOf"),c=p.map(({trigger:e})=>({name:e.rule.name,from:e.origin?`${e.origin.source}${k.has(e.rule.name)?" (replaces the preset)":""}`:O(e.rule.name),description:U(e),mapped:e.origin?.mapped??[]}));s(`Configuration is valid${b?` (${C(b,"warning")})`:""}: ${n.policyFile??"no policy file"}`);for(let e of u)s(`  ${e.name.padEnd(17)} ${e.value}  [${e.from}]`);s(c.length?`Triggers that will be judged (${c.length}):`:"No triggers: a guard watches only the rollout of its targets.");for(let e of c){s(`  ${e.description}  [${e.from}]`);for(let d of e.mapped)s(`      ${d}`)}s(l.length?`Notifications of a rollback (${l.length}):`:"No notifications (notify: in the policy).");for(let e of l)s(`  ${w(e)}`);return s(v),o.GITHUB_STEP_SUMMARY&&await $.addRaw(D({policyFile:n.policyFile,warnings:[...n.warnings.map(e=>e.message),...i],settings:u,triggers:c,notifications:l.map(w),contexts:v})).write(),{outputs:{},report:{settings:_(u),triggers:c.map(e=>({name:e.name,from:e.from,judged:e.description,...e.mapped.length?{mapped:e.mapped}:{}})),notify:l.map(e=>({channel:e.channel,events:[...e.events],severities:e.severities?[...e.severities]:null,from:e.from})),warnings:i}}}a(le,"validate");function W(t){let n=t.notify;return n?[...n.slack?[{name:n.slack["webhook-url-env"],key:"notify.slack.webhook-url-env",channel:"Slack"}]:[],...n.pagerduty?[{name:n.pagerduty["routing-key-env"],key:"notify.pagerduty.routing-key-env",channel:"PagerDuty"}]:[],...(n.webhooks??[]).flatMap((o,i)=>[...o["url-env"]?[{name:o["url-env"],key:`notify.webhooks[${i}].url-env`,channel:`webhook '${o.name}'`}]:[],...Object.entries(o["headers-env"]??{}).map(([r,p])=>({name:p,key:`notify.webhooks[${i}].headers-env.${r}`,channel:`webhook '${o.name}'`}))])]:[]}a(W,"notifyVariables");function K(t){return M({kubeconfig:t.config.kubeconfig,env:t.env})?`Kubeconfig contexts: ${[...t.kube().keys()].join(", ")} (found; no server was contacted).`:"No kubeconfig in this step: the contexts were not checked."}a(K,"checkContexts");function _(t){return Object.fromEntries(t.map(n=>[n.name,{value:n.value,from:n.from}]))}a(_,"settingsRecord");export{le as validate};

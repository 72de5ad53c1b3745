import { createRequire as __createRequire } from 'node:module';
import { fileURLToPath as __fileURLToPath } from 'node:url';
import { dirname as __pathDirname } from 'node:path';
const require = __createRequire(import.meta.url);
const __filename = __fileURLToPath(import.meta.url);
const __dirname = __pathDirname(__filename);
import{a as S,b as d,c as x,d as b,j as H}from"./chunk-NTP35E2R.js";import{P as T,Q as A,R as m,S as p,V as R,b as X,e as G,x as v}from"./chunk-3V2ZKMST.js";import{a}from"./chunk-RNTPNXPR.js";var F=/^(?:[0-9a-f]{40}|[0-9a-f]{64})$/,fe=/<!-- rollback-action:froze head=([0-9a-f]{40}|[0-9a-f]{64})(?: commits=([0-9a-f,]*))? -->/g;function Y(e,t=[]){let n=e?.trim().toLowerCase();if(!n||!F.test(n)||/^0+$/.test(n))return;let i=new Map(t.map(c=>[c.sha,c])),r=[];for(let c=i.get(n);c&&!r.includes(c.sha);c=i.get(c.parents[0]??""))r.push(c.sha);let s=t.map(c=>c.sha).filter(c=>!r.includes(c)),o=[...new Set([n,...r,...s])].filter(c=>F.test(c));return{head:n,commits:o.slice(0,13)}}a(Y,"frozeOf");function M(e){let t=e.commits.filter(n=>F.test(n));return`<!-- rollback-action:froze head=${e.head}${t.length?` commits=${t.join(",")}`:""} -->`}a(M,"frozeMarker");function Ce(e){return[...e.matchAll(fe)].map(t=>{let n=t[1]??"",i=(t[2]??"").split(",").filter(r=>F.test(r));return{head:n,commits:[...new Set([n,...i])].slice(0,13)}})}a(Ce,"parseFrozeMarkers");function pe(e){let t=[...e.matchAll(/\bThis reverts commit ([0-9a-f]{7,64})\b/gi),...e.matchAll(/^Reverts: ([0-9a-f]{7,64})\s*$/gim)].map(n=>(n[1]??"").toLowerCase());return[...new Set(t)]}a(pe,"revertedBy");var K=a((e,t)=>t.startsWith(e),"names");function ze(e,t){let n=[...new Set(t.flatMap(s=>s.commits))],i=new Map;for(let s of[...e].reverse()){let o=pe(s.message);for(let l of o){let u=[...i.keys()].find($=>K(l,$));u&&i.delete(u)}let c=n.filter(l=>o.some(u=>K(u,l)));c.length&&i.set(s.sha,c)}let r=[...i.entries()].at(-1);return r?{revert:r[0],reverted:r[1][0]??""}:void 0}a(ze,"findRevert");var Z=a(e=>e.slice(0,7),"short"),j=a(e=>`incident #${e.number} (${e.url})`,"issue");function ge(e,t){return`deploys are frozen: ${j(t)} is open for ${e}; close it when the RCA allows, deploy a revert of its commits, or set override-freeze: true`}a(ge,"frozenLine");function Oe(e){switch(e.state){case"clear":return;case"unchecked":return`the deploy freeze was not checked (${e.problem}); capturing anyway`;case"frozen":return ge(e.service,e.incident);case"overridden":return`deploy freeze overridden (override-freeze: true): ${j(e.incident)} is still open for ${e.service}`;case"lifted":return`deploy freeze lifted: ${Z(e.revert?.revert??"")} reverts ${Z(e.revert?.reverted??"")} of ${j(e.incident)}, which stays open for its RCA`}}a(Oe,"freezeLine");var he={"rolled-back":"\u2705 rolled back",skipped:"\u23ED\uFE0F already there",planned:"\u{1F4DD} would roll back",failed:"\u274C failed"};function J(e,t="rolled back"){return A(["Context","Target","Revision","Result","Seconds","Detail"],e.map(n=>[n.context,m(`${n.namespace}/${G(n.kind)}/${n.name}`),n.fromRevision===void 0&&n.toRevision===void 0?"-":`${n.fromRevision??"?"} \u2192 ${n.toRevision??"recorded"}`,n.outcome==="rolled-back"?`\u2705 ${t}`:he[n.outcome],n.seconds===void 0?"-":n.seconds.toFixed(1),[n.message,n.state?`state: ${n.state}`:"",...n.diff].filter(Boolean).map(i=>d(i,500)).join(`
`)]))}a(J,"rollbackTable");var I={worked:"\u2705 worked",waiting:"\u23F3 waiting for a merge",held:"\u270B not done: a newer release is verified",failed:"\u274C failed","still-failing":"\u26A0\uFE0F still failing",unconfirmed:"\u26A0\uFE0F not confirmed (no data)",gated:"\u{1F6D1} needs approval",planned:"\u{1F4DD} planned","not-run":"\u23ED\uFE0F not run"};function Xe(e){let t=[`### Decision

`,e.plan.reasons.map(i=>`- ${p(i)}`).join(`
`),`

`];e.plan.stages.length&&t.push(A(["Stage","Why","Result","Detail"],e.plan.stages.map((i,r)=>{let s=e.run.stages[r];return[`${r+1}. ${i.name}`,i.why+(i.gated?` (needs approval: ${i.gated})`:""),I[s?.outcome??"not-run"],[...(s?.actions??[]).map(o=>`${o.kind}: ${o.detail}`),...s?.verify?[`judged again: ${s.verify.verdict}: ${s.verify.detail}`]:[]].join(`
`)]})),`

`),e.plan["left-alone"].length&&t.push(`Left alone:

`,e.plan["left-alone"].map(i=>`- ${m(i.target)}: ${p(i.why)}`).join(`
`),`

`),e.plan.advice.length&&e.run.verdict!=="rolled-back"&&t.push(`**Fix forward.**

`,e.plan.advice.map(i=>`- ${p(i)}`).join(`
`),`

`),e.kubernetes.length&&t.push(`### Kubernetes

`,J(e.kubernetes),`

`);let n=e.reverts.at(-1);return n&&t.push(be(n)),t.join("")}a(Xe,"planSection");function be(e){let t=e.pullRequest?`Pull request [#${e.pullRequest.number}](${e.pullRequest.url}) from ${m(e.headBranch??"")} to ${m(e.branch)}`:e.pushed?`Pushed to ${m(e.branch)} as ${m(e.pushed.sha.slice(0,12))}${e.pushed.retried?" (rebased once after a rejected push)":""}`:e.outcome==="planned"?`Would revert on ${m(e.branch)} (${e.delivery})`:e.outcome==="conflict"?`Conflict reverting on ${m(e.branch)}: ${(e.conflicts??[]).map(m).join(", ")}; aborted, nothing pushed`:e.outcome==="superseded"?`No revert on ${m(e.branch)}: ${p(e.reason??"a newer release is verified healthy")}`:`${e.outcome} on ${m(e.branch)}${e.error?`: ${p(e.error)}`:""}`,n=e.since?.length?`${m(e.branch)} moved on since the deployed commit, newest first:

${e.since.map(r=>`- ${m(r.sha.slice(0,12))} ${m(r.subject)}${r.verified?` \u2014 ${p(r.verified)}`:""}`).join(`
`)}

`:"",i=e.outcome==="reverted"||e.outcome==="planned"?e.reverted.map(r=>`- ${m(r.slice(0,12))}`).join(`
`):"";return[`### Git revert

`,`${t}.

`,i?`${e.outcome==="planned"?"Would revert":"Reverted"}, newest first:

${i}

`:"",n,e.diffStat?`\`\`\`
${e.diffStat.replace(/```/g,"'''")}
\`\`\`

`:""].join("")}a(be,"revertSection");import{createHash as de}from"node:crypto";function Q(e,t=60){let n=e.replace(/[^A-Za-z0-9 _.,:/()+-]/g," ").replace(/\s+/g," ").trim();return n.length>t?n.slice(0,t).trimEnd():n}a(Q,"mermaidLabel");function L(e){let t=Number(e.toPrecision(4)),n=String(t);return n.includes("e")?Math.abs(t)>=1e21?BigInt(Math.round(t)).toString():t.toFixed(20).replace(/\.?0+$/,""):n}a(L,"mermaidNumber");function $e(e,t=40,n="above"){let i=e.flatMap(o=>o.value!==void 0&&Number.isFinite(o.value)?[{at:o.at,value:o.value}]:[]);if(i.length<=t)return i;let r=a((o,c)=>n==="above"?o>c:o<c,"worse"),s=[];for(let o=0;o<t;o++){let c=Math.floor(o*i.length/t),l=Math.floor((o+1)*i.length/t),u=i[c];for(let $=c+1;$<l;$++){let k=i[$];k&&u&&r(k.value,u.value)&&(u=k)}u&&s.push(u)}return s}a($e,"downsample");function ve(e){let t=Math.max(0,Math.round(e/1e3)),n=a(s=>String(s).padStart(2,"0"),"pad"),i=Math.floor(t/3600),r=Math.floor(t%3600/60);return i?`+${i}:${n(r)}:${n(t%60)}`:`+${r}:${n(t%60)}`}a(ve,"sinceLabel");function ee(e,t=40){let n=$e(e.observations,t,e.direction);if(n.length===0)return;let i=Q(e.name)||"metric",r=e.threshold!==void 0&&Number.isFinite(e.threshold)?e.threshold:void 0,s=r===void 0?i:`${i}: value, and threshold ${L(r)} (flat line)`,o=e.origin??n[0]?.at??0,c=n.map(u=>`"${ve(u.at-o)}"`),l=["```mermaid","xychart-beta",`    title "${Q(s,120)}"`,`    x-axis "time since the deploy (m:ss)" [${c.join(", ")}]`,`    y-axis "${i}"`,`    line [${n.map(u=>L(u.value)).join(", ")}]`];return r!==void 0&&l.push(`    line [${n.map(()=>L(r)).join(", ")}]`),l.push("```"),l.join(`
`)}a(ee,"mermaidChart");var te=[{rows:60,charts:8,points:40,text:300},{rows:25,charts:4,points:30,text:200},{rows:8,charts:2,points:20,text:120},{rows:3,charts:1,points:12,text:80}],ye={fail:"\u274C fail","no-data":"\u2754 no data",pass:"\u2705 pass"};function h(e){return new Date(e).toISOString().slice(0,19).replace("T"," ")}a(h,"utc");function g(e){return X(Math.max(0,Math.round(e/1e3))*1e3)}a(g,"duration");function ke(e){let t=/@sha256:([0-9a-f]{12})/i.exec(e);if(t)return`sha256:${t[1]??""}`;let n=e.slice(e.lastIndexOf("/")+1),i=n.lastIndexOf(":");return i>=0?n.slice(i+1):"latest"}a(ke,"versionOf");function y(e,t){let n=[...new Set(e.versions.flatMap(i=>i[t]?[ke(i[t])]:[]))];if(n.length!==0)return n.length<=2?n.join(", "):`${n.slice(0,2).join(", ")} and others`}a(y,"releases");function ne(e,t){return e.length<=t*2?[[...e],0,[]]:[e.slice(0,t),e.length-t*2,e.slice(-t)]}a(ne,"headTail");function w(e,t,n,i){let[r,s,o]=ne(e,t);return s?[...r,[`\u2026 ${v(s,i)} more`,...Array(n-1).fill("\u2026")],...o]:r}a(w,"longRows");var f=a(e=>`_\u270F\uFE0F ${e}_`,"prompt"),C=a(e=>e.triggers.filter(t=>t.status==="fail"),"failing");function xe(e){let t=y(e,"before"),n=y(e,"after");switch(e.verdict){case"rolled-back":return`rolled back${t?` from ${t}`:""}${n?` to ${n}`:""}`;case"rollback-recommended":return`not rolled back automatically: a rollback${t?` of ${t}`:""} is recommended`;case"rollback-failed":return`the rollback${t?` of ${t}`:""} failed`;default:return e.verdict}}a(xe,"outcomePhrase");function z(e,t){let n=C(e).map(c=>d(c.name,t.text)),i=e.targets.slice(0,t.rows).map(c=>x(c,t.text)),r=e.targets.length-i.length,s=[`- **Verdict:** ${e.verdict}${e.severity?` (${e.severity})`:""}: ${d(xe(e),t.text)}`,`- **What happened:** ${d(e.headline,t.text*2)}`,`- **Service:** ${d(e.service,100)}; targets: ${i.join(", ")||"none"}${r>0?` and ${r} more`:""}`,`- **Deployed:** ${h(e.deployedAt)} UTC${e.actor?` by ${d(e.actor,100)}`:""}`,...e.rolledBackBy?[`- **Rolled back by:** ${d(e.rolledBackBy,100)}, by hand (mode: rollback)`]:[]];e.detectedAt!==void 0&&s.push(`- **Detected:** ${h(e.detectedAt)} UTC, ${g(e.detectedAt-e.deployedAt)} after the deploy${n.length?`, by ${n.join(", ")}`:""}`);let o=se(e.runUrl);return o&&s.push(`- **Run:** ${o}`),e.verification&&s.push(`- **Verified:** ${e.verification.verified?`yes${e.verifiedAt!==void 0?`, at ${h(e.verifiedAt)} UTC`:""}`:"**no**: see Verification"}`),`## Summary

${s.join(`
`)}
`}a(z,"summarySection");function re(e){let t=e.impact??{},n=t.failedRequests===void 0?f("not measured: fill in from the service\u2019s dashboards"):`${Math.round(t.failedRequests).toLocaleString("en-US")}${t.requests?` of ${Math.round(t.requests).toLocaleString("en-US")} (${(100*t.failedRequests/t.requests).toPrecision(3)} %)`:""}${t.countedBy?`, counted by ${d(t.countedBy,200)} from the deploy to the decision`:""}`,i=t.breachMs!==void 0?g(t.breachMs):e.breachBeganAt!==void 0&&e.verifiedAt!==void 0?`at most ${g(e.verifiedAt-e.breachBeganAt)} (from the breach\u2019s start to the verified rollback)`:f("not known: from the breach\u2019s start to recovery");return[`## Impact
`,`- **Failed requests during the breach:** ${n}`,`- **Breach duration:** ${i}`,`- **Affected users:** ${f("number or share of users")}`,`- **Data loss or corruption:** ${f("none, or what")}`,`- **Business impact:** ${f("revenue, SLA credits, complaints")}`,""].join(`
`)}a(re,"impactSection");function we(e,t){let n=C(e).map(r=>d(r.name,t.text)).join(", "),i=[[e.deployedAt,`Deployed${y(e,"before")?` ${d(y(e,"before")??"",t.text)}`:""}`]];return e.breachBeganAt!==void 0&&i.push([e.breachBeganAt,`Breach began${n?`: ${n}`:""}`]),e.detectedAt!==void 0&&i.push([e.detectedAt,`Detected: verdict ${e.verdict}${e.severity?` (${e.severity})`:""}`]),e.decidedAt!==void 0&&i.push([e.decidedAt,"Decision: plan made"]),(e.plan?.stages??[]).forEach((r,s)=>{let o=`stage ${s+1} (${d(r.name,t.text)})`;r.startedAt!==void 0&&i.push([r.startedAt,`Started ${o}`]),r.finishedAt!==void 0&&i.push([r.finishedAt,`Finished ${o}: ${I[r.outcome]}`])}),e.verifiedAt!==void 0&&i.push([e.verifiedAt,e.verification?.verified===!1?"Verification ended: **not verified**":"Verified"]),i.sort((r,s)=>r[0]-s[0])}a(we,"timelineEvents");function O(e,t){let n=we(e,t).map(([i,r])=>{let s=i-e.deployedAt;return[h(i),s<0?`-${g(-s)}`:`+${g(s)}`,r]});return`## Timeline (UTC)

${b(["Time (UTC)","Since deploy","Event"],w(n,t.rows,3,"event"))}
`}a(O,"timelineSection");function P(e,t){let n={fail:0,"no-data":1,pass:2},r=[...e.triggers].sort((o,c)=>n[o.status]-n[c.status]).map(o=>[d(o.name,t.text),o.severity,o.breaching?`\u{1F7E0} breaching (${d(o.breaching,60)})`:ye[o.status],R(o.value),o.threshold===void 0?"-":`${o.direction==="below"?"<":">"} ${R(o.threshold)}`,o.baseline===void 0?"-":R(o.baseline),d(o.detail,t.text)]),s=b(["Trigger","Severity","Status","Observed","Threshold","Baseline","Detail"],w(r,t.rows,7,"trigger"));return`## Triggers

${e.triggers.length?s:"No trigger was judged."}
`}a(P,"triggersSection");function ie(e,t){let n=C(e).flatMap(o=>{let c=ee({name:o.name,observations:o.observations,threshold:o.threshold,direction:o.direction,origin:e.deployedAt},t.points);return c?[{t:o,chart:c}]:[]});if(!n.length)return"";let i=n.slice(0,t.charts),r=i.map(({t:o,chart:c})=>{let l=o.observations.filter(k=>k.value===void 0||!Number.isFinite(k.value)),u=o.observations.length-l.length,$=`${v(u,"poll")}${u>t.points?`, shown as ${t.points} points (the worst of each stretch)`:""}${l.length?`; ${v(l.length,"poll")} without data not shown`:""}.`;return`### ${d(o.name,t.text)}

${c}

${$}
`}),s=n.length-i.length;return s>0&&r.push(`${v(s,"more failing metric")} not charted: see Triggers.
`),`## Failing metrics over the watch

${r.join(`
`)}`}a(ie,"chartsSection");function D(e,t){if(!e.versions.length)return`## Versions

${f("no target images were recorded")}
`;let n=e.versions.map(i=>[d(i.context,t.text),x(i.target,t.text),d(i.container,t.text),x(i.before,t.text),i.after===void 0||i.after===i.before?"unchanged":x(i.after,t.text)]);return`## Versions

${b(["Region","Target","Container","Before the rollback","After the rollback"],w(n,t.rows,5,"container"))}
`}a(D,"versionsSection");var B=a(e=>/^[0-9a-f]{7,64}$/i.test(e)?x(e.slice(0,12)):d(e,40),"shortSha");function oe(e,t){if(!e.range)return"";let{base:n,head:i,commits:r}=e.range,s=r.map(l=>[B(l.sha),d(l.author,80),l.pr!==void 0&&Number.isInteger(l.pr)&&l.pr>0?`#${l.pr}`:"-",d(l.subject,t.text)]),o=`${B(n)} \u2026 ${B(i)}: ${v(r.length,"commit")}, newest first.`,c=s.length?`

${b(["Commit","Author","Pull request","Subject"],w(s,t.rows,4,"commit"))}`:"";return`## Commits deployed

${o}${c}
`}a(oe,"commitsSection");function U(e,t){if(!e.plan)return"";let n=e.plan,i=a(s=>{let[o,c,l]=ne(s,t.rows);return[...o.map(u=>`- ${d(u,t.text*2)}`),...c?[`- \u2026 ${v(c,"more line")}`]:[],...l.map(u=>`- ${d(u,t.text*2)}`)].join(`
`)},"list"),r=[`## Decision
`,i(n.reasons)];if(n.stages.length){let s=n.stages.map((o,c)=>[`${c+1}. ${d(o.name,t.text)}`,d(o.why,t.text),I[o.outcome],o.startedAt===void 0?"-":h(o.startedAt).slice(11),o.finishedAt===void 0?"-":h(o.finishedAt).slice(11),o.detail.slice(0,t.rows).map(l=>d(l,t.text)).join("; ")||"-"]);r.push("",b(["Stage","Why","Outcome","Started","Finished","Detail"],w(s,t.rows,6,"stage")))}return n.leftAlone.length&&r.push("","Left alone:","",i(n.leftAlone.map(s=>`${s.target}: ${s.why}`))),n.advice.length&&e.verdict!=="rolled-back"&&r.push("","**Fix forward:**","",i(n.advice)),`${r.join(`
`)}
`}a(U,"decisionSection");function E(e,t){let n=e.verification;if(!n)return"";let i=n.verified?`\u2705 Verified${e.verifiedAt!==void 0?` at ${h(e.verifiedAt)} UTC`:""}.`:"\u274C **Not verified**: the rollback ran, but the checks below did not all pass.",r={pass:"\u2705 pass",fail:"\u274C fail","no-data":"\u2754 no data",skipped:"\u23ED\uFE0F skipped"},s=n.checks.length?`

${b(["Check","Result","Detail"],w(n.checks.map(o=>[d(o.name,t.text),r[o.status],d(o.detail,t.text)]),t.rows,3,"check"))}`:"";return`## Verification

${i}${s}
`}a(E,"verificationSection");function _(e){if(!e.sla)return`## Time against SLA

${f("no rollback SLA is set (policy verify.sla)")}
`;let{limitMs:t,elapsedMs:n}=e.sla,i=e.verification?.verified===!1,r=!i&&n<=t,s=i?"**not met**: the rollback was not verified":r?`**met**, ${g(t-n)} to spare`:`**missed** by ${g(n-t)}`;return`## Time against SLA

Decision to verified: ${g(n)} against the SLA of ${g(t)}: ${s}.
`}a(_,"slaSection");function se(e){if(e!==void 0)return/^https?:\/\/[^\s()<>[\]"'`]+$/.test(e)?`[Workflow run](${e})`:d(e)}a(se,"runLink");function V(e){return`## Links

- ${se(e.runUrl)??f("no run URL")}
`}a(V,"linksSection");function ae(){return[`## Root cause
`,f("What caused it, and why the checks before production did not catch it."),"",`## Contributing factors
`,`1. ${f("technical")}`,`2. ${f("process")}`,`3. ${f("testing gap")}`,"",`## Lessons learned
`,`- ${f("what went wrong")}`,`- ${f("what went right")}`,"",`## Action items
`,b(["Action","Owner","Due","Priority","Status"],[[f("action"),f("owner"),f("date"),"High","Open"]]),""].join(`
`)}a(ae,"promptsSection");function ce(e){let t=e.verification,n=t?.checks.filter(s=>s.kind==="smoke")??[],i=n.length>0&&n.every(s=>s.status==="pass"),r=a((s,o)=>`- [${s?"x":" "}] ${o}`,"item");return[`## Post-rollback checklist
`,r(t?.verified===!0,"Rollback verified: rollouts complete, images as before, triggers passing"),r(i,n.length||!t?"Smoke checks passed":"Smoke checks passed (none configured: `verify.checks` in the policy runs them)"),r(!1,"Critical user flows checked by hand (sign-in, the main paths)"),r(!1,"Dashboards show no error spikes; error rate and latency back to the baseline"),r(!1,"Data integrity checked (record counts, no orphaned or corrupt records)"),r(!1,"Stakeholders told the rollback is complete"),r(!0,`Further deploys of ${d(e.service,100)} held until the cause is known: \`capture\` refuses while this issue is open (\`override-freeze\` to deploy anyway, or deploy a revert)`),r(!1,"Logs and metrics of the window kept as evidence"),r(!1,"Root cause analysis scheduled (within 24 hours)"),r(!1,"Runbooks, alerts and tests updated"),""].join(`
`)}a(ce,"checklistSection");var Se=6e4;function Ae(e){let t=y(e,"before"),n=y(e,"after"),i=S(e.service,80),r=e.verdict==="rolled-back"?`${i} rolled back${t?`: ${t}`:""}${n?` \u2192 ${n}`:""}`:e.verdict==="rollback-recommended"?`${i}: rollback recommended${t?` for ${t}`:""}`:e.verdict==="rollback-failed"?`${i}: rollback${t?` of ${t}`:""} failed`:`${i}${t?` ${t}`:""}: ${e.verdict}`;return S(`${e.severity?`[${e.severity}] `:""}${r}`,256)}a(Ae,"incidentTitle");function lt(e,t){let n=["incident",...e.severity?[`severity:${e.severity}`]:[],...t],i=new Set;return n.flatMap(r=>{let s=S(r,50),o=s.toLowerCase();return!s||i.has(o)?[]:(i.add(o),[s])})}a(lt,"incidentLabels");function q(e,t){let n=[e.trim(),...[...new Set(t.map(i=>i.trim()))].sort()].join(`
`);return de("sha256").update(n).digest("hex").slice(0,16)}a(q,"incidentKey");function N(e){return`<!-- rollback-action:incident key=${e.replace(/[^A-Za-z0-9._]+/g,"-").slice(0,64)} -->`}a(N,"incidentMarker");var Re=a(e=>N(q(e.service,e.targets)),"markerOf"),Fe=50;function W(e){return`<!-- rollback-action:target key=${de("sha256").update(e.trim()).digest("hex").slice(0,16)} -->`}a(W,"targetMarker");var Ie=a(e=>[Re(e),...e.froze?[M(e.froze)]:[],...e.targets.slice(0,Fe).map(W)].join(`
`),"markersOf");function le(e){let t="";for(let n of te)if(t=e(n),t.length<=Se)return t;return t}a(le,"fit");function Te(e,t){return[z(e,t),re(e),O(e,t),P(e,t),ie(e,t),D(e,t),oe(e,t),U(e,t),E(e,t),_(e),V(e),ae(),ce(e)].filter(Boolean)}a(Te,"bodySections");function ut(e){return le(t=>[`${Ie(e)}
`,...Te(e,t)].join(`
`))}a(ut,"incidentBody");function mt(e){return le(t=>[...e.froze?[`${M(e.froze)}
`]:[],`### New event at ${h(e.detectedAt??e.deployedAt)} UTC: ${d(Ae(e),256)}
`,z(e,t).replace("## Summary","#### Summary"),O(e,t).replace("## ","#### "),P(e,{...t,rows:Math.min(t.rows,10)}).replace("## ","#### "),D(e,{...t,rows:Math.min(t.rows,10)}).replace("## ","#### "),U(e,t).replace("## ","#### "),E(e,t).replace("## ","#### "),_(e).replace("## ","#### "),V(e).replace("## ","#### ")].filter(Boolean).join(`
`))}a(mt,"incidentComment");function ft(e){if(!e)return"";if("problem"in e){let t=`\u26A0\uFE0F ${p(e.problem)}.

`;if(e.body===void 0)return t;let n=`# ${e.title??""}

${e.body}`,i="`".repeat(Math.max(3,...[...n.matchAll(/`+/g)].map(r=>r[0].length+1)));return`${t}<details><summary>The incident's text, to file by hand</summary>

${i}markdown
${n}
${i}

</details>

`}return e.action==="created"?`Incident filed: [#${e.number}](${e.url}).

`:`Incident [#${e.number}](${e.url}) was still open: this run is a comment on it.

`}a(ft,"incidentNote");function ue(e,t,n=[]){return{reasons:e.reasons,stages:e.stages.map((i,r)=>{let s=t.stages[r];return{name:i.name,why:i.gated?`${i.why} (needs approval: ${i.gated})`:i.why,outcome:s?.outcome??"not-run",detail:[...(s?.actions??[]).map(o=>`${o.kind}: ${o.detail}`),...s?.verify?[`judged again: ${s.verify.verdict}: ${s.verify.detail}`]:[]],...n[r]}}),leftAlone:e["left-alone"],advice:e.advice}}a(ue,"planFacts");function je(e){return e.flatMap(t=>H(t.diff).map(n=>({context:t.context,target:T(t).slice(t.context.length+1),container:n.container,before:n.before,...t.outcome==="rolled-back"?{after:n.after}:{}})))}a(je,"versionsOf");function Me(e,t){return{service:e[0]?.name??t?.split("/")[1]??"service",targets:e.length?e.map(T):[t??"service"]}}a(Me,"incidentIdentity");function wt(e,t){let{service:n,targets:i}=Me(e,t);return[N(q(n,i)),...i.map(W)]}a(wt,"incidentMarkersFor");function St(e){let t=e.range?Y(e.range.head,e.range.commits):void 0,i=e.states.filter(r=>r.status==="fail").map(r=>r.breachingSince).filter(r=>r!==void 0);return{service:e.service,targets:e.targets,verdict:e.verdict,...e.severity?{severity:e.severity}:{},headline:e.headline,deployedAt:e.deployedAt,...i.length?{breachBeganAt:Math.min(...i)}:{},detectedAt:e.detectedAt,...e.decidedAt!==void 0?{decidedAt:e.decidedAt}:{},triggers:e.states.map(r=>({name:r.name,severity:r.severity,status:r.status,...r.value!==void 0?{value:r.value}:{},...r.threshold!==void 0?{threshold:r.threshold}:{},...r.baseline!==void 0?{baseline:r.baseline}:{},...r.status==="pass"&&r.breaching?{breaching:r.breaching}:{},detail:r.detail,observations:(e.observations[r.name]??[]).map(s=>({at:s.at,...s.value!==void 0?{value:s.value}:{}}))})),versions:je(e.kubernetes),...e.range?{range:{base:e.range.base,head:e.range.head,commits:e.range.commits.map(r=>({sha:r.sha,author:r.author??"",subject:r.subject,...me(r.subject)!==void 0?{pr:me(r.subject)}:{}}))}}:{},...e.plan&&e.run?{plan:ue(e.plan,e.run,e.run.stages.map(r=>({...r.startedAt!==void 0?{startedAt:r.startedAt}:{},...r.finishedAt!==void 0?{finishedAt:r.finishedAt}:{}})))}:{},...e.runUrl?{runUrl:e.runUrl}:{},...t?{froze:t}:{},...e.actor?{actor:e.actor}:{},...e.rolledBackBy?{rolledBackBy:e.rolledBackBy}:{},...e.verification?Be(e.verification,e.decidedAt):{},...Le(e.states,e.observations)}}a(St,"incidentFactsOf");function Le(e,t){let i=e.flatMap(r=>{if(r.status!=="fail")return[];let s=(t[r.name]??[]).findLast(o=>o.errors!==void 0&&o.total!==void 0&&o.total>0);return s?.errors!==void 0&&s.total!==void 0?[{failedRequests:s.errors,requests:s.total,countedBy:r.name}]:[]}).sort((r,s)=>s.failedRequests-r.failedRequests)[0];return i?{impact:i}:{}}a(Le,"impactFacts");function Be(e,t){return{...e.verified&&e.sla&&t!==void 0?{verifiedAt:t+e.sla.elapsedMs}:{},verification:{verified:e.verified,checks:[...e.images.map(n=>({kind:"images",name:`images of ${n.target}`,status:n.match?"pass":"fail",detail:n.match?`as ${n.against??"captured"}`:n.differences.join("; ")})),...e.smoke.map(n=>({kind:"smoke",name:n.name,status:n.outcome==="passed"?"pass":"fail",detail:n.detail})),{kind:"triggers",name:"triggers judged again",status:e.stability.verdict==="inconclusive"?"no-data":e.stability.verdict,detail:e.stability.detail}]},...e.sla?{sla:{limitMs:e.sla.limitMs,elapsedMs:e.sla.elapsedMs}}:{}}}a(Be,"verificationFacts");function me(e){let t=/^Merge pull request #(\d+)\b/.exec(e)??/\(#(\d+)\)\s*$/.exec(e);return t?.[1]?Number(t[1]):void 0}a(me,"prNumber");export{Y as a,Ce as b,ze as c,ge as d,Oe as e,J as f,Xe as g,ee as h,h as i,z as j,re as k,O as l,P as m,ie as n,D as o,oe as p,U as q,E as r,_ as s,V as t,ae as u,ce as v,Ae as w,lt as x,Re as y,Ie as z,le as A,Te as B,ut as C,mt as D,ft as E,je as F,Me as G,wt as H,St as I};

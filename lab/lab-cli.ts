/**
 * `npm run lab`: starts the lab for exploring by hand and prints where everything is, then
 * runs until Ctrl-C (at most an hour), when every process it started is stopped.
 */
import { LoadGenerator } from './demo-app/load.js';
import { LAB_DEPLOYMENT, LAB_JOB, LAB_NAMESPACE, startLab, stopOnSignals } from './lab.js';

const lab = await startLab({ alertmanager: 'auto' });
stopOnSignals(lab);
lab.deploy('shop/api:1.0');
const load = new LoadGenerator({
  url: `${lab.app.url}/`,
  ratePerSecond: 20,
  durationMs: 3_600_000,
}).start();
console.log(
  [
    'rollback-action lab (Ctrl-C stops everything)',
    `  KUBECONFIG=${lab.kubeconfigPath}   contexts: ${lab.contexts.join(', ')}; deployment/${LAB_DEPLOYMENT} in namespace ${LAB_NAMESPACE}`,
    `  Prometheus:  ${lab.prometheus?.url ?? '(not installed: apt-get install prometheus)'}   the service's series: job="${LAB_JOB}"`,
    `  a policy for it (.github/rollback-policy.yml): targets: [deployment/${LAB_DEPLOYMENT}], namespace: ${LAB_NAMESPACE}, contexts: [${lab.contexts.join(', ')}], preset: runbook, metrics: {selector: 'job="${LAB_JOB}"'}`,
    `  Alertmanager: ${lab.alertmanager?.url ?? '(not installed: apt-get install prometheus-alertmanager)'}   alerts from the rules over the service: service="api" (ShopApiErrorBudgetBurn, ShopApiSlow)`,
    `  fake GitHub: ${lab.github.url}   token: ${lab.github.token}   repository: ${lab.github.repository}`,
    `  demo service: ${lab.app.url}  (/metrics; images with a "bad" tag fail 25 % of requests, "slow" add 1.2 s)`,
    `  git remote:  ${lab.git.origin}   workspace: ${lab.git.workspace}`,
    '  try: kubectl --context eu-west set image deployment/api api=shop/api:2.0-bad',
  ].join('\n'),
);
setTimeout(() => {
  load.stop();
  void lab.stop().then(() => process.exit(0));
}, 3_600_000);

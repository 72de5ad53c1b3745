/**
 * The real Alertmanager (Debian's `prometheus-alertmanager`, 0.25) on loopback, single-node
 * (`--cluster.listen-address=` turns gossip off), with a route to a receiver that sends
 * nothing: the lab reads its alerts through API v2, as the action does. Alerts come from the
 * lab's real Prometheus (its alerting rules) or are posted here, for histories a rule cannot
 * make quickly (an alert that fired an hour before the deploy).
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { freePort } from '../util/net.js';
import { ServerProcess } from '../util/server-process.js';

export const ALERTMANAGER_BIN = process.env.ALERTMANAGER_BIN ?? '/usr/bin/prometheus-alertmanager';

export function alertmanagerInstalled(): boolean {
  return existsSync(ALERTMANAGER_BIN);
}

const CONFIG = `route:
  receiver: lab
  group_wait: 1s
  group_interval: 1s
receivers:
  - name: lab
`;

export interface PostedAlert {
  labels: Record<string, string>;
  annotations?: Record<string, string>;
  /** ms since the epoch; Alertmanager's default is now. */
  startsAt?: number;
  /** ms; in the past resolves the alert. Default: Alertmanager's resolve timeout (5m). */
  endsAt?: number;
}

export interface AmAlert {
  labels: Record<string, string>;
  startsAt: string;
  endsAt: string;
  status: { state: string; silencedBy: string[]; inhibitedBy: string[] };
}

export class Alertmanager {
  private constructor(
    readonly url: string,
    private readonly process: ServerProcess,
    private readonly dir: string,
  ) {}

  get log(): string[] {
    return this.process.log;
  }

  static async start(options: { startTimeoutMs?: number } = {}): Promise<Alertmanager> {
    if (!alertmanagerInstalled())
      throw new Error(
        `Alertmanager is not installed: install the Debian package 'prometheus-alertmanager' (apt-get install prometheus-alertmanager), which provides ${ALERTMANAGER_BIN}`,
      );
    const dir = await mkdtemp(path.join(os.tmpdir(), 'alertmanager-'));
    await writeFile(path.join(dir, 'alertmanager.yml'), CONFIG);
    const port = await freePort();
    const server = new ServerProcess('alertmanager', ALERTMANAGER_BIN, [
      `--config.file=${path.join(dir, 'alertmanager.yml')}`,
      `--storage.path=${path.join(dir, 'data')}`,
      `--web.listen-address=127.0.0.1:${port}`,
      '--cluster.listen-address=',
      '--log.level=warn',
    ]);
    const alertmanager = new Alertmanager(`http://127.0.0.1:${port}`, server, dir);
    try {
      await server.waitReady(`${alertmanager.url}/-/ready`, options.startTimeoutMs ?? 30_000);
    } catch (error) {
      await alertmanager.stop();
      throw error;
    }
    return alertmanager;
  }

  /** Posts alerts as Prometheus does (POST /api/v2/alerts). */
  async post(alerts: readonly PostedAlert[]): Promise<void> {
    const body = alerts.map((a) => ({
      labels: a.labels,
      annotations: a.annotations ?? {},
      ...(a.startsAt !== undefined ? { startsAt: new Date(a.startsAt).toISOString() } : {}),
      ...(a.endsAt !== undefined ? { endsAt: new Date(a.endsAt).toISOString() } : {}),
    }));
    await this.request('POST', '/api/v2/alerts', body);
  }

  /** Silences alerts whose labels equal these, for `durationMs`; returns the silence's ID. */
  async silence(labels: Record<string, string>, durationMs = 3_600_000): Promise<string> {
    const now = Date.now();
    const answer = (await this.request('POST', '/api/v2/silences', {
      matchers: Object.entries(labels).map(([name, value]) => ({
        name,
        value,
        isRegex: false,
        isEqual: true,
      })),
      startsAt: new Date(now).toISOString(),
      endsAt: new Date(now + durationMs).toISOString(),
      createdBy: 'rollback-action lab',
      comment: 'silenced by a lab test',
    })) as { silenceID: string };
    return answer.silenceID;
  }

  /** The active alerts (GET /api/v2/alerts), with the given matchers. */
  async alerts(filter: readonly string[] = []): Promise<AmAlert[]> {
    const params = new URLSearchParams();
    for (const f of filter) params.append('filter', f);
    return (await this.request('GET', `/api/v2/alerts?${params.toString()}`)) as AmAlert[];
  }

  /** Waits until `predicate` holds for the alerts the matchers select (bounded). */
  async waitFor(
    filter: readonly string[],
    predicate: (alerts: AmAlert[]) => boolean,
    timeoutMs = 30_000,
  ): Promise<AmAlert[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const alerts = await this.alerts(filter);
      if (predicate(alerts)) return alerts;
      if (Date.now() > deadline)
        throw new Error(
          `alertmanager: ${filter.join(', ')} did not reach the expected state in ${timeoutMs} ms (last: ${JSON.stringify(alerts).slice(0, 300)})`,
        );
      await new Promise((r) => setTimeout(r, 250));
    }
  }

  private async request(method: string, pathAndQuery: string, body?: unknown): Promise<unknown> {
    const res = await fetch(`${this.url}${pathAndQuery}`, {
      method,
      signal: AbortSignal.timeout(10_000),
      ...(body !== undefined
        ? { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }
        : {}),
    });
    const text = await res.text();
    if (!res.ok)
      throw new Error(`alertmanager: ${method} ${pathAndQuery}: HTTP ${res.status} ${text}`);
    return text ? (JSON.parse(text) as unknown) : undefined;
  }

  async stop(): Promise<void> {
    await this.process.stop();
    await rm(this.dir, { recursive: true, force: true });
  }
}

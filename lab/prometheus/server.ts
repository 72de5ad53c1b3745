/**
 * The real Prometheus server (Debian's `prometheus` package) on loopback, with a generated
 * config scraping the lab's targets every second, a temporary TSDB, and backfilling of
 * recorded traces through `promtool tsdb create-blocks-from openmetrics`.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { freePort } from '../util/net.js';
import { ServerProcess } from '../util/server-process.js';

const run = promisify(execFile);

export const PROMETHEUS_BIN = process.env.PROMETHEUS_BIN ?? '/usr/bin/prometheus';
export const PROMTOOL_BIN = process.env.PROMTOOL_BIN ?? '/usr/bin/promtool';

export function prometheusInstalled(): boolean {
  return existsSync(PROMETHEUS_BIN) && existsSync(PROMTOOL_BIN);
}

export interface ScrapeTarget {
  job: string;
  /** host:port of the target, on loopback. */
  address: string;
  labels?: Record<string, string>;
}

export interface PrometheusOptions {
  targets: ScrapeTarget[];
  scrapeIntervalSeconds?: number;
  /** OpenMetrics text (ending in `# EOF`) written into the TSDB before the server starts. */
  backfill?: string;
  /** A rule file (YAML, `groups:`) evaluated every scrape interval. */
  rules?: string;
  /** Where firing alerts are sent (the lab's real Alertmanager). */
  alertmanagerUrl?: string;
  startTimeoutMs?: number;
}

export interface PromSample {
  metric: Record<string, string>;
  value?: [number, string];
  values?: [number, string][];
}

export class Prometheus {
  private constructor(
    readonly url: string,
    private readonly process: ServerProcess,
    private readonly dir: string,
  ) {}

  get log(): string[] {
    return this.process.log;
  }

  static async start(options: PrometheusOptions): Promise<Prometheus> {
    if (!prometheusInstalled()) {
      throw new Error(
        `Prometheus is not installed: install the Debian package 'prometheus' (apt-get install prometheus), which provides ${PROMETHEUS_BIN} and ${PROMTOOL_BIN}`,
      );
    }
    const dir = await mkdtemp(path.join(os.tmpdir(), 'prometheus-'));
    const data = path.join(dir, 'data');
    const interval = `${options.scrapeIntervalSeconds ?? 1}s`;
    const config = [
      'global:',
      `  scrape_interval: ${interval}`,
      `  evaluation_interval: ${interval}`,
      ...(options.rules !== undefined ? ['rule_files:', '  - rules.yml'] : []),
      ...(options.alertmanagerUrl
        ? [
            'alerting:',
            '  alertmanagers:',
            '    - static_configs:',
            `        - targets: [${JSON.stringify(new URL(options.alertmanagerUrl).host)}]`,
          ]
        : []),
      'scrape_configs:',
      ...options.targets.flatMap((t) => [
        `  - job_name: ${JSON.stringify(t.job)}`,
        `    scrape_interval: ${interval}`,
        `    scrape_timeout: ${interval}`,
        '    static_configs:',
        `      - targets: [${JSON.stringify(t.address)}]`,
        ...(t.labels ? [`        labels: ${JSON.stringify(t.labels)}`] : []),
      ]),
      '',
    ].join('\n');
    await writeFile(path.join(dir, 'prometheus.yml'), config);
    if (options.rules !== undefined) await writeFile(path.join(dir, 'rules.yml'), options.rules);
    if (options.backfill !== undefined) {
      const input = path.join(dir, 'backfill.om');
      await writeFile(input, options.backfill);
      await run(PROMTOOL_BIN, ['tsdb', 'create-blocks-from', 'openmetrics', input, data], {
        timeout: 60_000,
      });
    }
    const port = await freePort();
    const server = new ServerProcess('prometheus', PROMETHEUS_BIN, [
      `--config.file=${path.join(dir, 'prometheus.yml')}`,
      `--storage.tsdb.path=${data}`,
      '--storage.tsdb.retention.time=36500d',
      `--web.listen-address=127.0.0.1:${port}`,
      '--web.enable-lifecycle',
      '--log.level=warn',
      ...(options.alertmanagerUrl ? ['--rules.alert.resend-delay=1s'] : []),
    ]);
    const prometheus = new Prometheus(`http://127.0.0.1:${port}`, server, dir);
    try {
      await server.waitReady(`${prometheus.url}/-/ready`, options.startTimeoutMs ?? 30_000);
    } catch (error) {
      await prometheus.stop();
      throw error;
    }
    return prometheus;
  }

  /** An instant query; returns the vector (throws on a Prometheus error, with its text). */
  async query(expr: string, time?: number): Promise<PromSample[]> {
    const params = new URLSearchParams({ query: expr });
    if (time !== undefined) params.set('time', String(time));
    return this.api(`/api/v1/query?${params.toString()}`);
  }

  async queryRange(
    expr: string,
    start: number,
    end: number,
    stepSeconds: number,
  ): Promise<PromSample[]> {
    const params = new URLSearchParams({
      query: expr,
      start: String(start),
      end: String(end),
      step: String(stepSeconds),
    });
    return this.api(`/api/v1/query_range?${params.toString()}`);
  }

  private async api(pathAndQuery: string): Promise<PromSample[]> {
    const res = await fetch(`${this.url}${pathAndQuery}`, { signal: AbortSignal.timeout(10_000) });
    const body = (await res.json()) as {
      status: string;
      error?: string;
      data?: { result: PromSample[] };
    };
    if (body.status !== 'success') throw new Error(`prometheus: ${body.error ?? res.statusText}`);
    return body.data?.result ?? [];
  }

  /** Waits until the query returns a non-empty result, polling (bounded by `timeoutMs`). */
  async waitFor(
    expr: string,
    predicate: (samples: PromSample[]) => boolean = (s) => s.length > 0,
    timeoutMs = 30_000,
  ): Promise<PromSample[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const samples = await this.query(expr);
      if (predicate(samples)) return samples;
      if (Date.now() > deadline)
        throw new Error(
          `prometheus: '${expr}' did not reach the expected value in ${timeoutMs} ms (last: ${JSON.stringify(samples).slice(0, 300)})`,
        );
      await new Promise((r) => setTimeout(r, 250));
    }
  }

  async stop(): Promise<void> {
    await this.process.stop();
    await rm(this.dir, { recursive: true, force: true });
  }
}

/** Backfill input: one OpenMetrics text from samples at given times (seconds). */
export function openMetrics(
  series: {
    name: string;
    type: 'counter' | 'gauge';
    help?: string;
    samples: { labels: Record<string, string>; points: [number, number][] }[];
  }[],
): string {
  const lines: string[] = [];
  for (const s of series) {
    // An OpenMetrics counter family is named without `_total`; its samples carry it.
    const family = s.type === 'counter' ? s.name.replace(/_total$/, '') : s.name;
    const sampleName = s.type === 'counter' ? `${family}_total` : s.name;
    lines.push(`# HELP ${family} ${s.help ?? family}`, `# TYPE ${family} ${s.type}`);
    for (const sample of s.samples) {
      const labels = Object.entries(sample.labels)
        .map(([k, v]) => `${k}="${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`)
        .join(',');
      for (const [t, v] of sample.points) lines.push(`${sampleName}{${labels}} ${v} ${t}`);
    }
  }
  lines.push('# EOF', '');
  return lines.join('\n');
}

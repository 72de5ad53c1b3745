/**
 * The real Prometheus server (Debian's `prometheus` package) on loopback, with a generated
 * config scraping the lab's targets every second, a temporary TSDB, and backfilling of
 * recorded traces through `promtool tsdb create-blocks-from openmetrics`.
 */
import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { freePort } from '../util/net.js';

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
    private readonly child: ChildProcess,
    private readonly dir: string,
    readonly log: string[],
  ) {}

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
    if (options.backfill !== undefined) {
      const input = path.join(dir, 'backfill.om');
      await writeFile(input, options.backfill);
      await run(PROMTOOL_BIN, ['tsdb', 'create-blocks-from', 'openmetrics', input, data], {
        timeout: 60_000,
      });
    }
    const port = await freePort();
    const child = spawn(
      PROMETHEUS_BIN,
      [
        `--config.file=${path.join(dir, 'prometheus.yml')}`,
        `--storage.tsdb.path=${data}`,
        '--storage.tsdb.retention.time=36500d',
        `--web.listen-address=127.0.0.1:${port}`,
        '--web.enable-lifecycle',
        '--log.level=warn',
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const log: string[] = [];
    const keep = (chunk: Buffer): void => {
      log.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      if (log.length > 500) log.splice(0, log.length - 500);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    const prometheus = new Prometheus(`http://127.0.0.1:${port}`, child, dir, log);
    registerForCleanup(prometheus);
    try {
      await prometheus.waitReady(options.startTimeoutMs ?? 30_000);
    } catch (error) {
      await prometheus.stop();
      throw error;
    }
    return prometheus;
  }

  private async waitReady(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (this.child.exitCode !== null)
        throw new Error(
          `prometheus exited with ${this.child.exitCode}: ${this.log.slice(-5).join(' | ')}`,
        );
      try {
        const res = await fetch(`${this.url}/-/ready`, { signal: AbortSignal.timeout(1000) });
        if (res.ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(
      `prometheus was not ready after ${timeoutMs} ms: ${this.log.slice(-5).join(' | ')}`,
    );
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
    cleanup.delete(this);
    if (this.child.exitCode === null && this.child.signalCode === null) {
      const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
      this.child.kill('SIGTERM');
      const timer = setTimeout(() => this.child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    }
    await rm(this.dir, { recursive: true, force: true });
  }
}

/** Prometheus children die with the process that started them, also on Ctrl-C or a crash. */
const cleanup = new Set<Prometheus>();
let hooked = false;
function registerForCleanup(p: Prometheus): void {
  cleanup.add(p);
  if (hooked) return;
  hooked = true;
  process.on('exit', () => {
    for (const each of cleanup) (each as unknown as { child: ChildProcess }).child.kill('SIGKILL');
  });
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

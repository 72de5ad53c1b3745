/**
 * A real server binary the lab runs (Prometheus, Alertmanager): started on loopback, its log
 * kept (the last 500 lines), ready when its readiness URL answers, stopped with SIGTERM (then
 * SIGKILL), and killed when the process that started it exits, also on a crash.
 */
import { spawn, type ChildProcess } from 'node:child_process';

export class ServerProcess {
  readonly log: string[] = [];
  private readonly child: ChildProcess;

  constructor(
    private readonly name: string,
    bin: string,
    args: string[],
  ) {
    this.child = spawn(bin, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const keep = (chunk: Buffer): void => {
      this.log.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      if (this.log.length > 500) this.log.splice(0, this.log.length - 500);
    };
    this.child.stdout?.on('data', keep);
    this.child.stderr?.on('data', keep);
    running.add(this);
    hookExit();
  }

  /** Polls `url` until it answers 2xx, the process exits, or `timeoutMs` passes. */
  async waitReady(url: string, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (this.child.exitCode !== null)
        throw new Error(
          `${this.name} exited with ${this.child.exitCode}: ${this.log.slice(-5).join(' | ')}`,
        );
      try {
        const res = await fetch(url, { signal: AbortSignal.timeout(1000) });
        if (res.ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(
      `${this.name} was not ready after ${timeoutMs} ms: ${this.log.slice(-5).join(' | ')}`,
    );
  }

  async stop(): Promise<void> {
    running.delete(this);
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  }

  kill(): void {
    this.child.kill('SIGKILL');
  }
}

const running = new Set<ServerProcess>();
let hooked = false;
function hookExit(): void {
  if (hooked) return;
  hooked = true;
  process.on('exit', () => {
    for (const each of running) each.kill();
  });
}

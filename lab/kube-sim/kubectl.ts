/** Runs the real kubectl against a kube-sim, with its own kubeconfig and discovery cache. */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';

export const KUBECTL = process.env.KUBECTL ?? '/usr/bin/kubectl';

export interface KubectlResult {
  code: number;
  stdout: string;
  stderr: string;
}

export class Kubectl {
  private constructor(
    private readonly dir: string,
    private readonly kubeconfig: string,
  ) {}

  static async forConfig(kubeconfigText: string): Promise<Kubectl> {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'kubectl-'));
    const kubeconfig = path.join(dir, 'config');
    await writeFile(kubeconfig, kubeconfigText);
    return new Kubectl(dir, kubeconfig);
  }

  get kubeconfigPath(): string {
    return this.kubeconfig;
  }

  run(
    args: string[],
    options: { input?: string; timeoutMs?: number } = {},
  ): Promise<KubectlResult> {
    return new Promise((resolve) => {
      const child = execFile(
        KUBECTL,
        [`--kubeconfig=${this.kubeconfig}`, `--cache-dir=${path.join(this.dir, 'cache')}`, ...args],
        {
          timeout: options.timeoutMs ?? 30_000,
          env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: this.dir },
        },
        (error, stdout, stderr) => {
          const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
          resolve({ code, stdout, stderr });
        },
      );
      if (options.input !== undefined) child.stdin?.end(options.input);
    });
  }

  async json<T = Record<string, any>>(args: string[]): Promise<T> {
    const result = await this.run([...args, '-o', 'json']);
    if (result.code !== 0) throw new Error(`kubectl ${args.join(' ')} failed: ${result.stderr}`);
    return JSON.parse(result.stdout) as T;
  }

  async dispose(): Promise<void> {
    await rm(this.dir, { recursive: true, force: true });
  }
}

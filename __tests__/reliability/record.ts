/**
 * The reliability suite's record (issue 15): every fault and hostile input a test tried, how
 * many runs, what the action did and what, if anything, was lost. Each test file keeps its
 * trials and writes them once, at its end, to .tmp/reliability/<file>.json; passing tests only
 * record after their assertions held. scripts/reliability-docs.ts renders docs/reliability.md
 * from these files, so the document says what the suite proved on its last full run.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const RESULTS_DIR = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  '.tmp',
  'reliability',
);

/** The sections of docs/reliability.md, in its order. */
export const AREAS = [
  'Kubernetes API',
  'Prometheus',
  'GitHub',
  'git',
  'cancellation',
  'concurrency',
  'hostile input',
  'oversized input',
  'secrets',
] as const;
export type Area = (typeof AREAS)[number];

export interface Trial {
  area: Area;
  /** What was tried: "429 with Retry-After on every patch, rollback of 3 regions". */
  fault: string;
  /** The modes it was tried in. */
  modes: string[];
  /** How many runs of the action (or of a property, for property-based tests). */
  runs: number;
  /** What the action did, as the test asserted it. */
  outcome: string;
  /** What was lost or left half-done, as the test checked it: "nothing" when nothing. */
  lost: string;
}

/** The trials of one test file; `save()` in its afterAll. */
export class Record {
  private readonly trials: Trial[] = [];

  constructor(private readonly file: string) {}

  /** Call once the test's assertions have held. */
  add(trial: Trial): void {
    this.trials.push(trial);
  }

  async save(): Promise<void> {
    if (this.trials.length === 0) return;
    await mkdir(RESULTS_DIR, { recursive: true });
    const name = path.basename(this.file).replace(/\.test\.ts$/, '');
    await writeFile(path.join(RESULTS_DIR, `${name}.json`), JSON.stringify(this.trials, null, 2));
  }
}

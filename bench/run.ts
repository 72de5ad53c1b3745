/**
 * `npm run bench`: each benchmark in its own Node 24 process (so one's memory and timers do
 * not colour another's figures), then docs/benchmarks.md from their sections.
 * `BENCH_ONLY=decision,overhead` runs only those.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SECTIONS, type Section } from './report.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const SCRIPTS: Record<Section, string> = {
  decision: 'decision.ts',
  detect: 'detect.ts',
  rollback: 'undo.ts',
  overhead: 'overhead.ts',
};
const only = (process.env.BENCH_ONLY ?? '').split(',').filter(Boolean);
const unknown = only.filter((name) => !(SECTIONS as readonly string[]).includes(name));
if (unknown.length) {
  console.error(
    `BENCH_ONLY: unknown benchmark ${unknown.join(', ')}; known: ${SECTIONS.join(', ')}`,
  );
  process.exit(2);
}
const tsx = path.join(HERE, '..', 'node_modules', 'tsx', 'dist', 'cli.mjs');
const failed: string[] = [];
for (const section of SECTIONS) {
  if (only.length && !only.includes(section)) continue;
  console.log(`== ${section} (bench/${SCRIPTS[section]})`);
  const run = spawnSync(process.execPath, [tsx, path.join(HERE, SCRIPTS[section])], {
    stdio: 'inherit',
  });
  if (run.status !== 0) failed.push(section);
}
spawnSync(process.execPath, [tsx, path.join(HERE, 'report.ts')], { stdio: 'inherit' });
if (failed.length) {
  console.error(`benchmarks that did not finish: ${failed.join(', ')}`);
  process.exit(1);
}

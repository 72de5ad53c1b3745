import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import type { RunReport } from './types.js';

/** Writes the report (the `report` output) under RUNNER_TEMP (the OS temp dir outside a runner); returns its path. */
export async function writeReportFile(
  report: RunReport,
  runnerTemp: string | undefined,
): Promise<string> {
  const dir = path.join(runnerTemp || os.tmpdir(), 'rollback-action');
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, `report-${report.mode}-${randomUUID()}.json`);
  await writeFile(file, `${JSON.stringify(report, null, 2)}\n`, 'utf8');
  return file;
}

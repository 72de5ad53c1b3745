import * as core from '@actions/core';
import type { Config } from '../config.js';
import { settingRows, type SettingRow } from '../report/settings.js';

/**
 * `mode: validate`: checks the inputs and policy file (already done by the time this runs) and
 * shows the settings a guard or rollback would use, with where each came from. Changes nothing.
 */
export async function validate(config: Config): Promise<Record<string, unknown>> {
  const rows = settingRows(config);
  const policy = config.policyFile
    ? `\`${config.policyFile}\``
    : 'no policy file (inputs and defaults only)';
  core.info(`Configuration is valid: ${config.policyFile ?? 'no policy file'}`);
  for (const row of rows) core.info(`  ${row.name.padEnd(15)} ${row.value}  [${row.from}]`);

  // Outside a runner (a local `node dist/index.js`) there is no summary file to write.
  if (!process.env.GITHUB_STEP_SUMMARY) return { settings: settingsRecord(rows) };
  await core.summary
    .addHeading('rollback-action: configuration is valid', 2)
    .addRaw(`Policy: ${policy}. Nothing was changed.`, true)
    .addTable([
      [
        { data: 'Setting', header: true },
        { data: 'Value', header: true },
        { data: 'From', header: true },
      ],
      ...rows.map((row) => [`<code>${row.name}</code>`, escapeHtml(row.value), row.from]),
    ])
    .write();

  return { settings: settingsRecord(rows) };
}

function settingsRecord(rows: SettingRow[]): Record<string, { value: string; from: string }> {
  return Object.fromEntries(rows.map((row) => [row.name, { value: row.value, from: row.from }]));
}

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"]/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c,
  );
}

import * as core from '@actions/core';
import type { ModeContext, ModeResult } from './context.js';
import { code, markdownTable } from '../report/markdown.js';
import { settingRows, type SettingRow } from '../report/settings.js';

/**
 * `mode: validate`: checks the inputs and policy file (already done by the time this runs) and
 * shows the settings a guard or rollback would use, with where each came from. Changes nothing.
 */
export async function validate({ config, env }: ModeContext): Promise<ModeResult> {
  const rows = settingRows(config);
  core.info(`Configuration is valid: ${config.policyFile ?? 'no policy file'}`);
  for (const row of rows) core.info(`  ${row.name.padEnd(15)} ${row.value}  [${row.from}]`);

  // Outside a runner (a local `node dist/index.js`) there is no summary file to write.
  if (env.GITHUB_STEP_SUMMARY) {
    const policy = config.policyFile ? code(config.policyFile) : 'none (inputs and defaults only)';
    await core.summary
      .addRaw('## rollback-action: configuration is valid\n\n')
      .addRaw(`Policy file: ${policy}. Nothing was changed.\n\n`)
      .addRaw(
        markdownTable(
          ['Setting', 'Value', 'From'],
          rows.map((r) => [code(r.name), r.value, r.from]),
        ),
      )
      .addEOL()
      .write();
  }
  return { outputs: {}, report: { settings: settingsRecord(rows) } };
}

function settingsRecord(rows: SettingRow[]): Record<string, { value: string; from: string }> {
  return Object.fromEntries(rows.map((row) => [row.name, { value: row.value, from: row.from }]));
}

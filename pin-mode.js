/**
 * The entry of the sub-actions that pin a mode (capture/, guard/, rollback/, rehearse/), as
 * actions/cache has restore/ and save/: the mode is set the way the runner sets a `mode:`
 * input, then the action's one bundle runs, so dist/ is built once for all of them.
 */
import process from 'node:process';

export async function runPinned(mode) {
  const given = process.env.INPUT_MODE?.trim();
  if (given && given !== mode) {
    // A workflow command, as @actions/core writes it: one annotation, and nothing runs.
    const shown = given.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
    process.stdout.write(
      `::error::rollback-action: the ${mode} sub-action always runs mode ${mode}, and 'mode: ${shown}' was given; remove it, or use rollback-action/rollback-action@v1 for other modes\n`,
    );
    process.exitCode = 1;
    return;
  }
  process.env.INPUT_MODE = mode;
  await import('./dist/index.js');
}

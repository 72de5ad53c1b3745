import { readFileBounded, TooLargeError } from '../bounded.js';
import { UserError, messageOf } from '../errors.js';
import { formatBytes, LIMITS } from '../limits.js';
import { placeInWorkspace } from './inside.js';
import { loadImports } from './import/files.js';
import type { Policy } from './types.js';
import { parsePolicy } from './validate.js';

export interface LoadedPolicy {
  /** The path as the user wrote it (relative to the workspace), for messages. */
  file: string;
  policy: Policy;
  /** What does not stop the run but is worth a look, each at its place in the file. */
  warnings: UserError[];
}

/**
 * Reads the policy file. The default path is optional: when it does not exist there is simply
 * no policy. A path the user named must exist.
 */
export function loadPolicy(
  workspace: string,
  file: string,
  explicit: boolean,
  /** The `interval` input, which imports compare the tools' own intervals with. */
  intervalInputMs?: number,
): LoadedPolicy | undefined {
  const place = placeInWorkspace(workspace, file);
  if ('outside' in place)
    throw new UserError(
      place.outside === 'link'
        ? `input 'policy': '${file}' is a link that leads outside the workspace`
        : `input 'policy': '${file}' is outside the workspace; the policy is a file of the repository, given relative to it`,
    );
  let text: string;
  try {
    text = readFileBounded(place.path, LIMITS.policyFile);
  } catch (error) {
    if (error instanceof TooLargeError)
      throw new UserError(
        `input 'policy': '${file}' is larger than ${formatBytes(error.limit)}; a policy file is a few KiB`,
      );
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && !explicit) return undefined;
    if (code === 'ENOENT') throw new UserError(`input 'policy': file not found: '${file}'`);
    if (code === 'EISDIR')
      throw new UserError(`input 'policy': '${file}' is a directory, not a file`);
    throw new UserError(`input 'policy': cannot read '${file}': ${messageOf(error)}`);
  }
  const parsed = parsePolicy(text, file);
  // The files of `import:` become triggers, checked like the policy's own.
  const { imported, warnings } = loadImports(workspace, file, text, parsed.policy, intervalInputMs);
  return {
    file,
    policy: imported.length ? { ...parsed.policy, imported } : parsed.policy,
    warnings: [...parsed.warnings, ...warnings],
  };
}

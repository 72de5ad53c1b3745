import { realpathSync } from 'node:fs';
import * as path from 'node:path';

/**
 * Where a file the policy side names lies, relative to the workspace: the policy and its
 * imports are files of the repository, so a path out of it (`/etc/...`, `../..`) or a link
 * leading out of it is refused before anything is read.
 */
export function placeInWorkspace(
  workspace: string,
  file: string,
): { path: string } | { outside: 'path' | 'link' } {
  const root = realOrSame(path.resolve(workspace));
  const resolved = path.resolve(root, file);
  const outside = (p: string): boolean => {
    const relative = path.relative(root, p);
    return relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative);
  };
  if (outside(resolved)) return { outside: 'path' };
  // A link inside the workspace must not lead out of it either.
  if (outside(realOrSame(resolved))) return { outside: 'link' };
  return { path: resolved };
}

function realOrSame(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return p;
  }
}

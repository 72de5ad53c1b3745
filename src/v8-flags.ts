/**
 * V8 settings for a long watch. An action cannot pass node flags (action.yml runs
 * dist/index.js), so they are set at run time, before the bundle is compiled: the compile
 * cache checks V8's flags, and what it keeps must be made and read under the same ones.
 *
 * Measured on `bench/overhead.ts`'s 30-minute guard of 10 triggers (peak RSS, node 24):
 * 123 MiB with V8's defaults, 84 MiB with both of these, in the same CPU time.
 * - The young generation stays at its initial size: V8 doubles it (to 16 MiB a semi-space)
 *   as objects survive its scavenges, and a watch's in-flight requests always do, so its
 *   32 MiB of semi-spaces were committed for a few hundred KiB alive at a time (~25 MiB).
 * - No Maglev: its optimised code and compile zones for the hot evaluation loops held
 *   ~15 MiB more; TurboFan still optimises what stays hot, and a watch mostly waits.
 */
import { setFlagsFromString } from 'node:v8';

export const MEMORY_FLAGS = ['--semi-space-growth-factor=1', '--no-maglev'] as const;

export function limitMemory(): void {
  for (const flag of MEMORY_FLAGS) setFlagsFromString(flag);
}

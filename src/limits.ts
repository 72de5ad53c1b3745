/**
 * How much the action reads at most, per file and per answer. Past a cap it stops reading and
 * says so: a wrong path (/dev/zero) or a huge answer must not exhaust the runner's memory.
 */
const MiB = 1024 * 1024;

export const LIMITS = {
  policyFile: 1 * MiB,
  /** Each file of the policy's `import:` (an AnalysisTemplate, a rule file). */
  importFile: 1 * MiB,
  snapshotFile: 16 * MiB,
  caFile: 1 * MiB,
  kubeconfigFile: 4 * MiB,
  prometheusAnswer: 16 * MiB,
  httpJsonAnswer: 8 * MiB,
  healthAnswer: 1 * MiB,
  /** Per scraped URL. */
  scrapeAnswer: 16 * MiB,
  /** Generous: a LIST of ReplicaSets or pods can be big. */
  kubeAnswer: 64 * MiB,
} as const;

/** `16 MiB`, `512 KiB`, `100 bytes`: a cap for messages. */
export function formatBytes(bytes: number): string {
  if (bytes >= MiB && bytes % MiB === 0) return `${bytes / MiB} MiB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KiB`;
  return `${bytes} bytes`;
}

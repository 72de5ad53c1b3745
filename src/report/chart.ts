/**
 * A failing metric over the watch as a Mermaid `xychart-beta` block, which GitHub renders in
 * issues: the metric as one line, its threshold as a flat second line. Mermaid has no legend
 * for xychart, so the title names both. Series are cut to a few dozen points, keeping the
 * worst value of each stretch so a spike is not averaged away.
 */
export interface ChartPoint {
  at: number;
  value?: number;
}

export interface ChartInput {
  name: string;
  observations: readonly ChartPoint[];
  threshold?: number;
  /** The side that breaches: the worst of a stretch is its maximum for `above`. */
  direction?: 'above' | 'below';
  /** The deploy: the x axis counts from it (default: the first observation). */
  origin?: number;
}

export const MAX_POINTS = 40;

/** A label Mermaid reads as plain text inside quotes: no quotes, brackets, `%%`, `;` or `#`. */
export function mermaidLabel(text: string, max = 60): string {
  const plain = text
    .replace(/[^A-Za-z0-9 _.,:/()+-]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return plain.length > max ? plain.slice(0, max).trimEnd() : plain;
}

/** A number Mermaid parses: finite, no exponent, a few significant digits. */
export function mermaidNumber(value: number): string {
  const short = Number(value.toPrecision(4));
  const text = String(short);
  if (!text.includes('e')) return text;
  // toFixed writes an exponent too from 1e21 up; BigInt does not.
  if (Math.abs(short) >= 1e21) return BigInt(Math.round(short)).toString();
  return short.toFixed(20).replace(/\.?0+$/, '');
}

/** At most `max` points: the observations with a value, the worst of each equal stretch. */
export function downsample(
  points: readonly ChartPoint[],
  max = MAX_POINTS,
  direction: 'above' | 'below' = 'above',
): { at: number; value: number }[] {
  const valued = points.flatMap((p) =>
    p.value !== undefined && Number.isFinite(p.value) ? [{ at: p.at, value: p.value }] : [],
  );
  if (valued.length <= max) return valued;
  const worse = (a: number, b: number): boolean => (direction === 'above' ? a > b : a < b);
  const out: { at: number; value: number }[] = [];
  for (let bucket = 0; bucket < max; bucket++) {
    const from = Math.floor((bucket * valued.length) / max);
    const to = Math.floor(((bucket + 1) * valued.length) / max);
    let pick = valued[from];
    for (let i = from + 1; i < to; i++) {
      const p = valued[i];
      if (p && pick && worse(p.value, pick.value)) pick = p;
    }
    if (pick) out.push(pick);
  }
  return out;
}

/**
 * Time since the deploy, `+3:15` (or `+1:03:15`): short enough for a few dozen labels side
 * by side, unique per second (Mermaid merges equal labels), and the same clock as the
 * timeline's "Since deploy" column.
 */
export function sinceLabel(ms: number): string {
  const total = Math.max(0, Math.round(ms / 1000));
  const pad = (n: number): string => String(n).padStart(2, '0');
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  return h ? `+${h}:${pad(m)}:${pad(total % 60)}` : `+${m}:${pad(total % 60)}`;
}

/** The chart as a fenced block, or undefined when no observation has a value. */
export function mermaidChart(input: ChartInput, max = MAX_POINTS): string | undefined {
  const points = downsample(input.observations, max, input.direction);
  if (points.length === 0) return undefined;
  const name = mermaidLabel(input.name) || 'metric';
  const threshold =
    input.threshold !== undefined && Number.isFinite(input.threshold) ? input.threshold : undefined;
  const title =
    threshold === undefined
      ? name
      : `${name}: value, and threshold ${mermaidNumber(threshold)} (flat line)`;
  const origin = input.origin ?? points[0]?.at ?? 0;
  const labels = points.map((p) => `"${sinceLabel(p.at - origin)}"`);
  const lines = [
    '```mermaid',
    'xychart-beta',
    `    title "${mermaidLabel(title, 120)}"`,
    `    x-axis "time since the deploy (m:ss)" [${labels.join(', ')}]`,
    `    y-axis "${name}"`,
    `    line [${points.map((p) => mermaidNumber(p.value)).join(', ')}]`,
  ];
  if (threshold !== undefined)
    lines.push(`    line [${points.map(() => mermaidNumber(threshold)).join(', ')}]`);
  lines.push('```');
  return lines.join('\n');
}

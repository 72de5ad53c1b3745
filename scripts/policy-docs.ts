/**
 * Generates docs/policy.md's reference from the policy's JSON Schema, the built-in defaults
 * of src/config.ts, the `runbook` preset of src/policy/presets.ts and the shipped example, so
 * none of them can drift from the page (a test compares them; `npm run docs` rewrites it).
 */
import { DEFAULTS } from '../src/config.js';
import { formatDuration } from '../src/duration.js';
import { runbookTriggers } from '../src/policy/presets.js';
import { eventCountOf, histogramQuantileOf } from '../src/metrics/promql.js';
import type { TriggerSpec } from '../src/policy/types.js';

/** The part of JSON Schema draft-07 the policy schema uses. */
export interface SchemaNode {
  $ref?: string;
  description?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: SchemaNode[];
  items?: SchemaNode;
  properties?: Record<string, SchemaNode>;
  additionalProperties?: boolean | SchemaNode;
  required?: string[];
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  uniqueItems?: boolean;
}

export interface PolicySchema extends SchemaNode {
  definitions: Record<string, SchemaNode>;
  properties: Record<string, SchemaNode>;
}

/** One documented key. */
export interface KeyRow {
  path: string;
  type: string;
  default: string;
  allowed: string;
  description: string;
  required: boolean;
}

/**
 * Defaults that live in code (src/config.ts's DEFAULTS), not in a description: the key's
 * path and how to print the value. The rest are read from the descriptions ("default 10m").
 */
const CODE_DEFAULTS: Record<string, string> = {
  'watch.window': formatDuration(DEFAULTS.windowMs),
  'watch.interval': formatDuration(DEFAULTS.intervalMs),
  'watch.no-data': DEFAULTS.noData,
  'watch.inconclusive': DEFAULTS.inconclusive,
  'watch.baseline-window': formatDuration(DEFAULTS.baselineWindowMs),
  'watch.rollout-timeout': formatDuration(DEFAULTS.rolloutTimeoutMs),
  strategy: DEFAULTS.strategy,
  approval: DEFAULTS.approval,
  'rollback.to-revision': DEFAULTS.toRevision.kind,
  'rollback.concurrency': String(DEFAULTS.concurrency),
  'rollback.timeout': formatDuration(DEFAULTS.rollbackTimeoutMs),
  'backtest.lookback': formatDuration(DEFAULTS.lookbackMs),
};

/** Named definitions shown as a type of their own rather than as their JSON type. */
const NAMED_TYPES: Record<string, string> = {
  duration: 'duration',
  url: 'URL',
  envName: 'env var name',
  namespace: 'namespace',
  target: 'target',
  argv: 'command (list of words)',
  headers: 'map of string',
  headersEnv: 'map of env var name',
};

/** How the descriptions state a default, most specific first. */
const DEFAULT_PATTERNS: RegExp[] = [
  /'([^']+)' \(default\)/,
  /'([^']+)' \([^()]*the default\)/,
  /\(default:? ([^()]+?)(?:[:;] [^()]*)?\)/,
  /[Dd]efault (?:per [a-z ]+: )?'([^']+)'/,
  /(?:^|[.;] )[Dd]efault:? ([^.;]+)[.;]?/,
];

export function defaultFrom(path: string, description: string): string {
  const fromCode = CODE_DEFAULTS[path];
  if (fromCode !== undefined) return fromCode;
  for (const pattern of DEFAULT_PATTERNS) {
    const match = pattern.exec(description);
    if (match?.[1]) return match[1].replace(/ \([^()]*\)$/, '').trim();
  }
  return '';
}

function resolve(schema: PolicySchema, node: SchemaNode): { node: SchemaNode; ref?: string } {
  if (!node.$ref) return { node };
  const name = node.$ref.replace('#/definitions/', '');
  const target = schema.definitions[name];
  if (!target) throw new Error(`schema: ${node.$ref} is not defined`);
  return { node: { ...target, ...node, $ref: undefined }, ref: name };
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function code(value: unknown): string {
  return `\`${typeof value === 'string' ? value : JSON.stringify(value)}\``;
}

function typeOf(schema: PolicySchema, raw: SchemaNode): string {
  const { node, ref } = resolve(schema, raw);
  if (ref && NAMED_TYPES[ref]) return NAMED_TYPES[ref];
  if (node.const !== undefined) return typeof node.const === 'number' ? 'integer' : 'string';
  if (node.enum) return 'enum';
  if (node.anyOf) return [...new Set(node.anyOf.map((n) => typeOf(schema, n)))].join(' or ');
  if (Array.isArray(node.type)) return node.type.join(' or ');
  if (node.type === 'array') {
    const item = node.items ? resolve(schema, node.items) : undefined;
    if (!item) return 'list';
    if (item.node.properties) return 'list of objects';
    return `list of ${typeOf(schema, node.items ?? {})}`;
  }
  if (node.type === 'object' && !node.properties && typeof node.additionalProperties === 'object')
    return `map of ${typeOf(schema, node.additionalProperties)}`;
  if (node.type === 'object' && !node.properties) return 'object';
  return node.type ?? 'any';
}

function allowedOf(schema: PolicySchema, raw: SchemaNode): string {
  const { node } = resolve(schema, raw);
  const parts: string[] = [];
  if (node.const !== undefined) parts.push(code(node.const));
  if (node.enum) parts.push(node.enum.map(code).join(', '));
  if (node.anyOf) parts.push(...node.anyOf.map((n) => allowedOf(schema, n)).filter(Boolean));
  if (node.type === 'array' && node.items) {
    const items = allowedOf(schema, node.items);
    const item = resolve(schema, node.items).node;
    if (items) parts.push(item.enum || item.const !== undefined ? items : `each ${items}`);
    if (node.minItems !== undefined) parts.push(`at least ${plural(node.minItems, 'item')}`);
    if (node.maxItems !== undefined) parts.push(`at most ${plural(node.maxItems, 'item')}`);
    if (node.uniqueItems) parts.push('no repeats');
  }
  if (node.minimum !== undefined && node.maximum !== undefined)
    parts.push(`${node.minimum} to ${node.maximum}`);
  else if (node.minimum !== undefined) parts.push(`≥ ${node.minimum}`);
  else if (node.maximum !== undefined) parts.push(`≤ ${node.maximum}`);
  if (node.maxLength !== undefined) parts.push(`at most ${node.maxLength} characters`);
  return parts.join('; ');
}

/** Every key of the schema, depth first in the schema's order; list items are `key[]`. */
export function policyKeys(schema: PolicySchema): KeyRow[] {
  const rows: KeyRow[] = [];
  const visit = (path: string, raw: SchemaNode, required: boolean): void => {
    const { node, ref } = resolve(schema, raw);
    const description = (raw.description ?? node.description ?? '').replace(/\s+/g, ' ').trim();
    rows.push({
      path,
      type: typeOf(schema, raw),
      default: defaultFrom(path, description),
      allowed: allowedOf(schema, raw),
      description,
      required,
    });
    if (ref && NAMED_TYPES[ref]) return;
    const children = (base: string, object: SchemaNode): void => {
      for (const [key, child] of Object.entries(object.properties ?? {}))
        visit(`${base}.${key}`, child, object.required?.includes(key) ?? false);
    };
    if (node.properties) children(path, node);
    if (node.type === 'array' && node.items) {
      const item = resolve(schema, node.items).node;
      if (item.properties) children(`${path}[]`, item);
    }
  };
  for (const [key, child] of Object.entries(schema.properties)) visit(key, child, false);
  return rows;
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|');
}

function table(rows: KeyRow[]): string {
  const lines = [
    '| Key | Type | Default | Allowed | Description |',
    '| --- | --- | --- | --- | --- |',
  ];
  for (const row of rows) {
    const key = `\`${row.path}\`${row.required ? ' (required)' : ''}`;
    // A value is shown as code; a default told in words ("the actor who deployed") is not.
    const literal = /^[\w.:/@%+-]+(, [\w.:/@%+-]+)*$/.test(row.default);
    const fallback = row.default && literal ? `\`${row.default}\`` : row.default;
    lines.push(
      `| ${key} | ${cell(row.type)} | ${cell(fallback)} | ${cell(row.allowed)} | ${cell(row.description)} |`,
    );
  }
  return lines.join('\n');
}

/** One section per top-level key, its table holding the key and everything under it. */
export function renderKeys(schema: PolicySchema): string {
  const rows = policyKeys(schema);
  const sections: string[] = [];
  for (const top of Object.keys(schema.properties)) {
    const own = rows.filter(
      (r) => r.path === top || r.path.startsWith(`${top}.`) || r.path.startsWith(`${top}[]`),
    );
    sections.push(`### \`${top}\`\n\n${table(own)}`);
  }
  return sections.join('\n\n');
}

function condition(trigger: TriggerSpec): string {
  const parts: string[] = [];
  if (trigger.above !== undefined) parts.push(`above ${trigger.above}`);
  if (trigger.below !== undefined) parts.push(`below ${trigger.below}`);
  if (trigger.relative !== undefined) parts.push(`${trigger.relative} of the baseline`);
  const histogram = trigger.query === undefined ? undefined : histogramQuantileOf(trigger.query);
  const events = trigger.query === undefined ? undefined : eventCountOf(trigger.query);
  if (events)
    parts.push(
      `per ${formatDuration(events.rangeSeconds * 1000)}, a sequential test on every event since the rollout once ${formatDuration(events.rangeSeconds * 1000)} is counted`,
    );
  else parts.push(trigger.for ? `for ${trigger.for}` : 'at the first poll');
  if (trigger['fast-fail']) parts.push('or sooner when the sequential test is sure');
  else if (histogram)
    parts.push(
      `or sooner when the sequential test is sure more than ${Number(((1 - histogram.quantile) * 100).toPrecision(3))} % of requests are slower (from the buckets)`,
    );
  if (trigger['relative-to-baseline'])
    parts.push('(the rate before the deploy raises the bar when it was higher)');
  return parts.join(' ');
}

/** The `runbook` preset for a selector, one row per trigger, from the code that expands it. */
export function renderPreset(selector: string): string {
  const lines = ['| Trigger | Severity | Fails when | Reads |', '| --- | --- | --- | --- |'];
  for (const t of runbookTriggers(selector)) {
    const reads = t.ratio
      ? `errors \`${t.ratio.errors}\` over total \`${t.ratio.total}\``
      : `\`${t.query ?? ''}\``;
    lines.push(`| \`${t.name}\` | ${t.severity ?? ''} | ${condition(t)} | ${cell(reads)} |`);
  }
  return lines.join('\n');
}

export function renderExample(text: string): string {
  return ['```yaml', text.trimEnd(), '```'].join('\n');
}

/** The selector the preset is shown with: the lab's service, as the README's quick start. */
export const PRESET_SELECTOR = 'job="shop-api"';

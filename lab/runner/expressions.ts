/**
 * `${{ }}` in workflow and action files, evaluated as the runner does, by GitHub's own
 * expression evaluator (@actions/expressions) over the contexts a test gives. Pure: no file,
 * no process; the step runner (workflow.ts) calls these with each step's contexts.
 */
import { Evaluator, Lexer, Parser, data } from '@actions/expressions';
import type { FunctionDefinition } from '@actions/expressions/funcs/info';
import { truthy } from '@actions/expressions/result';

/** The contexts a step's expressions read; what a test leaves out is an empty object. */
export interface Contexts {
  /** `github`: `event`, `event_name`, `sha`, `repository`, `token`, ... */
  github: Record<string, unknown>;
  inputs?: Record<string, unknown>;
  env?: Record<string, string>;
  vars?: Record<string, string>;
  secrets?: Record<string, string>;
  steps?: Record<string, { outputs: Record<string, string>; outcome: string; conclusion: string }>;
  needs?: Record<string, { outputs: Record<string, string>; result: string }>;
  matrix?: Record<string, unknown>;
  job?: Record<string, unknown>;
  runner?: Record<string, unknown>;
}

/** What the status functions answer: the job so far (a step's `if:`) or its needs (a job's). */
export type Status = 'success' | 'failure' | 'cancelled';

const CONTEXT_NAMES = [
  'github',
  'inputs',
  'env',
  'vars',
  'secrets',
  'steps',
  'needs',
  'matrix',
  'job',
  'runner',
] as const satisfies readonly (keyof Contexts)[];

function statusFunctions(status: Status): FunctionDefinition[] {
  const answer = (value: boolean) => () => new data.BooleanData(value);
  return [
    { name: 'success', minArgs: 0, maxArgs: 0, call: answer(status === 'success') },
    { name: 'failure', minArgs: 0, maxArgs: 0, call: answer(status === 'failure') },
    { name: 'cancelled', minArgs: 0, maxArgs: 0, call: answer(status === 'cancelled') },
    { name: 'always', minArgs: 0, maxArgs: 0, call: answer(true) },
  ];
}

/** One expression (without `${{ }}`), evaluated; a syntax error or unknown name throws. */
export function evaluate(
  expression: string,
  contexts: Contexts,
  status: Status = 'success',
): data.ExpressionData {
  const functions = statusFunctions(status);
  const lexed = new Lexer(expression).lex();
  const ast = new Parser(lexed.tokens, [...CONTEXT_NAMES], functions).parse();
  // Plain JSON into the evaluator's data types; a missing context is an empty one.
  const tree = Object.fromEntries(CONTEXT_NAMES.map((name) => [name, contexts[name] ?? {}]));
  const context = JSON.parse(JSON.stringify(tree), data.reviver) as data.Dictionary;
  return new Evaluator(ast, context, new Map(functions.map((f) => [f.name, f]))).evaluate();
}

/**
 * A value with `${{ }}` in it, as the runner gives it to a step: each expression coerced to
 * a string in place (`true`, `3`, `''` for null). A value without one is returned as it is.
 */
export function interpolate(value: string, contexts: Contexts): string {
  let out = '';
  let at = 0;
  for (;;) {
    const open = value.indexOf('${{', at);
    if (open < 0) return out + value.slice(at);
    const close = closingBraces(value, open + 3);
    if (close < 0) throw new Error(`expression not closed: ${value.slice(open)}`);
    out += value.slice(at, open) + evaluate(value.slice(open + 3, close), contexts).coerceString();
    at = close + 2;
  }
}

/** Where the `}}` that ends an expression is: not one inside a 'string literal'. */
function closingBraces(text: string, from: number): number {
  let quoted = false;
  for (let i = from; i < text.length - 1; i++) {
    if (text[i] === "'") quoted = !quoted;
    else if (!quoted && text[i] === '}' && text[i + 1] === '}') return i;
  }
  return -1;
}

/**
 * An `if:` as the runner reads it: with or without `${{ }}`; without a status function it means
 * `success() && (...)`, so a step after a failure is skipped unless it asks otherwise.
 */
export function condition(
  text: string | boolean | undefined,
  contexts: Contexts,
  status: Status,
): boolean {
  if (text === undefined) return status === 'success';
  const source = String(text).trim();
  const whole = /^\$\{\{([\s\S]*)\}\}$/.exec(source);
  const expression = whole ? (whole[1] ?? '') : source;
  const guarded = /\b(success|failure|always|cancelled)\s*\(/.test(expression)
    ? expression
    : `success() && (${expression})`;
  return truthy(evaluate(guarded, contexts, status));
}

/** Every value of a `with:` or `env:` map interpolated; YAML booleans and numbers as text. */
export function resolveMap(
  map: Record<string, string | number | boolean> | undefined,
  contexts: Contexts,
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(map ?? {}).map(([key, value]) => [key, interpolate(String(value), contexts)]),
  );
}

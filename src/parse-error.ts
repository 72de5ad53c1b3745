/**
 * A parser's error as one line that never quotes the text it parsed: JSON.parse and js-yaml
 * echo the start of the input (`"root:x:0:0"... is not valid JSON`), and the input may be a
 * file that is not ours (a wrong path) or hold secrets.
 */
import { redactUrlsIn } from './url.js';
import { messageOf } from './errors.js';

interface YamlLike {
  name: string;
  reason?: string;
  mark?: { line: number; column: number };
}

export function parseErrorLine(error: unknown): string {
  if (error instanceof SyntaxError) {
    // V8: `... in JSON at position 12 (line 1 column 13)`; the rest may quote the input.
    const at = /at position \d+(?: \(line \d+ column \d+\))?/.exec(error.message)?.[0];
    return at ? `not valid JSON (${at})` : 'not valid JSON';
  }
  const yaml = error as YamlLike;
  if (yaml.name === 'YAMLException' && yaml.reason)
    return yaml.mark
      ? `invalid YAML: ${yaml.reason} (line ${yaml.mark.line + 1}, column ${yaml.mark.column + 1})`
      : `invalid YAML: ${yaml.reason}`;
  const first = messageOf(error).split('\n')[0] ?? '';
  return redactUrlsIn(first.length > 200 ? `${first.slice(0, 197)}...` : first);
}

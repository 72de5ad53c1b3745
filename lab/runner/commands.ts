/**
 * Parsing of what a GitHub runner reads from an action: workflow commands on stdout
 * (`::error file=a,line=1::msg`) and file commands (GITHUB_OUTPUT, GITHUB_STATE, GITHUB_ENV)
 * in both the `name=value` and the `name<<DELIMITER` heredoc forms.
 */

export type AnnotationLevel = 'error' | 'warning' | 'notice';

export interface Annotation {
  level: AnnotationLevel;
  message: string;
  file?: string;
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
  title?: string;
}

export interface ParsedLog {
  /** The log as the runner shows it: commands consumed, masked values replaced by ***. */
  lines: string[];
  annotations: Annotation[];
  masks: string[];
  debug: string[];
  /** `::set-output` (deprecated) and `::save-state` lines, for actions that still use them. */
  legacyOutputs: Record<string, string>;
  groups: string[];
}

const COMMAND = /^::([a-z-]+)(?:\s+([^:]*))?::(.*)$/;

function unescapeData(text: string): string {
  return text.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
}

function unescapeProperty(text: string): string {
  return text
    .replace(/%0D/g, '\r')
    .replace(/%0A/g, '\n')
    .replace(/%3A/g, ':')
    .replace(/%2C/g, ',')
    .replace(/%25/g, '%');
}

function parseProperties(text: string | undefined): Record<string, string> {
  const properties: Record<string, string> = {};
  for (const pair of (text ?? '').split(',')) {
    const eq = pair.indexOf('=');
    if (eq > 0) properties[pair.slice(0, eq).trim()] = unescapeProperty(pair.slice(eq + 1));
  }
  return properties;
}

function mask(line: string, masks: readonly string[]): string {
  let out = line;
  for (const secret of masks) if (secret) out = out.split(secret).join('***');
  return out;
}

/** Reads stdout as the runner does, honouring ::stop-commands:: and masks. */
export function parseLog(stdout: string): ParsedLog {
  const parsed: ParsedLog = {
    lines: [],
    annotations: [],
    masks: [],
    debug: [],
    legacyOutputs: {},
    groups: [],
  };
  let stopToken: string | undefined;
  for (const raw of stdout.split(/\r?\n/)) {
    const match = COMMAND.exec(raw);
    if (stopToken !== undefined) {
      if (raw === `::${stopToken}::`) stopToken = undefined;
      else parsed.lines.push(mask(raw, parsed.masks));
      continue;
    }
    if (!match) {
      parsed.lines.push(mask(raw, parsed.masks));
      continue;
    }
    const [, command, props, data = ''] = match;
    const properties = parseProperties(props);
    const message = unescapeData(data);
    switch (command) {
      case 'add-mask':
        if (message) parsed.masks.push(message);
        break;
      case 'debug':
        parsed.debug.push(mask(message, parsed.masks));
        break;
      case 'error':
      case 'warning':
      case 'notice':
        parsed.annotations.push(annotation(command, mask(message, parsed.masks), properties));
        parsed.lines.push(
          `${command === 'error' ? 'Error' : command === 'warning' ? 'Warning' : 'Notice'}: ${mask(message, parsed.masks)}`,
        );
        break;
      case 'group':
        parsed.groups.push(message);
        parsed.lines.push(`▶ ${mask(message, parsed.masks)}`);
        break;
      case 'endgroup':
        break;
      case 'set-output':
      case 'save-state':
        if (properties.name) parsed.legacyOutputs[properties.name] = message;
        break;
      case 'stop-commands':
        stopToken = message;
        break;
      default:
        parsed.lines.push(mask(raw, parsed.masks));
    }
  }
  return parsed;
}

function annotation(
  level: AnnotationLevel,
  message: string,
  p: Record<string, string>,
): Annotation {
  const num = (value: string | undefined): number | undefined =>
    value === undefined ? undefined : Number(value);
  const result: Annotation = { level, message };
  if (p.file !== undefined) result.file = p.file;
  if (p.line !== undefined) result.line = num(p.line);
  if (p.col !== undefined) result.column = num(p.col);
  if (p.endLine !== undefined) result.endLine = num(p.endLine);
  if (p.endColumn !== undefined) result.endColumn = num(p.endColumn);
  if (p.title !== undefined) result.title = p.title;
  return result;
}

/**
 * Parses a file command file. The runner accepts `name=value` lines and heredocs
 * `name<<DELIM` … `DELIM`; it rejects a heredoc whose delimiter never comes.
 */
export function parseFileCommands(text: string): Record<string, string> {
  const values: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] ?? '').replace(/\r$/, '');
    if (line === '') continue;
    const heredoc = line.indexOf('<<');
    const equals = line.indexOf('=');
    if (heredoc > 0 && (equals < 0 || heredoc < equals)) {
      const name = line.slice(0, heredoc);
      const delimiter = line.slice(heredoc + 2);
      const body: string[] = [];
      let closed = false;
      for (i += 1; i < lines.length; i++) {
        const next = (lines[i] ?? '').replace(/\r$/, '');
        if (next === delimiter) {
          closed = true;
          break;
        }
        body.push(next);
      }
      if (!closed)
        throw new Error(`file command '${name}': matching delimiter '${delimiter}' not found`);
      values[name] = body.join('\n');
    } else if (equals > 0) {
      values[line.slice(0, equals)] = line.slice(equals + 1);
    } else {
      throw new Error(`invalid file command line: '${line}'`);
    }
  }
  return values;
}

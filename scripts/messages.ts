/**
 * The user-facing error messages of src/, read from the source with the TypeScript compiler
 * API, and the messages docs/troubleshooting.md lists, so a test can hold the two equal.
 *
 * A user-facing error is a message the action prints as an error (an `::error::` annotation
 * or the failed step's last line) that the code writes out as text. Mechanically, a string or
 * template literal in src/ that is
 *
 * - `UserError`: the first argument of `new UserError(…)` (bad input, policy, environment:
 *   main.ts prints each as one line and stops before acting);
 * - `error class`: the message of one of src/'s own error classes (`KubeError`, `GitError`,
 *   `GitHubError`, `PrometheusQueryError`, …): the first argument of `new XError(…)` or the
 *   `super(…)` call in the class; main.ts prints them with `core.setFailed`;
 * - `problem`: the `message` of an object literal passed to `.push(…)` that is not marked
 *   `level: 'warning'` (the policy validator's and the importers' problem lists);
 * - `problem helper`: returned by a function whose name ends in `Problem` (a problem found
 *   in one value, which its caller pushes as a `problem`);
 * - `helper`: the text argument of the few local helpers that wrap a message into a
 *   `UserError` (`HELPERS` below);
 * - `failure`: the value of a `failure` property in src/modes/ or src/rollback/, or what a
 *   function there named `failure…` returns: the result of a mode that main.ts ends with
 *   `core.setFailed`;
 * - `boundary`: an argument of `core.setFailed(…)` or `core.error(…)` itself.
 *
 * Each `${…}` becomes `…`; a conditional gives one message per branch; `+` joins. A literal
 * made only of placeholders and punctuation (`${where}: ${message}`) wraps a message written
 * elsewhere and is not a message of its own.
 */
import ts from 'typescript';
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';

export type Rule =
  'UserError' | 'error class' | 'problem' | 'problem helper' | 'helper' | 'failure' | 'boundary';

export interface Message {
  pattern: string;
  rule: Rule;
  /** `src/…/file.ts:line`, relative to the repository. */
  at: string;
}

/** Local functions whose argument is a message they turn into a UserError. */
const HELPERS: { file: string; callee: string; arg: number }[] = [
  { file: 'inputs.ts', callee: 'fail', arg: 1 },
  { file: 'policy/validate.ts', callee: 'here', arg: 0 },
  { file: 'policy/validate.ts', callee: 'lineError', arg: 2 },
  { file: 'metrics/sources.ts', callee: 'lack', arg: 0 },
];

export const PLACEHOLDER = '…';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) =>
      e.isDirectory()
        ? sourceFiles(path.join(dir, e.name))
        : e.name.endsWith('.ts') && !e.name.endsWith('.d.ts')
          ? [path.join(dir, e.name)]
          : [],
    )
    .sort();
}

/** The texts an expression can produce, or undefined when it is not written out here. */
export function templatesOf(node: ts.Expression): string[] | undefined {
  if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node))
    return templatesOf(node.expression);
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return [node.text];
  if (ts.isTemplateExpression(node))
    return [node.head.text + node.templateSpans.map((s) => PLACEHOLDER + s.literal.text).join('')];
  if (ts.isConditionalExpression(node)) {
    const yes = templatesOf(node.whenTrue);
    const no = templatesOf(node.whenFalse);
    if (!yes && !no) return undefined;
    return [...(yes ?? [PLACEHOLDER]), ...(no ?? [PLACEHOLDER])];
  }
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    const left = templatesOf(node.left);
    const right = templatesOf(node.right);
    if (!left && !right) return undefined;
    return (left ?? [PLACEHOLDER]).flatMap((l) => (right ?? [PLACEHOLDER]).map((r) => l + r));
  }
  return undefined;
}

/** Only placeholders and punctuation: a wrapper around a message written elsewhere. */
function isWrapper(pattern: string): boolean {
  return !/\p{L}/u.test(pattern.split(PLACEHOLDER).join(''));
}

function calleeName(node: ts.CallExpression | ts.NewExpression): string {
  const e = node.expression;
  if (ts.isIdentifier(e)) return e.text;
  if (ts.isPropertyAccessExpression(e)) return `${e.expression.getText()}.${e.name.text}`;
  return e.getText();
}

function isErrorClassName(name: string): boolean {
  return /Error$/.test(name) && !['Error', 'UserError', 'UserErrors'].includes(name);
}

function enclosingFunctionName(node: ts.Node): string | undefined {
  for (let n = node.parent; n as ts.Node | undefined; n = n.parent) {
    if (ts.isFunctionDeclaration(n)) return n.name?.text;
    if (ts.isArrowFunction(n) || ts.isFunctionExpression(n) || ts.isMethodDeclaration(n)) {
      if (ts.isMethodDeclaration(n)) return n.name.getText();
      const holder = n.parent;
      if (ts.isVariableDeclaration(holder)) return holder.name.getText();
      return undefined;
    }
    if (ts.isSourceFile(n)) return undefined;
  }
  return undefined;
}

function enclosingClassName(node: ts.Node): string | undefined {
  for (let n = node.parent; n as ts.Node | undefined; n = n.parent)
    if (ts.isClassDeclaration(n)) return n.name?.text;
  return undefined;
}

function isWarningObject(object: ts.ObjectLiteralExpression): boolean {
  return object.properties.some(
    (p) =>
      ts.isPropertyAssignment(p) &&
      p.name.getText() === 'level' &&
      ts.isStringLiteral(p.initializer) &&
      p.initializer.text === 'warning',
  );
}

/** Every user-facing error message of the sources under `srcDir`. */
export function extractMessages(srcDir: string): Message[] {
  const root = path.dirname(srcDir);
  const found: Message[] = [];
  for (const file of sourceFiles(srcDir)) {
    const relative = path.relative(srcDir, file).split(path.sep).join('/');
    const source = ts.createSourceFile(
      file,
      readFileSync(file, 'utf8'),
      ts.ScriptTarget.Latest,
      true,
    );
    const add = (rule: Rule, node: ts.Node, expression: ts.Expression | undefined): void => {
      if (!expression) return;
      const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
      for (const pattern of templatesOf(expression) ?? [])
        if (!isWrapper(pattern))
          found.push({
            pattern,
            rule,
            at: `${path.relative(root, file).split(path.sep).join('/')}:${line}`,
          });
    };
    const inModes = relative.startsWith('modes/') || relative.startsWith('rollback/');
    const visit = (node: ts.Node): void => {
      if (ts.isNewExpression(node)) {
        const name = calleeName(node);
        if (name === 'UserError') add('UserError', node, node.arguments?.[0]);
        else if (isErrorClassName(name)) add('error class', node, node.arguments?.[0]);
      }
      if (ts.isCallExpression(node)) {
        const name = calleeName(node);
        if (node.expression.kind === ts.SyntaxKind.SuperKeyword) {
          const cls = enclosingClassName(node);
          if (cls && isErrorClassName(cls)) add('error class', node, node.arguments[0]);
        }
        for (const h of HELPERS)
          if (h.file === relative && h.callee === name) add('helper', node, node.arguments[h.arg]);
        if (name === 'core.setFailed' || name === 'core.error')
          add('boundary', node, node.arguments[0]);
        if (name.endsWith('.push'))
          for (const arg of node.arguments)
            if (ts.isObjectLiteralExpression(arg) && !isWarningObject(arg))
              for (const p of arg.properties)
                if (ts.isPropertyAssignment(p) && p.name.getText() === 'message')
                  add('problem', p, p.initializer);
      }
      if (
        ts.isReturnStatement(node) &&
        node.expression &&
        /Problem$/.test(enclosingFunctionName(node) ?? '')
      ) {
        // A problem is returned as its text, or as an object with a `message` (and a column).
        const returned = node.expression;
        if (ts.isObjectLiteralExpression(returned)) {
          for (const p of returned.properties)
            if (ts.isPropertyAssignment(p) && p.name.getText() === 'message')
              add('problem helper', p, p.initializer);
        } else add('problem helper', node, returned);
      }
      if (inModes && ts.isReturnStatement(node) && node.expression) {
        if (/^failure/.test(enclosingFunctionName(node) ?? ''))
          add('failure', node, node.expression);
      }
      if (
        inModes &&
        ts.isPropertyAssignment(node) &&
        node.name.getText() === 'failure' &&
        ts.isObjectLiteralExpression(node.parent)
      )
        add('failure', node, node.initializer);
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}

/**
 * The messages a troubleshooting page lists: every list item that is a code span and
 * nothing else (`` - `input 'policy': file not found: '…'` ``).
 */
export function documentedMessages(markdown: string): string[] {
  const messages: string[] = [];
  for (const line of markdown.split('\n')) {
    const match = /^- (`+) ?(.*?) ?\1$/.exec(line);
    if (match?.[2] !== undefined) messages.push(match[2]);
  }
  return messages;
}

if (process.argv[1]?.endsWith('messages.ts')) {
  const all = extractMessages(
    path.resolve(path.dirname(new URL(import.meta.url).pathname), '../src'),
  );
  for (const m of all) console.log(`${m.at}\t${m.rule}\t${m.pattern}`);
  console.log(`${all.length} messages, ${new Set(all.map((m) => m.pattern)).size} distinct`);
}

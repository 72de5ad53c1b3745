/**
 * Which files of a deployed range are database migrations, and whether any of them is a point
 * of no return. A destructive migration (a drop, a rename, a type change) leaves a schema the
 * previous release cannot use, and reversing it loses data: the design's safety rule is never
 * to roll such a release back automatically. An additive one (new tables, columns, indexes,
 * rows) leaves a schema the previous release still runs on, so the application rollback goes
 * ahead and the schema stays. Pure: paths and texts in, classification out.
 *
 * This is a reader of text, not a parser: comments and string literals are blanked first (so
 * a `DROP` in a comment, or a column named `dropped_at`, is not a drop), then statements and
 * calls are matched. Only the forward half of a migration counts: the Down section of a goose
 * file, Alembic's `downgrade()`, Rails' `def down`, Knex and TypeORM `down`, a golang-migrate
 * `.down.sql` and Liquibase `rollback` blocks are the rollback itself.
 */

export type Framework =
  | 'prisma'
  | 'flyway'
  | 'liquibase'
  | 'goose'
  | 'golang-migrate'
  | 'alembic'
  | 'django'
  | 'rails'
  | 'knex'
  | 'typeorm'
  | 'sql'
  | 'unknown';

export type MigrationKind = 'destructive' | 'additive' | 'none';

/** `warning`: worth a person's look (a data delete, code the classifier cannot read); it does not decide the kind. */
export type Effect = 'destructive' | 'additive' | 'warning';

export interface Finding {
  /** 1-based line in the original file. */
  line: number;
  /** The statement or call, on one line, cut at about 120 characters. */
  statement: string;
  /** Why, in plain words for the engineer on call. */
  why: string;
  effect: Effect;
}

export interface Classification {
  framework: Framework;
  kind: MigrationKind;
  findings: Finding[];
}

/**
 * Where each framework keeps its migrations by default. `**` prefixes, so a monorepo's
 * `services/api/db/migrate/...` counts as well as the root's. Some globs are wider than one
 * framework (`migrations/*.sql` is goose's, golang-migrate's or plain SQL; `migrations/*.ts` is
 * Knex's or TypeORM's): the file's content names the framework (see frameworkOf).
 */
export const DEFAULT_MIGRATION_GLOBS: readonly string[] = [
  // Prisma Migrate: one folder per migration, `<timestamp>_<name>/migration.sql`.
  '**/prisma/migrations/*/migration.sql',
  // Alembic (and Flask-Migrate, whose Alembic folder is `migrations/`): revision scripts.
  '**/alembic/versions/*.py',
  '**/migrations/versions/*.py',
  // Django: `<app>/migrations/0001_initial.py`; `__init__.py` starts with no digit.
  '**/migrations/[0-9]*.py',
  // Rails (and engines): `db/migrate/20261101120000_add_x.rb`.
  '**/db/migrate/*.rb',
  // Flyway: versioned `V<version>__<description>.sql` and repeatable `R__<description>.sql`
  // (undo `U` files are the rollback, not a change going forward).
  '**/db/migration/V*__*.sql',
  '**/db/migration/R__*.sql',
  // Liquibase: changelogs under a `changelog` folder, or `db.changelog-master.yaml` and kin.
  '**/changelog*/**/*.{xml,yaml,yml,json,sql}',
  '**/db.changelog-*.{xml,yaml,yml,json,sql}',
  // Knex and TypeORM (`migrations/<timestamp>_<name>.js|ts`, `<timestamp>-<Name>.ts`).
  '**/migrations/*.{js,cjs,mjs,ts}',
  // goose (`migrations/<version>_<name>.sql`) and golang-migrate (`<version>_<title>.up.sql`).
  '**/migrations/*.sql',
  '**/*.up.sql',
  '**/*.down.sql',
];

/**
 * `migrations.paths` in the policy: globs added to the defaults, or replacing them with
 * `replace-defaults: true`. A glob starting with `!` excludes (the last matching glob wins, as
 * in .gitignore), so `!vendor/**` keeps a vendored library's migrations out.
 */
export interface MigrationSettings {
  paths?: readonly string[];
  replaceDefaults?: boolean;
}

export function migrationGlobs(settings: MigrationSettings = {}): string[] {
  const own = settings.paths ?? [];
  return settings.replaceDefaults ? [...own] : [...DEFAULT_MIGRATION_GLOBS, ...own];
}

const compiled = new Map<string, RegExp>();

/**
 * A glob as a RegExp over `/`-separated paths: `*` and `?` stay within one segment, `**` as a
 * whole segment spans any number of them (zero included), `[...]` (`[!...]` negated) and
 * `{a,b}` as in a shell. The project's glob matchers (picomatch, minimatch) are dev-only
 * transitive dependencies; this small subset is all the defaults and a policy need.
 */
export function globToRegExp(glob: string): RegExp {
  const cached = compiled.get(glob);
  if (cached) return cached;
  let re = '';
  let braces = 0;
  for (let i = 0; i < glob.length; i++) {
    const c = glob.charAt(i);
    if (c === '*') {
      const segmentStart = i === 0 || glob[i - 1] === '/';
      if (glob[i + 1] === '*' && segmentStart && glob[i + 2] === '/') {
        re += '(?:[^/]*/)*';
        i += 2;
      } else if (glob[i + 1] === '*' && segmentStart && i + 2 === glob.length) {
        re += '.*';
        i += 1;
      } else {
        re += '[^/]*';
        while (glob[i + 1] === '*') i++;
      }
    } else if (c === '?') {
      re += '[^/]';
    } else if (c === '[') {
      const end = glob.indexOf(']', i + 2);
      if (end < 0) {
        re += '\\[';
        continue;
      }
      const body = glob.slice(i + 1, end).replace(/\\/g, '\\\\');
      re += body.startsWith('!') ? `[^${body.slice(1)}]` : `[${body}]`;
      i = end;
    } else if (c === '{') {
      braces++;
      re += '(?:';
    } else if (c === '}' && braces > 0) {
      braces--;
      re += ')';
    } else if (c === ',' && braces > 0) {
      re += '|';
    } else {
      re += c.replace(/[.+^$()|\\/]/g, '\\$&');
    }
  }
  const regexp = new RegExp(`^${re}$`);
  compiled.set(glob, regexp);
  return regexp;
}

function normalizePath(path: string): string {
  return path.replace(/\\/g, '/').replace(/^(?:\.\/)+/, '');
}

export function isMigrationPath(
  path: string,
  globs: readonly string[] = DEFAULT_MIGRATION_GLOBS,
): boolean {
  const p = normalizePath(path);
  let matched = false;
  for (const glob of globs) {
    const negated = glob.startsWith('!');
    if (globToRegExp(negated ? glob.slice(1) : glob).test(p)) matched = !negated;
  }
  return matched;
}

/** The framework of a migration file, from its path and, where paths are shared, its content. */
export function frameworkOf(path: string, text = ''): Framework {
  const p = normalizePath(path);
  const base = p.slice(p.lastIndexOf('/') + 1);
  if (/(?:^|\/)prisma\/migrations\/[^/]+\/migration\.sql$/.test(p)) return 'prisma';
  if (/\.(?:up|down)\.sql$/i.test(base)) return 'golang-migrate';
  if (/\.sql$/i.test(base) && /^--\s*\+goose\s+up\b/im.test(text)) return 'goose';
  if (/\.sql$/i.test(base) && /^--\s*liquibase\s+formatted\s+sql/im.test(text)) return 'liquibase';
  if (/^(?:V[0-9][0-9._]*|R)__.+\.sql$/.test(base)) return 'flyway';
  if (
    /\.(?:xml|ya?ml|json|sql)$/i.test(base) &&
    (/(?:^|\/)changelog[^/]*\//i.test(p) || /^db\.changelog-/i.test(base))
  )
    return 'liquibase';
  if (base.endsWith('.py')) {
    if (/\/versions\/[^/]+\.py$/.test(p) || /^\s*from alembic import\b/m.test(text))
      return 'alembic';
    if (/(?:^|\/)migrations\/[0-9][^/]*\.py$/.test(p) || /\bmigrations\.Migration\b/.test(text))
      return 'django';
    return 'unknown';
  }
  if (base.endsWith('.rb')) return 'rails';
  if (/\.(?:c|m)?[jt]s$/.test(base)) {
    if (/\bMigrationInterface\b/.test(text)) return 'typeorm';
    if (
      /\bexports\.up\b|\bexport\s+(?:async\s+)?function\s+up\b|\bexport\s+const\s+up\b/.test(text)
    )
      return 'knex';
    return 'unknown';
  }
  if (/\.sql$/i.test(base)) return 'sql';
  return 'unknown';
}

// ---------------------------------------------------------------------------------------------
// Shared helpers

/** Characters replaced by spaces, newlines kept, so offsets and line numbers stay true. */
function blank(s: string): string {
  return s.replace(/[^\n]/g, ' ');
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return starts;
}

function lineAt(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

const MAX_STATEMENT = 120;

function oneLine(s: string): string {
  const flat = s.replace(/\s+/g, ' ').trim();
  return flat.length > MAX_STATEMENT ? `${flat.slice(0, MAX_STATEMENT - 1)}…` : flat;
}

function unquote(name: string): string {
  return name.replace(/["`[\]]/g, '').replace(/\s*\.\s*/g, '.');
}

function kindOf(findings: readonly Finding[]): MigrationKind {
  if (findings.some((f) => f.effect === 'destructive')) return 'destructive';
  if (findings.some((f) => f.effect === 'additive')) return 'additive';
  return 'none';
}

// The reasons, shared by SQL and the frameworks' own calls so both say the same thing.
const WHY = {
  dropTable: (t: string) =>
    `drops table ${t} and its rows: the previous release may still read it, and a rollback cannot bring the data back`,
  dropColumn: (c: string) =>
    `drops column ${c} and its data: the previous release may still read or write it`,
  dropObject: (what: string, n: string) =>
    `drops ${what} ${n}: the previous release may still use it, and it is not simply put back`,
  dropIndex: (n: string) =>
    `drops index ${n}: the previous release may rely on it for uniqueness or speed, and rebuilding it takes time`,
  dropConstraint: (n: string) =>
    `drops constraint ${n}: rows written without it may not satisfy it again, so it cannot simply be put back`,
  renameTable: (a: string, b: string) =>
    `renames table ${a} to ${b}: the previous release still uses the old name`,
  renameColumn: (a: string, b: string) =>
    `renames column ${a} to ${b}: the previous release still uses the old name`,
  rename: (what: string) => `renames ${what}: the previous release still uses the old name`,
  changeType: (c: string) =>
    `changes the type or definition of ${c}: the previous release may write values it refuses, and converted data may not convert back`,
  setNotNull: (c: string) =>
    `makes ${c} NOT NULL: the previous release may insert rows without it, and those inserts fail`,
  addNotNull: (c: string) =>
    `adds column ${c} NOT NULL without a default: the previous release inserts rows without it, and those inserts fail`,
  truncate: (t: string) => `empties table ${t}: its rows are gone for good`,
  deleteAll: (t: string) => `deletes every row of ${t} (no WHERE): the rows are gone for good`,
  deleteSome: (t: string) =>
    `deletes rows of ${t} (with a WHERE): a rollback does not bring them back; check what they were`,
  unreadable: (what: string) =>
    `${what} the classifier cannot read: check it by hand before any rollback`,
  createTable: (t: string) => `creates table ${t}: the previous release does not use it`,
  create: (what: string, n: string) =>
    `creates ${what}${n ? ` ${n}` : ''}: the previous release does not depend on it`,
  addColumn: (c: string) =>
    `adds column ${c}: the previous release does not know it and leaves it alone`,
  addConstraint: () => 'adds a constraint or index: the previous release keeps working with it',
  insert: (t: string) => `inserts rows into ${t}: the previous release keeps working with them`,
};

// ---------------------------------------------------------------------------------------------
// SQL

const ID_PART = '(?:"[^"]*"|`[^`]*`|\\[[^\\]]*\\]|[A-Za-z_][\\w$]*)';
const IDENT = `${ID_PART}(?:\\s*\\.\\s*${ID_PART})*`;

interface SqlMask {
  /** Comments and string contents blanked; quoted identifiers' contents become `x`. */
  code: string;
  /** Only comments blanked: the text findings quote. */
  plain: string;
}

/**
 * Blank comments and string literals in SQL. Quoted identifiers keep their quotes and become
 * `"xxx"`, so `"drop"` is no keyword yet offsets still point at the original name. A dollar-
 * quoted body is a string (a function body runs later, if ever) unless it follows `DO`, which
 * runs it now.
 */
function maskSql(sql: string): SqlMask {
  let code = '';
  let plain = '';
  let i = 0;
  while (i < sql.length) {
    const c = sql.charAt(i);
    const next = sql.charAt(i + 1);
    if (c === '-' && next === '-') {
      const end = sql.indexOf('\n', i);
      const stop = end < 0 ? sql.length : end;
      code += blank(sql.slice(i, stop));
      plain += blank(sql.slice(i, stop));
      i = stop;
    } else if (c === '/' && next === '*') {
      const end = sql.indexOf('*/', i + 2);
      const stop = end < 0 ? sql.length : end + 2;
      code += blank(sql.slice(i, stop));
      plain += blank(sql.slice(i, stop));
      i = stop;
    } else if (c === "'") {
      const backslash = /[eE]$/.test(code);
      let j = i + 1;
      while (j < sql.length) {
        if (backslash && sql[j] === '\\') j += 2;
        else if (sql[j] === "'" && sql[j + 1] === "'") j += 2;
        else if (sql[j] === "'") break;
        else j++;
      }
      const stop = Math.min(j + 1, sql.length);
      code += `'${blank(sql.slice(i + 1, stop - 1))}'`.slice(0, stop - i);
      plain += sql.slice(i, stop);
      i = stop;
    } else if (c === '"' || c === '`') {
      let j = i + 1;
      while (j < sql.length && !(sql[j] === c && sql[j + 1] !== c)) j += sql[j] === c ? 2 : 1;
      const stop = Math.min(j + 1, sql.length);
      const inside = sql.slice(i + 1, stop - 1).replace(/[^\n]/g, 'x');
      code += `${c}${inside}${c}`.slice(0, stop - i);
      plain += sql.slice(i, stop);
      i = stop;
    } else if (c === '$' && /^\$(?:[A-Za-z_]\w*)?\$/.test(sql.slice(i))) {
      const tag = /^\$(?:[A-Za-z_]\w*)?\$/.exec(sql.slice(i))?.[0] ?? '$$';
      const end = sql.indexOf(tag, i + tag.length);
      const stop = end < 0 ? sql.length : end + tag.length;
      const runsNow = /\bDO\s*(?:LANGUAGE\s+\w+\s*)?$/i.test(code);
      const body = sql.slice(i + tag.length, stop - (end < 0 ? 0 : tag.length));
      const inner = runsNow ? maskSql(body) : { code: blank(body), plain: body };
      code += blank(tag) + inner.code + (end < 0 ? '' : blank(tag));
      plain += tag + inner.plain + (end < 0 ? '' : tag);
      i = stop;
    } else {
      code += c;
      plain += c;
      i++;
    }
  }
  return { code, plain };
}

interface Hit {
  /** Offset in the statement where the clause starts. */
  at: number;
  effect: Effect;
  why: string;
}

/** Split at top-level commas, keeping each part's offset. */
function clauses(text: string, base: number): { text: string; at: number }[] {
  const parts: { text: string; at: number }[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = text[i];
    if (c === '(') depth++;
    else if (c === ')') depth--;
    else if ((c === ',' && depth === 0) || i === text.length) {
      const part = text.slice(start, i);
      const lead = part.length - part.trimStart().length;
      parts.push({ text: part.trimStart(), at: base + start + lead });
      start = i + 1;
    }
  }
  return parts;
}

/** PL/pgSQL words that may precede a statement inside a `DO` block, or a transaction's BEGIN. */
const PL_PREFIX =
  /^(?:DO\s+(?:LANGUAGE\s+\w+\s+)?|BEGIN\b|ELSE\b|LOOP\b|END\s+(?:IF|LOOP)\b|(?:IF|ELSIF)\b[\s\S]*?\bTHEN\b|EXCEPTION\s+WHEN\b[\s\S]*?\bTHEN\b)\s*/i;

function plPrefix(code: string): number {
  let skip = 0;
  for (;;) {
    const m = PL_PREFIX.exec(code.slice(skip));
    if (!m || m[0].length === 0) return skip;
    skip += m[0].length;
  }
}

/** The findings of one statement; `code` is masked, `plain` the same span with comments blanked. */
function statementHits(code: string, plain: string): Hit[] {
  const skip = plPrefix(code);
  const s = code.slice(skip);
  const name = (m: RegExpExecArray, group: number): string => {
    const span = m.indices?.[group];
    return span ? unquote(plain.slice(skip + span[0], skip + span[1])) : '';
  };
  const re = (source: string) => new RegExp(source, 'id');
  let m: RegExpExecArray | null;

  if (
    (m = re(
      `^DROP\\s+(MATERIALIZED\\s+VIEW|[A-Z]+)\\s+(?:CONCURRENTLY\\s+)?(?:IF\\s+EXISTS\\s+)?(${IDENT})`,
    ).exec(s))
  ) {
    const what = (m[1] ?? '').toUpperCase().replace(/\s+/g, ' ');
    const n = name(m, 2);
    const why =
      what === 'TABLE'
        ? WHY.dropTable(n)
        : what === 'INDEX'
          ? WHY.dropIndex(n)
          : WHY.dropObject(what.toLowerCase(), n);
    return [{ at: skip, effect: 'destructive', why }];
  }
  if ((m = re(`^TRUNCATE\\s+(?:TABLE\\s+)?(?:ONLY\\s+)?(${IDENT})`).exec(s)))
    return [{ at: skip, effect: 'destructive', why: WHY.truncate(name(m, 1)) }];
  if ((m = re(`^DELETE\\s+FROM\\s+(?:ONLY\\s+)?(${IDENT})`).exec(s))) {
    const t = name(m, 1);
    return /\bWHERE\b/i.test(s)
      ? [{ at: skip, effect: 'warning', why: WHY.deleteSome(t) }]
      : [{ at: skip, effect: 'destructive', why: WHY.deleteAll(t) }];
  }
  if ((m = re(`^RENAME\\s+TABLE\\s+(${IDENT})\\s+TO\\s+(${IDENT})`).exec(s)))
    return [{ at: skip, effect: 'destructive', why: WHY.renameTable(name(m, 1), name(m, 2)) }];
  if (/^(?:EXEC(?:UTE)?\s+)?sp_rename\b/i.test(s))
    return [{ at: skip, effect: 'destructive', why: WHY.rename('an object (sp_rename)') }];
  if ((m = re(`^ALTER\\s+TABLE\\s+(?:IF\\s+EXISTS\\s+)?(?:ONLY\\s+)?(${IDENT})\\s+`).exec(s))) {
    const table = name(m, 1);
    const rest = m[0].length;
    return clauses(s.slice(rest), skip + rest).flatMap((clause) =>
      alterTableClause(clause.text, plain.slice(clause.at), table).map((h) => ({
        ...h,
        at: clause.at,
      })),
    );
  }
  if (
    (m = re(
      `^ALTER\\s+(?:MATERIALIZED\\s+VIEW|[A-Z]+)\\s+(?:IF\\s+EXISTS\\s+)?(${IDENT})\\s+(RENAME|DROP|ADD)\\b`,
    ).exec(s))
  ) {
    const verb = (m[2] ?? '').toUpperCase();
    const n = name(m, 1);
    if (verb === 'RENAME') return [{ at: skip, effect: 'destructive', why: WHY.rename(n) }];
    if (verb === 'DROP')
      return [{ at: skip, effect: 'destructive', why: WHY.dropObject('part of', n) }];
    return [{ at: skip, effect: 'additive', why: WHY.create('a part of', n) }];
  }
  if (
    (m = re(
      `^CREATE\\s+(?:OR\\s+REPLACE\\s+)?(?:UNIQUE\\s+)?(?:TEMP(?:ORARY)?\\s+)?(MATERIALIZED\\s+VIEW|[A-Z]+)\\s+(?:CONCURRENTLY\\s+)?(?:IF\\s+NOT\\s+EXISTS\\s+)?(${IDENT})?`,
    ).exec(s))
  ) {
    const what = (m[1] ?? '').toLowerCase().replace(/\s+/g, ' ');
    const n = name(m, 2);
    const why = what === 'table' ? WHY.createTable(n) : WHY.create(what, n === 'ON' ? '' : n);
    return [{ at: skip, effect: 'additive', why }];
  }
  if ((m = re(`^INSERT\\s+(?:INTO\\s+)?(${IDENT})`).exec(s)))
    return [{ at: skip, effect: 'additive', why: WHY.insert(name(m, 1)) }];
  return [];
}

/** One clause of `ALTER TABLE <table> ...`; `plain` starts where the clause does. */
function alterTableClause(code: string, plain: string, table: string): Omit<Hit, 'at'>[] {
  const re = (source: string) => new RegExp(source, 'id');
  const name = (m: RegExpExecArray, group: number): string => {
    const span = m.indices?.[group];
    return span ? unquote(plain.slice(span[0], span[1])) : '';
  };
  const col = (n: string) => `${table}.${n}`;
  let m: RegExpExecArray | null;
  if ((m = re(`^RENAME\\s+TO\\s+(${IDENT})`).exec(code)))
    return [{ effect: 'destructive', why: WHY.renameTable(table, name(m, 1)) }];
  if ((m = re(`^RENAME\\s+(?:COLUMN\\s+)?(${IDENT})\\s+TO\\s+(${IDENT})`).exec(code)))
    return [{ effect: 'destructive', why: WHY.renameColumn(col(name(m, 1)), name(m, 2)) }];
  if (/^RENAME\b/i.test(code))
    return [{ effect: 'destructive', why: WHY.rename(`a part of table ${table}`) }];
  if (
    (m = re(
      `^DROP\\s+(CONSTRAINT|CHECK|FOREIGN\\s+KEY|PRIMARY\\s+KEY|INDEX|KEY|PARTITION)\\b\\s*(?:IF\\s+EXISTS\\s+)?(${IDENT})?`,
    ).exec(code))
  ) {
    const what = (m[1] ?? '').toUpperCase();
    const n = name(m, 2) || `${what.toLowerCase()} of ${table}`;
    if (what === 'INDEX' || what === 'KEY')
      return [{ effect: 'destructive', why: WHY.dropIndex(n) }];
    if (what === 'PARTITION')
      return [{ effect: 'destructive', why: WHY.dropObject('partition', `${n} of ${table}`) }];
    return [{ effect: 'destructive', why: WHY.dropConstraint(n) }];
  }
  if ((m = re(`^DROP\\s+(?:COLUMN\\s+)?(?:IF\\s+EXISTS\\s+)?(${IDENT})`).exec(code)))
    return [{ effect: 'destructive', why: WHY.dropColumn(col(name(m, 1))) }];
  if ((m = re(`^ALTER\\s+(?:COLUMN\\s+)?(${IDENT})\\s+(?:SET\\s+DATA\\s+)?TYPE\\b`).exec(code)))
    return [{ effect: 'destructive', why: WHY.changeType(col(name(m, 1))) }];
  if ((m = re(`^ALTER\\s+(?:COLUMN\\s+)?(${IDENT})\\s+SET\\s+NOT\\s+NULL\\b`).exec(code)))
    return [{ effect: 'destructive', why: WHY.setNotNull(col(name(m, 1))) }];
  // SQL Server: `ALTER COLUMN c NVARCHAR(200)`, no TYPE keyword.
  if (
    (m = re(
      `^ALTER\\s+COLUMN\\s+(${IDENT})\\s+(?!SET\\b|DROP\\b|ADD\\b|RESTART\\b|RESET\\b|OPTIONS\\b)[A-Z]`,
    ).exec(code))
  )
    return [{ effect: 'destructive', why: WHY.changeType(col(name(m, 1))) }];
  if ((m = re(`^MODIFY\\s+(?:COLUMN\\s+)?(${IDENT})`).exec(code)))
    return [{ effect: 'destructive', why: WHY.changeType(col(name(m, 1))) }];
  if ((m = re(`^CHANGE\\s+(?:COLUMN\\s+)?(${IDENT})\\s+(${IDENT})`).exec(code))) {
    const [from, to] = [name(m, 1), name(m, 2)];
    return from === to
      ? [{ effect: 'destructive', why: WHY.changeType(col(from)) }]
      : [{ effect: 'destructive', why: WHY.renameColumn(col(from), to) }];
  }
  if (/^ADD\s+(?:CONSTRAINT|INDEX|KEY|UNIQUE|PRIMARY|FOREIGN|CHECK|FULLTEXT|SPATIAL)\b/i.test(code))
    return [{ effect: 'additive', why: WHY.addConstraint() }];
  if ((m = re(`^ADD\\s+(?:COLUMN\\s+)?(?:IF\\s+NOT\\s+EXISTS\\s+)?(${IDENT})`).exec(code))) {
    const c = col(name(m, 1));
    const required =
      /\bNOT\s+NULL\b/i.test(code) &&
      !/\b(?:DEFAULT|GENERATED|AUTO_INCREMENT|IDENTITY|SERIAL|BIGSERIAL|SMALLSERIAL)\b/i.test(code);
    return required
      ? [{ effect: 'destructive', why: WHY.addNotNull(c) }]
      : [{ effect: 'additive', why: WHY.addColumn(c) }];
  }
  return [];
}

/** Findings of a SQL text; `lineBase` shifts lines when the SQL sits inside another file. */
function sqlFindings(sql: string, lineBase = 0): Finding[] {
  const { code, plain } = maskSql(sql);
  const starts = lineStarts(sql);
  const findings: Finding[] = [];
  let start = 0;
  for (let i = 0; i <= code.length; i++) {
    if (i < code.length && code[i] !== ';') continue;
    const piece = code.slice(start, i);
    const lead = piece.length - piece.trimStart().length;
    const at = start + lead;
    if (piece.trim()) {
      // Inside a DO block, quote the statement itself rather than the block's opening words.
      const statement = oneLine(plain.slice(at + plPrefix(code.slice(at, i)), i));
      for (const hit of statementHits(code.slice(at, i), plain.slice(at, i)))
        findings.push({
          line: lineBase + lineAt(starts, at + hit.at),
          statement,
          why: hit.why,
          effect: hit.effect,
        });
    }
    start = i + 1;
  }
  return findings;
}

/** goose runs the `-- +goose Up` section going forward; `-- +goose Down` is the rollback. */
function gooseUp(sql: string): string {
  let up = false;
  return sql
    .split('\n')
    .map((line) => {
      const annotation = /^--\s*\+goose\s+(up|down)\b/i.exec(line);
      if (annotation) up = annotation[1]?.toLowerCase() === 'up';
      return up && !annotation ? line : blank(line);
    })
    .join('\n');
}

// ---------------------------------------------------------------------------------------------
// Migration code: Python (Alembic, Django), Ruby (Rails), JavaScript/TypeScript (Knex, TypeORM)

type Lang = 'python' | 'ruby' | 'js';

interface Literal {
  /** Offsets of the whole literal, quotes included. */
  start: number;
  end: number;
  /** Offset where the value starts, and the value. */
  valueAt: number;
  value: string;
}

interface CodeMask {
  /** Comments blanked, string contents blanked (quotes kept). */
  code: string;
  /** Only comments blanked. */
  plain: string;
  literals: Literal[];
}

function maskCode(text: string, lang: Lang): CodeMask {
  let code = '';
  let plain = '';
  const literals: Literal[] = [];
  const heredocs: string[] = [];
  let i = 0;
  const comment = (stop: number) => {
    code += blank(text.slice(i, stop));
    plain += blank(text.slice(i, stop));
    i = stop;
  };
  const literal = (open: number, valueAt: number, valueEnd: number, stop: number) => {
    literals.push({ start: open, end: stop, valueAt, value: text.slice(valueAt, valueEnd) });
    code +=
      text.slice(i, valueAt) + blank(text.slice(valueAt, valueEnd)) + text.slice(valueEnd, stop);
    plain += text.slice(i, stop);
    i = stop;
  };
  while (i < text.length) {
    const c = text.charAt(i);
    const rest = text.slice(i, i + 3);
    if (c === '\n' && heredocs.length > 0) {
      // Ruby heredoc bodies start on the line after `<<~SQL`.
      code += c;
      plain += c;
      i++;
      for (const id of heredocs.splice(0)) {
        const end = new RegExp(`^[ \\t]*${id}[ \\t]*$`, 'm');
        const m = end.exec(text.slice(i));
        const bodyEnd = m ? i + m.index : text.length;
        const stop = m ? bodyEnd + m[0].length : text.length;
        literal(i, i, bodyEnd, stop);
      }
      continue;
    }
    if ((lang === 'python' || lang === 'ruby') && c === '#') {
      const end = text.indexOf('\n', i);
      comment(end < 0 ? text.length : end);
    } else if (
      lang === 'ruby' &&
      /^=begin\b/.test(text.slice(i)) &&
      (i === 0 || text[i - 1] === '\n')
    ) {
      const end = text.indexOf('\n=end', i);
      comment(end < 0 ? text.length : end + 5);
    } else if (lang === 'js' && c === '/' && text[i + 1] === '/') {
      const end = text.indexOf('\n', i);
      comment(end < 0 ? text.length : end);
    } else if (lang === 'js' && c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      comment(end < 0 ? text.length : end + 2);
    } else if (lang === 'ruby' && /^<<[~-]?(['"]?)([A-Z_][A-Z0-9_]*)\1/.test(text.slice(i))) {
      const m = /^<<[~-]?(['"]?)([A-Z_][A-Z0-9_]*)\1/.exec(text.slice(i));
      heredocs.push(m?.[2] ?? '');
      code += m?.[0] ?? '';
      plain += m?.[0] ?? '';
      i += m?.[0].length ?? 1;
    } else if (lang === 'python' && (rest === '"""' || rest === "'''")) {
      const end = text.indexOf(rest, i + 3);
      const valueEnd = end < 0 ? text.length : end;
      literal(i, i + 3, valueEnd, Math.min(valueEnd + 3, text.length));
    } else if (c === '"' || c === "'" || (lang === 'js' && c === '`')) {
      let j = i + 1;
      while (j < text.length && text[j] !== c && (c === '`' || text[j] !== '\n'))
        j += text[j] === '\\' ? 2 : 1;
      const valueEnd = Math.min(j, text.length);
      literal(i, i + 1, valueEnd, Math.min(valueEnd + 1, text.length));
    } else {
      code += c;
      plain += c;
      i++;
    }
  }
  return { code, plain, literals };
}

/** The forward half: from the up function to the down one (or the end), or the whole file. */
function forwardRegion(code: string, up: RegExp, down: RegExp): [number, number] {
  const u = up.exec(code);
  if (!u) return [0, code.length];
  const rest = code.slice(u.index + u[0].length);
  const d = down.exec(rest);
  return [u.index, d ? u.index + u[0].length + d.index : code.length];
}

/** The span of a call's arguments: to the matching `)`, or (Ruby without parentheses) to the line's end. */
function argSpan(code: string, from: number): [number, number] {
  let i = from;
  while (code[i] === ' ' || code[i] === '\t') i++;
  if (code[i] !== '(') {
    const end = code.indexOf('\n', from);
    return [from, end < 0 ? code.length : end];
  }
  let depth = 0;
  for (let j = i; j < code.length; j++) {
    if (code[j] === '(') depth++;
    else if (code[j] === ')' && --depth === 0) return [i + 1, j];
  }
  return [i + 1, code.length];
}

interface Call {
  name: string;
  /** The masked arguments (strings blanked). */
  args: string;
  /** String values and Ruby symbols among the arguments, in order. */
  names: string[];
  /** Literals among the arguments, with where each sits in the file. */
  literals: Literal[];
  /** The arguments' start offset in the file. */
  argsAt: number;
  /** The line the call is on, comments blanked. */
  line: string;
}

/**
 * The span (within the arguments) of the SQL a call runs: its `sql=` keyword argument, or its
 * first positional one. Django's `RunSQL(sql, reverse_sql)` and bindings after the SQL of
 * `knex.raw` or `queryRunner.query` are not what runs going forward.
 */
function forwardSqlArg(args: string): [number, number] {
  const parts: [number, number][] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i <= args.length; i++) {
    const c = args[i];
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth--;
    else if ((c === ',' && depth === 0) || i === args.length) {
      parts.push([start, i]);
      start = i + 1;
    }
  }
  const keyword = (p: [number, number]) => /^\s*(\w+)\s*=(?!=)/.exec(args.slice(p[0], p[1]))?.[1];
  return (
    parts.find((p) => keyword(p) === 'sql') ?? parts.find((p) => keyword(p) === undefined) ?? [0, 0]
  );
}

type CallRule = (call: Call) => { effect: Effect; why: string } | 'sql' | undefined;

function codeFindings(
  text: string,
  lang: Lang,
  region: { up: RegExp; down: RegExp },
  call: RegExp,
  rules: Record<string, CallRule>,
  skipped: (code: string) => [number, number][] = () => [],
): Finding[] {
  const mask = maskCode(text, lang);
  const starts = lineStarts(text);
  const [from, to] = forwardRegion(mask.code, region.up, region.down);
  const skip = skipped(mask.code);
  const findings: Finding[] = [];
  const pattern = new RegExp(call.source, call.flags.includes('g') ? call.flags : `${call.flags}g`);
  pattern.lastIndex = from;
  for (let m = pattern.exec(mask.code); m && m.index < to; m = pattern.exec(mask.code)) {
    const name = m[1] ?? '';
    const rule = rules[name];
    if (!rule || skip.some(([x, y]) => m.index >= x && m.index < y)) continue;
    const [a, b] = argSpan(mask.code, m.index + m[0].length);
    const args = mask.code.slice(a, b);
    // A Ruby heredoc's body starts on the line after the call.
    const literals = mask.literals.filter(
      (l) => (l.start >= a && l.end <= b) || (args.includes('<<') && l.start === b + 1),
    );
    const names: string[] = [];
    const token = /:([A-Za-z_]\w*)|(["'`])/g;
    // Ruby: the names are the positional arguments, before the first `key:` option.
    const positional = lang === 'ruby' ? args.slice(0, /\b[a-z_]\w*:\s/.exec(args)?.index) : args;
    for (let t = token.exec(positional); t; t = token.exec(positional)) {
      if (t[1] && lang === 'ruby') names.push(t[1]);
      else if (t[2]) {
        const lit = literals.find((l) => l.start === a + t.index);
        if (lit) {
          names.push(lit.value);
          token.lastIndex = lit.end - a;
        }
      }
    }
    const line = lineAt(starts, m.index);
    const lineStart = starts[line - 1] ?? 0;
    const lineEnd = text.indexOf('\n', m.index);
    const lineText = mask.plain.slice(lineStart, lineEnd < 0 ? text.length : lineEnd);
    const verdict = rule({ name, args, names, literals, argsAt: a, line: lineText });
    if (verdict === undefined) continue;
    if (verdict === 'sql') {
      const [x, y] = forwardSqlArg(args);
      const sql = literals.filter(
        (l) => l.value.trim() && l.start - a >= x && (l.start - a < y || l.start >= b),
      );
      if (sql.length === 0) {
        findings.push({
          line,
          statement: oneLine(mask.plain.slice(lineStart, Math.max(b + 1, m.index))),
          why: WHY.unreadable('runs SQL'),
          effect: 'warning',
        });
      }
      for (const l of sql) findings.push(...sqlFindings(l.value, lineAt(starts, l.valueAt) - 1));
      continue;
    }
    const end = Math.max(b + (mask.code[b] === ')' ? 1 : 0), lineEnd < 0 ? text.length : lineEnd);
    findings.push({ line, statement: oneLine(mask.plain.slice(lineStart, end)), ...verdict });
  }
  return findings;
}

const destroys = (why: string) => ({ effect: 'destructive' as const, why });
const adds = (why: string) => ({ effect: 'additive' as const, why });
const warns = (why: string) => ({ effect: 'warning' as const, why });
const at = (names: readonly string[], i: number): string => names[i] ?? '?';
const dotted = (names: readonly string[], i: number): string =>
  names[i] === undefined ? at(names, i + 1) : `${at(names, i)}.${at(names, i + 1)}`;

// Alembic: `op.<call>(...)`, also in `with op.batch_alter_table(...) as batch_op:` blocks.
const ALEMBIC: Record<string, CallRule> = {
  drop_table: (c) => destroys(WHY.dropTable(at(c.names, 0))),
  drop_column: (c) =>
    destroys(WHY.dropColumn(c.names.length > 1 ? dotted(c.names, 0) : at(c.names, 0))),
  rename_table: (c) => destroys(WHY.renameTable(at(c.names, 0), at(c.names, 1))),
  drop_index: (c) => destroys(WHY.dropIndex(at(c.names, 0))),
  drop_constraint: (c) => destroys(WHY.dropConstraint(at(c.names, 0))),
  alter_column: (c) => {
    const column = c.names.length > 1 ? dotted(c.names, 0) : at(c.names, 0);
    const renamed = /\bnew_column_name\s*=\s*(["'])/.exec(c.args);
    if (renamed) {
      const lit = c.literals.find(
        (l) => l.start === c.argsAt + renamed.index + renamed[0].length - 1,
      );
      return destroys(WHY.renameColumn(column, lit?.value ?? '?'));
    }
    if (/\btype_\s*=/.test(c.args)) return destroys(WHY.changeType(column));
    if (/\bnullable\s*=\s*False\b/.test(c.args)) return destroys(WHY.setNotNull(column));
    return undefined;
  },
  execute: () => 'sql',
  create_table: (c) => adds(WHY.createTable(at(c.names, 0))),
  add_column: (c) =>
    /\bnullable\s*=\s*False\b/.test(c.args) && !/\bserver_default\s*=/.test(c.args)
      ? destroys(WHY.addNotNull(dotted(c.names, 0)))
      : adds(WHY.addColumn(c.names.length > 1 ? dotted(c.names, 0) : at(c.names, 0))),
  create_index: (c) => adds(WHY.create('index', at(c.names, 0))),
  create_foreign_key: () => adds(WHY.addConstraint()),
  create_unique_constraint: () => adds(WHY.addConstraint()),
  bulk_insert: () => adds(WHY.insert('a table')),
};

// Django: `migrations.<Operation>(...)`, arguments in the order makemigrations writes them.
const DJANGO: Record<string, CallRule> = {
  RemoveField: (c) => destroys(WHY.dropColumn(dotted(c.names, 0))),
  DeleteModel: (c) => destroys(WHY.dropTable(`of model ${at(c.names, 0)}`)),
  RenameField: (c) => destroys(WHY.renameColumn(dotted(c.names, 0), at(c.names, 2))),
  RenameModel: (c) => destroys(WHY.renameTable(`of model ${at(c.names, 0)}`, at(c.names, 1))),
  AlterField: (c) =>
    destroys(
      `${WHY.changeType(`field ${dotted(c.names, 0)}`)} (check: AlterField may also be a harmless change)`,
    ),
  RemoveIndex: (c) => destroys(WHY.dropIndex(at(c.names, 1))),
  RemoveConstraint: (c) => destroys(WHY.dropConstraint(at(c.names, 1))),
  RunSQL: () => 'sql',
  RunPython: () => warns(WHY.unreadable('runs Python code')),
  AddField: (c) => adds(WHY.addColumn(dotted(c.names, 0))),
  CreateModel: (c) => adds(WHY.createTable(`of model ${at(c.names, 0)}`)),
  AddIndex: () => adds(WHY.addConstraint()),
  AddConstraint: () => adds(WHY.addConstraint()),
};

// Rails: schema statements in `def up` / `def change`, and `t.<x>` inside `change_table`.
const RAILS: Record<string, CallRule> = {
  remove_column: (c) => destroys(WHY.dropColumn(dotted(c.names, 0))),
  remove_columns: (c) =>
    destroys(WHY.dropColumn(`${at(c.names, 0)}.${c.names.slice(1).join(', ')}`)),
  remove_reference: (c) => destroys(WHY.dropColumn(`${dotted(c.names, 0)}_id`)),
  remove_belongs_to: (c) => destroys(WHY.dropColumn(`${dotted(c.names, 0)}_id`)),
  remove_timestamps: (c) => destroys(WHY.dropColumn(`${at(c.names, 0)}.created_at/updated_at`)),
  drop_table: (c) => destroys(WHY.dropTable(at(c.names, 0))),
  drop_join_table: (c) =>
    destroys(WHY.dropTable(`joining ${at(c.names, 0)} and ${at(c.names, 1)}`)),
  rename_column: (c) => destroys(WHY.renameColumn(dotted(c.names, 0), at(c.names, 2))),
  rename_table: (c) => destroys(WHY.renameTable(at(c.names, 0), at(c.names, 1))),
  change_column: (c) => destroys(WHY.changeType(dotted(c.names, 0))),
  change_column_null: (c) =>
    /\bfalse\b/.test(c.args) ? destroys(WHY.setNotNull(dotted(c.names, 0))) : undefined,
  remove_index: (c) => destroys(WHY.dropIndex(`on ${at(c.names, 0)}`)),
  remove_foreign_key: (c) => destroys(WHY.dropConstraint(`foreign key on ${at(c.names, 0)}`)),
  remove: (c) => destroys(WHY.dropColumn(c.names.join(', '))),
  rename: (c) => destroys(WHY.renameColumn(at(c.names, 0), at(c.names, 1))),
  change: (c) => destroys(WHY.changeType(at(c.names, 0))),
  execute: () => 'sql',
  create_table: (c) => adds(WHY.createTable(at(c.names, 0))),
  create_join_table: (c) =>
    adds(WHY.createTable(`joining ${at(c.names, 0)} and ${at(c.names, 1)}`)),
  add_column: (c) =>
    /\bnull:\s*false\b/.test(c.args) && !/\bdefault:/.test(c.args)
      ? destroys(WHY.addNotNull(dotted(c.names, 0)))
      : adds(WHY.addColumn(dotted(c.names, 0))),
  add_reference: (c) => adds(WHY.addColumn(`${dotted(c.names, 0)}_id`)),
  add_belongs_to: (c) => adds(WHY.addColumn(`${dotted(c.names, 0)}_id`)),
  add_timestamps: (c) => adds(WHY.addColumn(`${at(c.names, 0)}.created_at/updated_at`)),
  add_index: () => adds(WHY.addConstraint()),
  add_foreign_key: () => adds(WHY.addConstraint()),
};

// Knex (`knex.schema...`, `table...`) and TypeORM (`queryRunner...`): one table, as their
// method names overlap; TypeORM passes the table first where Knex's callback already has it.
const JS: Record<string, CallRule> = {
  dropTable: (c) => destroys(WHY.dropTable(at(c.names, 0))),
  dropTableIfExists: (c) => destroys(WHY.dropTable(at(c.names, 0))),
  dropColumn: (c) =>
    destroys(WHY.dropColumn(c.names.length > 1 ? dotted(c.names, 0) : at(c.names, 0))),
  dropColumns: (c) => destroys(WHY.dropColumn(c.names.join(', '))),
  renameColumn: (c) =>
    c.names.length > 2
      ? destroys(WHY.renameColumn(dotted(c.names, 0), at(c.names, 2)))
      : destroys(WHY.renameColumn(at(c.names, 0), at(c.names, 1))),
  renameTable: (c) => destroys(WHY.renameTable(at(c.names, 0), at(c.names, 1))),
  changeColumn: (c) => destroys(WHY.changeType(dotted(c.names, 0))),
  alter: (c) => destroys(WHY.changeType(/(["'`])(\w+)\1/.exec(c.line)?.[2] ?? 'a column')),
  dropNullable: (c) => destroys(WHY.setNotNull(at(c.names, 0))),
  dropIndex: (c) => destroys(WHY.dropIndex(c.names.join(', ') || 'of the table')),
  dropUnique: () => destroys(WHY.dropConstraint('unique')),
  dropForeign: () => destroys(WHY.dropConstraint('foreign key')),
  dropForeignKey: (c) => destroys(WHY.dropConstraint(`foreign key on ${at(c.names, 0)}`)),
  dropPrimary: () => destroys(WHY.dropConstraint('primary key')),
  dropPrimaryKey: (c) => destroys(WHY.dropConstraint(`primary key of ${at(c.names, 0)}`)),
  dropUniqueConstraint: (c) => destroys(WHY.dropConstraint(at(c.names, 1))),
  dropCheckConstraint: (c) => destroys(WHY.dropConstraint(at(c.names, 1))),
  dropView: (c) => destroys(WHY.dropObject('view', at(c.names, 0))),
  dropSchema: (c) => destroys(WHY.dropObject('schema', at(c.names, 0))),
  truncate: () => destroys(WHY.truncate('(truncate())')),
  clearTable: (c) => destroys(WHY.truncate(at(c.names, 0))),
  query: () => 'sql',
  raw: () => 'sql',
  createTable: (c) => adds(WHY.createTable(at(c.names, 0))),
  createTableIfNotExists: (c) => adds(WHY.createTable(at(c.names, 0))),
  alterTable: (c) =>
    !/\.\s*(?:string|text|integer|bigInteger|tinyint|smallint|mediumint|bigint|boolean|decimal|float|double|real|date|datetime|time|timestamp|timestamps|uuid|json|jsonb|enu|enum|binary|specificType|increments|bigIncrements|index|unique|foreign|primary)\s*\((?![^\n]*\.alter\s*\()/.test(
      c.args,
    )
      ? undefined
      : adds(
          `adds columns or indexes to table ${at(c.names, 0)}: the previous release does not use them (any drop, rename or .alter() beside them is listed on its own)`,
        ),
  addColumn: (c) => adds(WHY.addColumn(at(c.names, 0))),
  addColumns: (c) => adds(WHY.addColumn(`on ${at(c.names, 0)}`)),
  createIndex: (c) => adds(WHY.create('index on', at(c.names, 0))),
  createForeignKey: () => adds(WHY.addConstraint()),
  createView: (c) => adds(WHY.create('view', at(c.names, 0))),
};

/**
 * Rails' `reversible do |dir| ... dir.down do ... end ... end` inside `def change`: the down
 * branch (a `do ... end` closed at its own indentation, or `{ ... }`) is rollback code.
 */
function railsDownBlocks(code: string): [number, number][] {
  const blocks: [number, number][] = [];
  const open = /^([ \t]*)\w+\.down\s*(do\b|\{)/gm;
  for (let m = open.exec(code); m; m = open.exec(code)) {
    if (m[2] === '{') {
      const [, end] = argSpan(
        code.replace(/[{}]/g, (c) => (c === '{' ? '(' : ')')),
        m.index + m[0].length - 1,
      );
      blocks.push([m.index, end]);
      continue;
    }
    const close = new RegExp(`^${m[1] ?? ''}end\\b`, 'm');
    const rest = code.slice(m.index + m[0].length);
    const c = close.exec(rest);
    blocks.push([m.index, c ? m.index + m[0].length + c.index : code.length]);
  }
  return blocks;
}

function classifyCode(framework: Framework, text: string): Finding[] {
  switch (framework) {
    case 'alembic':
      return codeFindings(
        text,
        'python',
        { up: /^def\s+upgrade\b/m, down: /^def\s+downgrade\b/m },
        /\b(?:op|\w+_op)\s*\.\s*(\w+)\s*(?=\()/,
        ALEMBIC,
      );
    case 'django':
      return codeFindings(
        text,
        'python',
        { up: /(?!)/, down: /(?!)/ },
        /\bmigrations\s*\.\s*(\w+)\s*(?=\()/,
        DJANGO,
      );
    case 'rails':
      return codeFindings(
        text,
        'ruby',
        { up: /^\s*def\s+(?:up|change)\b/m, down: /^\s*def\s+down\b/m },
        /(?:^[ \t]*|[{;][ \t]*)(?:\w+\.)?(\w+)\b(?![?!=:])/m,
        RAILS,
        railsDownBlocks,
      );
    case 'knex':
    case 'typeorm':
      return codeFindings(
        text,
        'js',
        {
          up: /\bexports\.up\b|\bexport\s+(?:async\s+)?function\s+up\b|\bexport\s+const\s+up\b|\b(?:public\s+)?async\s+up\s*\(/,
          down: /\bexports\.down\b|\bexport\s+(?:async\s+)?function\s+down\b|\bexport\s+const\s+down\b|\b(?:public\s+)?async\s+down\s*\(/,
        },
        /\.\s*(\w+)\s*(?=\()/,
        JS,
      );
    default:
      return [];
  }
}

// ---------------------------------------------------------------------------------------------
// Liquibase XML, YAML and JSON changelogs

const LIQUIBASE_DESTRUCTIVE = new Set([
  'dropTable',
  'dropColumn',
  'renameColumn',
  'renameTable',
  'renameView',
  'modifyDataType',
  'dropView',
  'dropIndex',
  'dropForeignKeyConstraint',
  'dropAllForeignKeyConstraints',
  'dropUniqueConstraint',
  'dropPrimaryKey',
  'dropSequence',
  'dropProcedure',
  'addNotNullConstraint',
  'mergeColumns',
  'delete',
]);
const LIQUIBASE_ADDITIVE = new Set([
  'createTable',
  'addColumn',
  'createIndex',
  'createView',
  'createSequence',
  'insert',
  'loadData',
  'addForeignKeyConstraint',
  'addUniqueConstraint',
  'addPrimaryKey',
]);

/** Blank comments and `rollback` blocks: what Liquibase runs going forward is what is left. */
function liquibaseForward(text: string, format: 'xml' | 'yaml' | 'json'): string {
  if (format === 'xml')
    return text
      .replace(/<!--[\s\S]*?-->/g, blank)
      .replace(/<rollback\b[^>]*\/>|<rollback\b[\s\S]*?<\/rollback>/g, blank);
  const lines = text.split('\n');
  let rollbackIndent = -1;
  return lines
    .map((line) => {
      const indent = line.length - line.trimStart().length;
      if (rollbackIndent >= 0 && (line.trim() === '' || indent > rollbackIndent))
        return blank(line);
      rollbackIndent = -1;
      if (format === 'yaml' && /^\s*#/.test(line)) return blank(line);
      if (/^\s*(?:-\s*)?"?rollback"?\s*:/.test(line)) {
        rollbackIndent = indent + (/^\s*-/.test(line) ? 2 : 0);
        return blank(line);
      }
      return line;
    })
    .join('\n');
}

function liquibaseFindings(path: string, text: string): Finding[] {
  const format = /\.xml$/i.test(path) ? 'xml' : /\.json$/i.test(path) ? 'json' : 'yaml';
  const forward = liquibaseForward(text, format);
  const starts = lineStarts(text);
  const findings: Finding[] = [];
  const change =
    format === 'xml' ? /<(\w+)\b([^>]*)>/g : /^[ \t]*-?[ \t]*"?(\w+)"?[ \t]*:[ \t]*(.*)$/gm;
  for (let m = change.exec(forward); m; m = change.exec(forward)) {
    const type = m[1] ?? '';
    const destructive = LIQUIBASE_DESTRUCTIVE.has(type);
    const additive = LIQUIBASE_ADDITIVE.has(type);
    const line = lineAt(starts, m.index);
    if (type === 'sql' && format === 'xml') {
      const close = forward.indexOf('</sql>', m.index);
      const bodyAt = m.index + m[0].length;
      const body = forward.slice(bodyAt, close < 0 ? forward.length : close);
      const sql = body.replace(/<!\[CDATA\[|\]\]>/g, (s) => blank(s));
      findings.push(...sqlFindings(sql, lineAt(starts, bodyAt) - 1));
      continue;
    }
    if (type === 'sql' && format !== 'xml') {
      const value = (m[2] ?? '').trim();
      if (value === '') continue; // `- sql:` opening a change; its `sql:` key follows
      const bodyAt = m.index + m[0].length - (m[2] ?? '').length;
      if (/^[|>][-+]?$/.test(value)) {
        // A block scalar: the lines indented deeper than the key.
        const keyIndent = m[0].length - m[0].trimStart().length + 1;
        const after = forward.slice(m.index + m[0].length + 1).split('\n');
        const body: string[] = [];
        for (const l of after) {
          if (l.trim() && l.length - l.trimStart().length < keyIndent) break;
          body.push(l);
        }
        findings.push(...sqlFindings(body.join('\n'), line));
      } else {
        const inline = value.replace(/^["']|["'],?$/g, '');
        findings.push(...sqlFindings(inline, lineAt(starts, bodyAt) - 1));
      }
      continue;
    }
    if (type === 'sqlFile') {
      findings.push({
        line,
        statement: oneLine(text.slice(m.index, m.index + m[0].length)),
        why: WHY.unreadable('runs an SQL file'),
        effect: 'warning',
      });
      continue;
    }
    if (!destructive && !additive) continue;
    // The change's attributes: on the XML element, or on the YAML/JSON lines below it.
    const block =
      format === 'xml'
        ? xmlElement(forward, m.index, m[0], type)
        : forward.slice(m.index, nextSibling(forward, m.index, m[0]));
    const attr = (key: string) => {
      const m = new RegExp(`\\b${key}"?\\s*[=:]\\s*(?:"([^"]*)"|'([^']*)'|([^\\s,}]+))`).exec(
        block,
      );
      return m?.[1] ?? m?.[2] ?? m?.[3] ?? '';
    };
    const table = attr('tableName') || attr('baseTableName');
    const column = attr('columnName');
    const qualified = (c: string) => (table ? `${table}.${c}` : c);
    const why = (() => {
      switch (type) {
        case 'dropTable':
          return WHY.dropTable(table);
        case 'dropColumn':
          return WHY.dropColumn(qualified(column || attr('name')));
        case 'renameColumn':
          return WHY.renameColumn(qualified(attr('oldColumnName')), attr('newColumnName'));
        case 'renameTable':
          return WHY.renameTable(attr('oldTableName'), attr('newTableName'));
        case 'renameView':
          return WHY.rename(`view ${attr('oldViewName')} to ${attr('newViewName')}`);
        case 'modifyDataType':
          return WHY.changeType(`${qualified(column)} (to ${attr('newDataType')})`);
        case 'addNotNullConstraint':
          return WHY.setNotNull(qualified(column));
        case 'dropIndex':
          return WHY.dropIndex(attr('indexName'));
        case 'dropView':
          return WHY.dropObject('view', attr('viewName'));
        case 'delete':
          return /\bwhere\b/i.test(block) ? WHY.deleteSome(table) : WHY.deleteAll(table);
        case 'createTable':
          return WHY.createTable(table);
        case 'createIndex':
          return WHY.create('index', `${attr('indexName')} on ${table}`);
        case 'addColumn':
          return WHY.addColumn(qualified(attr('name')));
        case 'insert':
        case 'loadData':
          return WHY.insert(table);
        default:
          return destructive
            ? WHY.dropObject(
                type
                  .replace(/^drop/, '')
                  .replace(/([A-Z])/g, ' $1')
                  .trim()
                  .toLowerCase(),
                attr('constraintName') || table,
              )
            : WHY.create(
                type
                  .replace(/^(add|create)/, '')
                  .replace(/([A-Z])/g, ' $1')
                  .trim()
                  .toLowerCase(),
                table,
              );
      }
    })();
    const effect: Effect =
      type === 'delete' && /\bwhere\b/i.test(block)
        ? 'warning'
        : destructive
          ? 'destructive'
          : 'additive';
    // An XML change is quoted by its opening tag; its children only name things.
    findings.push({ line, statement: oneLine(format === 'xml' ? m[0] : block), why, effect });
  }
  return findings;
}

/** An XML change with its children (`<addColumn>` names its columns in `<column name=...>`). */
function xmlElement(text: string, at: number, open: string, type: string): string {
  if (open.endsWith('/>')) return open;
  const close = text.indexOf(`</${type}>`, at);
  return close < 0 ? open : text.slice(at, close);
}

/** Where a YAML/JSON change's block ends: the next line indented no deeper than its key. */
function nextSibling(text: string, at: number, keyLine: string): number {
  const indent = keyLine.length - keyLine.trimStart().length;
  let i = text.indexOf('\n', at);
  while (i >= 0 && i < text.length) {
    const next = text.indexOf('\n', i + 1);
    const line = text.slice(i + 1, next < 0 ? text.length : next);
    if (line.trim() && line.length - line.trimStart().length <= indent) return i;
    if (next < 0) return text.length;
    i = next;
  }
  return text.length;
}

// ---------------------------------------------------------------------------------------------
// Entry points

/** One migration file, classified by what its forward half does to the schema. */
export function classifyMigration(path: string, text: string): Classification {
  const framework = frameworkOf(path, text);
  const findings = findingsOf(framework, path, text);
  findings.sort((x, y) => x.line - y.line);
  return { framework, kind: kindOf(findings), findings };
}

function findingsOf(framework: Framework, path: string, text: string): Finding[] {
  switch (framework) {
    case 'prisma':
    case 'flyway':
    case 'sql':
      return sqlFindings(text);
    case 'goose':
      return sqlFindings(gooseUp(text));
    case 'golang-migrate':
      // The `.down.sql` half is the rollback itself.
      return /\.down\.sql$/i.test(path) ? [] : sqlFindings(text);
    case 'liquibase':
      return /\.sql$/i.test(path) ? sqlFindings(text) : liquibaseFindings(path, text);
    case 'unknown':
      return [];
    default:
      return classifyCode(framework, text);
  }
}

export type FileStatus = 'added' | 'modified' | 'deleted' | 'renamed';

export interface RangeFile {
  path: string;
  status: FileStatus;
  /** The file's text at the deployed commit (absent for a deleted file). */
  text?: string;
  /** For a renamed file, its path before. */
  previousPath?: string;
  /** For a modified Liquibase changelog, its text at the base: its change sets already ran. */
  previousText?: string;
}

export interface FileClassification extends Classification {
  path: string;
  status: FileStatus;
}

export interface RangeClassification {
  kind: MigrationKind;
  /** Only the range's migration files, in the order given. */
  files: FileClassification[];
}

/**
 * Frameworks whose files change after being applied by design: a Flyway repeatable (`R__`)
 * runs again whenever its checksum changes, and a Liquibase changelog grows by appended
 * change sets. Any other migration that changes has already run somewhere in its old form.
 */
function changesByDesign(framework: Framework, path: string): boolean {
  return framework === 'liquibase' || (framework === 'flyway' && /(?:^|\/)R__[^/]*$/.test(path));
}

/**
 * A Liquibase changelog grows by appended change sets, and Liquibase runs each only once: the
 * findings its base version already had are not new in this range (matched by statement and
 * reason, so lines may move). A Flyway repeatable runs whole again, so it keeps them all.
 */
function alreadyRan(classification: Classification, path: string, file: RangeFile): Finding[] {
  if (
    classification.framework !== 'liquibase' ||
    file.status !== 'modified' ||
    file.previousText === undefined
  )
    return [...classification.findings];
  const before = new Map<string, number>();
  for (const f of classifyMigration(path, file.previousText).findings) {
    const key = `${f.statement}\n${f.why}`;
    before.set(key, (before.get(key) ?? 0) + 1);
  }
  return classification.findings.filter((f) => {
    const key = `${f.statement}\n${f.why}`;
    const left = before.get(key) ?? 0;
    if (left > 0) before.set(key, left - 1);
    return left === 0;
  });
}

/**
 * The migration files of a deployed range (`git diff --name-status base..deployed`), each
 * classified; the range is destructive if any file is. A migration edited or renamed after it
 * may have been applied is a warning of its own: databases that ran the old version do not run
 * the new one, and Flyway's validate fails on the changed checksum. Its content still counts,
 * as databases that have not run it yet will. A file that cannot be read cannot be shown to
 * be additive, so it counts as destructive.
 */
export function classifyRange(
  files: readonly RangeFile[],
  settings: MigrationSettings = {},
): RangeClassification {
  const globs = migrationGlobs(settings);
  const out: FileClassification[] = [];
  for (const file of files) {
    const path = normalizePath(file.path);
    const was = file.previousPath === undefined ? undefined : normalizePath(file.previousPath);
    if (!isMigrationPath(path, globs) && !(was !== undefined && isMigrationPath(was, globs)))
      continue;
    if (file.status === 'deleted') {
      const framework = frameworkOf(path, file.text ?? '');
      out.push({
        path,
        status: file.status,
        framework,
        kind: 'none',
        findings: [
          {
            line: 1,
            statement: path,
            why: 'deleted after it may have been applied: the database keeps what it did, and the tool may report it missing',
            effect: 'warning',
          },
        ],
      });
      continue;
    }
    if (file.text === undefined) {
      out.push({
        path,
        status: file.status,
        framework: frameworkOf(path),
        kind: 'destructive',
        findings: [
          { line: 1, statement: path, why: WHY.unreadable('a migration'), effect: 'destructive' },
        ],
      });
      continue;
    }
    const classification = classifyMigration(path, file.text);
    if (classification.framework === 'unknown') continue; // a helper beside the migrations
    const findings = alreadyRan(classification, path, file);
    if (file.status === 'modified' && !changesByDesign(classification.framework, path))
      findings.unshift({
        line: 1,
        statement: path,
        why: 'changed after it may have been applied: databases that ran the old version do not run it again (Flyway fails its checksum check)',
        effect: 'warning',
      });
    if (file.status === 'renamed')
      findings.unshift({
        line: 1,
        statement: `${was ?? '?'} → ${path}`,
        why: 'renamed after it may have been applied: tools know a migration by its name or version, so it may run again or be reported missing',
        effect: 'warning',
      });
    out.push({ ...classification, path, status: file.status, kind: kindOf(findings), findings });
  }
  return { kind: kindOf(out.flatMap((f) => f.findings)), files: out };
}

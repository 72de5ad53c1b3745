import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  classifyMigration,
  classifyRange,
  DEFAULT_MIGRATION_GLOBS,
  frameworkOf,
  globToRegExp,
  isMigrationPath,
  migrationGlobs,
  type Effect,
  type Framework,
  type MigrationKind,
} from '../../src/decide/migrations.js';
import { HISTORY } from '../../lab/git/fixture.js';

// Each framework's files sit under fixtures/migrations/<framework>/ as that framework lays
// them out in a repository, so the path after <framework>/ is the path in the repository.
const FIXTURES = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../fixtures/migrations',
);

function fixture(framework: string, repoPath: string): string {
  return readFileSync(path.join(FIXTURES, framework, repoPath), 'utf8');
}

describe('glob matching', () => {
  test.each([
    ['**/db/migrate/*.rb', 'db/migrate/20261101_x.rb', true],
    ['**/db/migrate/*.rb', 'engines/billing/db/migrate/20261101_x.rb', true],
    ['**/db/migrate/*.rb', 'db/migrate/old/20261101_x.rb', false],
    ['**/migrations/[0-9]*.py', 'shop/migrations/0001_initial.py', true],
    ['**/migrations/[0-9]*.py', 'shop/migrations/__init__.py', false],
    ['**/migrations/[!0-9]*.py', 'shop/migrations/__init__.py', true],
    ['**/migrations/*.{js,ts}', 'migrations/1_a.ts', true],
    ['**/migrations/*.{js,ts}', 'migrations/1_a.tsx', false],
    ['db/?_*.sql', 'db/1_a.sql', true],
    ['db/?_*.sql', 'db/12_a.sql', false],
    ['**/changelog*/**/*.xml', 'db/changelog/changes/001.xml', true],
    ['**/changelog*/**/*.xml', 'db/changelog/001.xml', true],
    ['legacy/**', 'legacy/db/migrate/1_x.rb', true],
    ['a.b/*.sql', 'axb/1.sql', false],
  ])('%s matches %s: %s', (glob, p, expected) => {
    expect(globToRegExp(glob).test(p)).toBe(expected);
  });
});

describe('which paths are migrations, and of which framework', () => {
  test.each<[string, boolean, Framework]>([
    ['prisma/migrations/20261101120000_add_discount_code/migration.sql', true, 'prisma'],
    ['apps/api/prisma/migrations/20261101120000_x/migration.sql', true, 'prisma'],
    ['prisma/schema.prisma', false, 'unknown'],
    ['alembic/versions/3f1c2a9b7d10_add_discount_code.py', true, 'alembic'],
    ['migrations/versions/ab12cd34ef56_flask_migrate.py', true, 'alembic'],
    ['alembic/env.py', false, 'unknown'],
    ['shop/migrations/0002_order_discount_code.py', true, 'django'],
    ['shop/migrations/__init__.py', false, 'unknown'],
    ['db/migrate/20261115090000_remove_legacy_total_from_orders.rb', true, 'rails'],
    ['db/schema.rb', false, 'rails'],
    ['src/main/resources/db/migration/V1__create_orders.sql', true, 'flyway'],
    ['src/main/resources/db/migration/V2.1__add_status.sql', true, 'flyway'],
    ['src/main/resources/db/migration/R__order_summary_view.sql', true, 'flyway'],
    ['src/main/resources/db/migration/U2__undo_rename.sql', false, 'sql'],
    ['src/main/resources/db/changelog/db.changelog-master.yaml', true, 'liquibase'],
    ['src/main/resources/db/changelog/changes/002-drop-legacy.xml', true, 'liquibase'],
    ['db/changelog/changes/003-add-discount.yml', true, 'liquibase'],
    ['config/db.changelog-master.json', true, 'liquibase'],
    ['migrations/20261101120000_add_shipments.sql', true, 'sql'],
    ['db/migrations/000003_add_invoice_number.up.sql', true, 'golang-migrate'],
    ['db/migrations/000003_add_invoice_number.down.sql', true, 'golang-migrate'],
    ['schema/000001_init.up.sql', true, 'golang-migrate'],
    ['migrations/20261101120000_add_discount_code.js', true, 'unknown'],
    ['src/migrations/1762000000000-AddDiscountCode.ts', true, 'unknown'],
    ['src/app.ts', false, 'unknown'],
    ['README.md', false, 'unknown'],
    ['./db/migrate/20261101_x.rb', true, 'rails'],
    ['db\\migrate\\20261101_x.rb', true, 'rails'],
  ])('%s: migration %s, framework by path %s', (p, migration, framework) => {
    expect(isMigrationPath(p)).toBe(migration);
    expect(frameworkOf(p)).toBe(framework);
  });

  // Where a glob is shared, the content names the framework.
  test.each<[string, string, Framework]>([
    ['migrations/1_x.sql', '-- +goose Up\nCREATE TABLE t (id int);\n', 'goose'],
    ['migrations/1_x.sql', '-- +goose up\nSELECT 1;\n', 'goose'],
    ['migrations/1_x.sql', '    -- +goose Up\nSELECT 1;\n', 'sql'],
    ['db/changes/1.sql', '--liquibase formatted sql\n--changeset a:1\nSELECT 1;\n', 'liquibase'],
    ['migrations/1_x.ts', 'export class X implements MigrationInterface {}', 'typeorm'],
    ['migrations/1_x.ts', 'export async function up(knex: Knex) {}', 'knex'],
    ['migrations/1_x.js', 'exports.up = function (knex) {};', 'knex'],
    ['migrations/index.ts', "export * from './x.js';", 'unknown'],
    ['app/migrations/versions/x.py', 'from alembic import op', 'alembic'],
  ])('%s with %j is %s', (p, text, framework) => {
    expect(frameworkOf(p, text)).toBe(framework);
  });
});

describe('migrations.paths', () => {
  test.each<[string, { paths?: string[]; replaceDefaults?: boolean }, string, boolean]>([
    ['the defaults', {}, 'db/migrate/1_x.rb', true],
    ['an added glob', { paths: ['sql/changes/*.sql'] }, 'sql/changes/001.sql', true],
    [
      'an added glob keeps the defaults',
      { paths: ['sql/changes/*.sql'] },
      'db/migrate/1_x.rb',
      true,
    ],
    [
      'replaced defaults',
      { paths: ['sql/changes/*.sql'], replaceDefaults: true },
      'db/migrate/1_x.rb',
      false,
    ],
    ['an exclusion', { paths: ['!vendor/**'] }, 'vendor/gem/db/migrate/1_x.rb', false],
    ['an exclusion leaves the rest', { paths: ['!vendor/**'] }, 'db/migrate/1_x.rb', true],
    [
      'a later glob wins',
      { paths: ['!vendor/**', 'vendor/ours/**/*.rb'] },
      'vendor/ours/db/migrate/1.rb',
      true,
    ],
  ])('%s', (_, settings, p, expected) => {
    expect(isMigrationPath(p, migrationGlobs(settings))).toBe(expected);
  });

  test('the defaults are not changed by a policy', () => {
    const before = [...DEFAULT_MIGRATION_GLOBS];
    migrationGlobs({ paths: ['x/*.sql'] });
    expect(DEFAULT_MIGRATION_GLOBS).toEqual(before);
  });
});

type Row = [line: number, effect: Effect, statement: string | RegExp];

const FILES: [string, string, Framework, MigrationKind, Row[]][] = [
  // Prisma
  [
    'prisma',
    'prisma/migrations/20261101120000_add_discount_code/migration.sql',
    'prisma',
    'additive',
    [
      [2, 'additive', 'ALTER TABLE "orders" ADD COLUMN "discount_code" TEXT'],
      [5, 'additive', 'CREATE INDEX "orders_discount_code_idx" ON "orders"("discount_code")'],
    ],
  ],
  [
    // Prisma's own warning comment says "drop the column": only the statement counts.
    'prisma',
    'prisma/migrations/20261115090000_drop_legacy_total/migration.sql',
    'prisma',
    'destructive',
    [[8, 'destructive', 'ALTER TABLE "orders" DROP COLUMN "legacy_total"']],
  ],
  [
    // DROP inside a string default, and a column named dropped_at.
    'prisma',
    'prisma/migrations/20261120080000_add_refunds/migration.sql',
    'prisma',
    'additive',
    [
      [2, 'additive', /^CREATE TABLE "refunds" \( "id" TEXT NOT NULL, .*'DROP TABLE order/],
      [13, 'additive', /^ALTER TABLE "refunds" ADD CONSTRAINT "refunds_order_id_fkey"/],
    ],
  ],
  [
    'prisma',
    'prisma/migrations/20261125100000_tighten_orders/migration.sql',
    'prisma',
    'destructive',
    [
      [8, 'destructive', /^ALTER TABLE "orders" ALTER COLUMN "total" SET DATA TYPE/],
      [
        9,
        'destructive',
        /SET DATA TYPE DECIMAL\(12,2\), ALTER COLUMN "customer_email" SET NOT NULL$/,
      ],
    ],
  ],
  // Flyway
  [
    'flyway',
    'src/main/resources/db/migration/V1__create_orders.sql',
    'flyway',
    'additive',
    [
      [2, 'additive', /^CREATE TABLE orders \( id BIGINT/],
      [9, 'additive', 'CREATE INDEX idx_orders_customer ON orders (customer_id)'],
      [11, 'additive', "INSERT INTO order_statuses (name) VALUES ('new'), ('paid'), ('shipped')"],
    ],
  ],
  [
    'flyway',
    'src/main/resources/db/migration/V2__rename_customer_email.sql',
    'flyway',
    'destructive',
    [[1, 'destructive', 'ALTER TABLE customer RENAME COLUMN email TO email_address']],
  ],
  [
    'flyway',
    'src/main/resources/db/migration/V3__orders_total_precision.sql',
    'flyway',
    'destructive',
    [
      [1, 'destructive', 'ALTER TABLE orders MODIFY COLUMN total DECIMAL(12,2) NOT NULL'],
      [4, 'destructive', /^ALTER TABLE orders CHANGE COLUMN legacy_ref external_ref/],
      [5, 'additive', /^ALTER TABLE orders CHANGE COLUMN legacy_ref external_ref/],
    ],
  ],
  [
    'flyway',
    'src/main/resources/db/migration/V4__purge_sessions.sql',
    'flyway',
    'destructive',
    [
      [1, 'destructive', 'TRUNCATE TABLE audit_log'],
      [2, 'destructive', 'DELETE FROM sessions'],
      [3, 'warning', 'DELETE FROM carts WHERE updated_at < NOW() - INTERVAL 90 DAY'],
    ],
  ],
  [
    'flyway',
    'src/main/resources/db/migration/R__order_summary_view.sql',
    'flyway',
    'additive',
    [[1, 'additive', /^CREATE OR REPLACE VIEW order_summary AS SELECT/]],
  ],
  // goose: the Down section is the rollback itself.
  [
    'goose',
    'migrations/20261101120000_add_shipments.sql',
    'goose',
    'additive',
    [[2, 'additive', /^CREATE TABLE shipments \(/]],
  ],
  [
    'goose',
    'migrations/20261110090000_drop_legacy_flags.sql',
    'goose',
    'destructive',
    [[3, 'destructive', 'ALTER TABLE orders DROP COLUMN legacy_flags']],
  ],
  [
    // A DELETE inside a function body runs when the trigger fires, not now.
    'goose',
    'migrations/20261112090000_touch_updated_at.sql',
    'goose',
    'additive',
    [[3, 'additive', /^CREATE OR REPLACE FUNCTION touch_updated_at\(\)/]],
  ],
  // golang-migrate
  [
    'golang-migrate',
    'db/migrations/000003_add_invoice_number.up.sql',
    'golang-migrate',
    'additive',
    [
      [1, 'additive', 'ALTER TABLE invoices ADD COLUMN IF NOT EXISTS number TEXT'],
      [2, 'additive', /^CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS invoices_number_key/],
    ],
  ],
  [
    'golang-migrate',
    'db/migrations/000003_add_invoice_number.down.sql',
    'golang-migrate',
    'none',
    [],
  ],
  [
    'golang-migrate',
    'db/migrations/000004_rename_users.up.sql',
    'golang-migrate',
    'destructive',
    [[2, 'destructive', 'ALTER TABLE users RENAME TO accounts']],
  ],
  [
    // A DO block runs now: its DROP counts.
    'golang-migrate',
    'db/migrations/000005_drop_nickname.up.sql',
    'golang-migrate',
    'destructive',
    [[5, 'destructive', 'ALTER TABLE accounts DROP COLUMN nickname']],
  ],
  [
    'golang-migrate',
    'db/migrations/000006_add_required_plan.up.sql',
    'golang-migrate',
    'destructive',
    [
      [1, 'destructive', 'ALTER TABLE accounts ADD COLUMN plan TEXT NOT NULL'],
      [2, 'additive', "ALTER TABLE accounts ADD COLUMN tier TEXT NOT NULL DEFAULT 'free'"],
    ],
  ],
  // Liquibase: rollback blocks and comments do not count.
  [
    'liquibase',
    'src/main/resources/db/changelog/db.changelog-master.yaml',
    'liquibase',
    'none',
    [],
  ],
  [
    'liquibase',
    'src/main/resources/db/changelog/changes/001-create-orders.xml',
    'liquibase',
    'additive',
    [
      [10, 'additive', '<createTable tableName="orders">'],
      [23, 'additive', '<createIndex tableName="orders" indexName="idx_orders_total">'],
    ],
  ],
  [
    'liquibase',
    'src/main/resources/db/changelog/changes/002-drop-legacy.xml',
    'liquibase',
    'destructive',
    [
      [9, 'destructive', '<dropColumn tableName="orders" columnName="legacy_total"/>'],
      [13, 'destructive', /^<renameColumn tableName="orders" oldColumnName="total"/],
      [14, 'destructive', /^<modifyDataType tableName="orders" columnName="amount"/],
      [19, 'destructive', 'DROP VIEW IF EXISTS monthly_report'],
    ],
  ],
  [
    'liquibase',
    'src/main/resources/db/changelog/changes/003-add-discount.yaml',
    'liquibase',
    'additive',
    [[7, 'additive', /^- addColumn: tableName: orders columns:/]],
  ],
  [
    'liquibase',
    'src/main/resources/db/changelog/changes/004-drop-coupons.yaml',
    'liquibase',
    'destructive',
    [
      [6, 'destructive', '- dropTable: tableName: coupons cascadeConstraints: true'],
      [11, 'destructive', 'DROP VIEW coupon_usage'],
      [15, 'destructive', 'ALTER TABLE orders ALTER COLUMN discount_code TYPE varchar(32)'],
    ],
  ],
  [
    'liquibase',
    'src/main/resources/db/changelog/changes/005-create-payments.sql',
    'liquibase',
    'additive',
    [[4, 'additive', /^CREATE TABLE payments \(/]],
  ],
  // Alembic: downgrade() is the rollback itself.
  [
    'alembic',
    'alembic/versions/3f1c2a9b7d10_add_discount_code.py',
    'alembic',
    'additive',
    [
      [22, 'additive', /^op\.add_column\("orders", sa\.Column\("discount_code"/],
      [23, 'additive', 'op.create_index("ix_orders_discount_code", "orders", ["discount_code"])'],
    ],
  ],
  [
    'alembic',
    'alembic/versions/8e2d4c6a1b33_drop_legacy_total.py',
    'alembic',
    'destructive',
    [
      [21, 'destructive', 'op.drop_column("orders", "legacy_total")'],
      [22, 'destructive', 'op.alter_column("orders", "total", new_column_name="amount")'],
      [23, 'destructive', /^op\.alter_column\( "orders", "amount", .*type_=sa\.Numeric\(12, 2\)/],
      [30, 'destructive', 'DROP TABLE IF EXISTS legacy_orders'],
    ],
  ],
  // Django: reverse_sql is the rollback itself.
  [
    'django',
    'shop/migrations/0002_order_discount_code.py',
    'django',
    'additive',
    [
      [13, 'additive', /^migrations\.AddField\( model_name="order", name="discount_code"/],
      [18, 'additive', /^migrations\.AddIndex\(/],
      [
        23,
        'additive',
        'CREATE INDEX shop_order_created_brin ON shop_order USING brin (created_at)',
      ],
    ],
  ],
  [
    'django',
    'shop/migrations/0003_remove_order_legacy_total.py',
    'django',
    'destructive',
    [
      [18, 'warning', 'migrations.RunPython(copy_totals, migrations.RunPython.noop),'],
      [19, 'destructive', 'migrations.RemoveField( model_name="order", name="legacy_total", )'],
      [23, 'destructive', /^migrations\.RenameField\( model_name="order", old_name="total"/],
      [28, 'destructive', /^migrations\.AlterField\( model_name="order", name="amount"/],
    ],
  ],
  // Rails: def down is the rollback itself.
  [
    'rails',
    'db/migrate/20261101120000_add_discount_code_to_orders.rb',
    'rails',
    'additive',
    [
      [3, 'additive', 'add_column :orders, :discount_code, :string'],
      [4, 'additive', 'add_index :orders, :discount_code'],
      [5, 'additive', 'add_column :orders, :dropped_at, :datetime'],
    ],
  ],
  [
    'rails',
    'db/migrate/20261115090000_remove_legacy_total_from_orders.rb',
    'rails',
    'destructive',
    [
      [4, 'destructive', 'remove_column :orders, :legacy_total, :decimal, precision: 10, scale: 2'],
      [5, 'destructive', 'rename_column :orders, :total, :amount'],
      [6, 'destructive', 'change_column :orders, :amount, :decimal, precision: 12, scale: 2'],
      [8, 'destructive', 'DROP VIEW IF EXISTS order_totals'],
    ],
  ],
  [
    'rails',
    'db/migrate/20261116090000_add_region_to_customers.rb',
    'rails',
    'additive',
    [[3, 'additive', 'add_column :customers, :region, :string, null: false, default: "eu"']],
  ],
  [
    'rails',
    'db/migrate/20261117090000_require_customer_email.rb',
    'rails',
    'destructive',
    [
      [3, 'destructive', 'change_column_null :customers, :email, false'],
      [5, 'destructive', 't.remove :fax, type: :string'],
    ],
  ],
  [
    // reversible: the direction.down branch is rollback code; up_only runs going forward.
    'rails',
    'db/migrate/20261118090000_split_customer_name.rb',
    'rails',
    'additive',
    [
      [3, 'additive', 'add_column :customers, :first_name, :string'],
      [13, 'additive', "INSERT INTO audit_events (kind) VALUES ('split_name')"],
    ],
  ],
  // Knex: exports.down / down() is the rollback itself.
  [
    'knex',
    'migrations/20261101120000_add_discount_code.js',
    'knex',
    'additive',
    [[6, 'additive', /^return knex\.schema\.alterTable\('orders', \(table\) => \{/]],
  ],
  [
    'knex',
    'migrations/20261115090000_drop_legacy_total.ts',
    'knex',
    'destructive',
    [
      [6, 'destructive', "table.dropColumn('legacy_total');"],
      [7, 'destructive', "table.renameColumn('total', 'amount');"],
      [8, 'destructive', "table.decimal('amount', 12, 2).alter();"],
      [10, 'destructive', 'DROP VIEW IF EXISTS order_totals'],
      [11, 'additive', /^await knex\.schema\.createTable\('refunds'/],
    ],
  ],
  // TypeORM
  [
    'typeorm',
    'src/migrations/1762000000000-AddDiscountCode.ts',
    'typeorm',
    'additive',
    [
      [7, 'additive', 'ALTER TABLE "orders" ADD "discount_code" character varying(64)'],
      [8, 'additive', 'CREATE INDEX "IDX_orders_discount_code" ON "orders" ("discount_code")'],
    ],
  ],
  [
    'typeorm',
    'src/migrations/1763200000000-DropLegacyTotal.ts',
    'typeorm',
    'destructive',
    [
      [7, 'destructive', 'ALTER TABLE "orders" DROP COLUMN "legacy_total"'],
      [8, 'destructive', 'await queryRunner.renameColumn("orders", "total", "amount");'],
      [9, 'destructive', 'await queryRunner.dropTable("order_archive", true);'],
    ],
  ],
];

describe('classifyMigration over real migration files', () => {
  test.each(FILES)('%s %s', (dir, repoPath, framework, kind, rows) => {
    expect(isMigrationPath(repoPath)).toBe(true);
    const result = classifyMigration(repoPath, fixture(dir, repoPath));
    expect(result.framework).toBe(framework);
    expect(result.kind).toBe(kind);
    expect(result.findings.map((f) => [f.line, f.effect, f.statement])).toEqual(
      rows.map(([line, effect, statement]): unknown[] => [
        line,
        effect,
        typeof statement === 'string' ? statement : (expect.stringMatching(statement) as unknown),
      ]),
    );
  });

  test('every framework has an additive and a destructive fixture', () => {
    const kinds = new Map<string, Set<MigrationKind>>();
    for (const [dir, , , kind] of FILES) kinds.set(dir, (kinds.get(dir) ?? new Set()).add(kind));
    expect([...kinds.keys()].sort()).toEqual([
      'alembic',
      'django',
      'flyway',
      'golang-migrate',
      'goose',
      'knex',
      'liquibase',
      'prisma',
      'rails',
      'typeorm',
    ]);
    for (const [dir, set] of kinds)
      expect([dir, set.has('additive') && set.has('destructive')]).toEqual([dir, true]);
  });

  test('statements are one line and cut near 120 characters', () => {
    const long = `CREATE TABLE wide (${Array.from({ length: 30 }, (_, i) => `c${i} int`).join(',\n ')});`;
    const [finding] = classifyMigration('migrations/1_wide.sql', long).findings;
    expect(finding?.statement).toHaveLength(120);
    expect(finding?.statement).toMatch(/^CREATE TABLE wide \(c0 int, c1 int, .*…$/);
  });
});

describe('why a finding matters, in plain words', () => {
  test.each<[string, string, number, RegExp]>([
    [
      'prisma',
      'prisma/migrations/20261115090000_drop_legacy_total/migration.sql',
      8,
      /^drops column orders\.legacy_total and its data: the previous release may still read or write it$/,
    ],
    [
      'prisma',
      'prisma/migrations/20261125100000_tighten_orders/migration.sql',
      8,
      /^changes the type or definition of orders\.total:/,
    ],
    [
      'prisma',
      'prisma/migrations/20261125100000_tighten_orders/migration.sql',
      9,
      /^makes orders\.customer_email NOT NULL: the previous release may insert rows without it/,
    ],
    [
      'flyway',
      'src/main/resources/db/migration/V2__rename_customer_email.sql',
      1,
      /^renames column customer\.email to email_address: the previous release still uses the old name$/,
    ],
    [
      'flyway',
      'src/main/resources/db/migration/V3__orders_total_precision.sql',
      4,
      /^renames column orders\.legacy_ref to external_ref/,
    ],
    [
      'flyway',
      'src/main/resources/db/migration/V4__purge_sessions.sql',
      2,
      /^deletes every row of sessions \(no WHERE\)/,
    ],
    [
      'flyway',
      'src/main/resources/db/migration/V4__purge_sessions.sql',
      1,
      /^empties table audit_log/,
    ],
    [
      'golang-migrate',
      'db/migrations/000004_rename_users.up.sql',
      2,
      /^renames table users to accounts/,
    ],
    [
      'golang-migrate',
      'db/migrations/000006_add_required_plan.up.sql',
      1,
      /^adds column accounts\.plan NOT NULL without a default: the previous release inserts rows without it, and those inserts fail$/,
    ],
    [
      'liquibase',
      'src/main/resources/db/changelog/changes/002-drop-legacy.xml',
      14,
      /^changes the type or definition of orders\.amount \(to decimal\(12,2\)\)/,
    ],
    [
      'liquibase',
      'src/main/resources/db/changelog/changes/004-drop-coupons.yaml',
      6,
      /^drops table coupons and its rows/,
    ],
    [
      'alembic',
      'alembic/versions/8e2d4c6a1b33_drop_legacy_total.py',
      22,
      /^renames column orders\.total to amount/,
    ],
    [
      'alembic',
      'alembic/versions/8e2d4c6a1b33_drop_legacy_total.py',
      23,
      /^changes the type or definition of orders\.amount/,
    ],
    [
      'django',
      'shop/migrations/0003_remove_order_legacy_total.py',
      18,
      /^runs Python code the classifier cannot read: check it by hand/,
    ],
    [
      'django',
      'shop/migrations/0003_remove_order_legacy_total.py',
      23,
      /^renames column order\.total to amount/,
    ],
    [
      'django',
      'shop/migrations/0003_remove_order_legacy_total.py',
      28,
      /\(check: AlterField may also be a harmless change\)$/,
    ],
    [
      'rails',
      'db/migrate/20261117090000_require_customer_email.rb',
      3,
      /^makes customers\.email NOT NULL/,
    ],
    [
      'rails',
      'db/migrate/20261117090000_require_customer_email.rb',
      5,
      /^drops column fax and its data/,
    ],
    [
      'knex',
      'migrations/20261115090000_drop_legacy_total.ts',
      8,
      /^changes the type or definition of amount:/,
    ],
    [
      'knex',
      'migrations/20261101120000_add_discount_code.js',
      6,
      /^adds columns or indexes to table orders: the previous release does not use them/,
    ],
    [
      'typeorm',
      'src/migrations/1763200000000-DropLegacyTotal.ts',
      8,
      /^renames column orders\.total to amount/,
    ],
    [
      'typeorm',
      'src/migrations/1763200000000-DropLegacyTotal.ts',
      9,
      /^drops table order_archive and its rows/,
    ],
  ])('%s %s line %d', (dir, repoPath, line, why) => {
    const found = classifyMigration(repoPath, fixture(dir, repoPath)).findings.filter(
      (f) => f.line === line,
    );
    expect(found.map((f) => f.why)).toEqual([expect.stringMatching(why)]);
  });
});

describe('SQL details', () => {
  test.each<[string, MigrationKind, number[]]>([
    ['-- DROP TABLE orders;\nSELECT 1;', 'none', []],
    ['/* DROP TABLE orders; */ CREATE TABLE t (id int);', 'additive', [1]],
    ["INSERT INTO notes (body) VALUES ('DROP TABLE orders; TRUNCATE x');", 'additive', [1]],
    ['CREATE TABLE "drop" ("truncate" int, "rename" text);', 'additive', [1]],
    ['CREATE TABLE t (dropped_at timestamp, renamed_from text);', 'additive', [1]],
    ["COMMENT ON COLUMN t.c IS 'it''s not a DROP TABLE';", 'none', []],
    ['DROP INDEX CONCURRENTLY IF EXISTS idx_a;', 'destructive', [1]],
    ['DROP SCHEMA legacy CASCADE;', 'destructive', [1]],
    ['DROP TYPE mood;', 'destructive', [1]],
    ['ALTER TABLE t DROP CONSTRAINT t_c_check;', 'destructive', [1]],
    ['ALTER TABLE t ALTER COLUMN c DROP NOT NULL;', 'none', []],
    ['ALTER TABLE t ALTER COLUMN c SET DEFAULT 0;', 'none', []],
    ['ALTER TABLE t ALTER COLUMN c TYPE bigint;', 'destructive', [1]],
    ['ALTER TABLE dbo.t ALTER COLUMN c NVARCHAR(200) NOT NULL;', 'destructive', [1]],
    ['RENAME TABLE a TO b;', 'destructive', [1]],
    ["EXEC sp_rename 'dbo.t.c', 'd', 'COLUMN';", 'destructive', [1]],
    ["ALTER TYPE mood ADD VALUE 'meh';", 'additive', [1]],
    ["ALTER TYPE mood RENAME VALUE 'sad' TO 'blue';", 'destructive', [1]],
    ['ALTER TABLE t ADD COLUMN id BIGSERIAL NOT NULL;', 'additive', [1]],
    ['UPDATE t SET c = 0 WHERE c IS NULL;', 'none', []],
    [
      'CREATE FUNCTION f() RETURNS void AS $body$ DROP TABLE t; $body$ LANGUAGE sql;',
      'additive',
      [1],
    ],
    ['SELECT 1;\n\n\nALTER TABLE t\n  ADD COLUMN a int,\n  DROP COLUMN b;', 'destructive', [5, 6]],
  ])('%j is %s', (sql, kind, lines) => {
    const result = classifyMigration('migrations/1_x.sql', sql);
    expect([result.kind, result.findings.map((f) => f.line)]).toEqual([kind, lines]);
  });
});

describe('the lab git fixture', () => {
  test.each([
    ['migration-additive', 'additive'],
    ['migration-destructive', 'destructive'],
  ])('its %s step is %s', (name, kind) => {
    const files = Object.entries(HISTORY.find((s) => s.name === name)?.files ?? {});
    expect(files).toHaveLength(1);
    const range = classifyRange(files.map(([p, text]) => ({ path: p, status: 'added', text })));
    expect(range.kind).toBe(kind);
  });
});

describe('classifyRange', () => {
  const rails = 'db/migrate/20261115090000_remove_legacy_total_from_orders.rb';
  const railsAdd = 'db/migrate/20261101120000_add_discount_code_to_orders.rb';
  const repeatable = 'src/main/resources/db/migration/R__order_summary_view.sql';
  const versioned = 'src/main/resources/db/migration/V1__create_orders.sql';

  test('keeps only migrations, and is destructive if any file is', () => {
    const range = classifyRange([
      { path: 'src/app.ts', status: 'modified', text: 'export const version = "2.1";' },
      { path: railsAdd, status: 'added', text: fixture('rails', railsAdd) },
      { path: rails, status: 'added', text: fixture('rails', rails) },
    ]);
    expect(range.kind).toBe('destructive');
    expect(range.files.map((f) => [f.path, f.kind])).toEqual([
      [railsAdd, 'additive'],
      [rails, 'destructive'],
    ]);
  });

  test('additive files only: additive', () => {
    const range = classifyRange([
      { path: railsAdd, status: 'added', text: fixture('rails', railsAdd) },
    ]);
    expect(range.kind).toBe('additive');
  });

  test('no migrations: none, and no files', () => {
    expect(classifyRange([{ path: 'README.md', status: 'modified', text: '# x' }])).toEqual({
      kind: 'none',
      files: [],
    });
  });

  test.each<
    [
      string,
      'modified' | 'renamed' | 'deleted',
      string,
      string | undefined,
      MigrationKind,
      Effect[],
      RegExp | undefined,
    ]
  >([
    [
      'a versioned migration edited after it was applied',
      'modified',
      versioned,
      undefined,
      'additive',
      ['warning', 'additive', 'additive', 'additive'],
      /^changed after it may have been applied/,
    ],
    [
      'a Flyway repeatable, which is meant to change',
      'modified',
      repeatable,
      undefined,
      'additive',
      ['additive'],
      undefined,
    ],
    [
      'a renamed migration',
      'renamed',
      versioned,
      'src/main/resources/db/migration/V0__create_orders.sql',
      'additive',
      ['warning', 'additive', 'additive', 'additive'],
      /^renamed after it may have been applied/,
    ],
    [
      'a deleted migration',
      'deleted',
      versioned,
      undefined,
      'none',
      ['warning'],
      /^deleted after it may have been applied/,
    ],
  ])('%s', (_, status, p, previousPath, kind, effects, warning) => {
    const text = status === 'deleted' ? undefined : fixture('flyway', p);
    const range = classifyRange([{ path: p, status, text, previousPath }]);
    const [file] = range.files;
    expect([range.kind, file?.kind, file?.findings.map((f) => f.effect)]).toEqual([
      kind,
      kind,
      effects,
    ]);
    if (warning) expect(file?.findings[0]?.why).toMatch(warning);
  });

  test('a Liquibase changelog grows by design: no warning when it changes', () => {
    const p = 'src/main/resources/db/changelog/changes/003-add-discount.yaml';
    const range = classifyRange([{ path: p, status: 'modified', text: fixture('liquibase', p) }]);
    expect(range.files[0]?.findings.map((f) => f.effect)).toEqual(['additive']);
  });

  test('a grown Liquibase changelog: only the change sets new in the range count', () => {
    const p = 'src/main/resources/db/changelog/changes/002-drop-legacy.xml';
    const before = fixture('liquibase', p);
    const appended = before.replace(
      '</databaseChangeLog>',
      `    <changeSet id="013-add-note" author="bob">
        <addColumn tableName="orders">
            <column name="note" type="varchar(255)"/>
        </addColumn>
    </changeSet>
</databaseChangeLog>`,
    );
    const grown = classifyRange([
      { path: p, status: 'modified', text: appended, previousText: before },
    ]);
    expect(grown.kind).toBe('additive');
    expect(grown.files[0]?.findings.map((f) => [f.line, f.why])).toEqual([
      [23, expect.stringMatching(/^adds column orders\.note/)],
    ]);
    // Without the base version every change set counts, the old drops included.
    const whole = classifyRange([{ path: p, status: 'modified', text: appended }]);
    expect(whole.kind).toBe('destructive');
    expect(whole.files[0]?.findings).toHaveLength(5);
  });

  test('a Flyway repeatable runs whole again: its base version changes nothing', () => {
    const p = 'src/main/resources/db/migration/R__order_summary_view.sql';
    const text = `DROP VIEW IF EXISTS order_summary;\n${fixture('flyway', p)}`;
    const range = classifyRange([{ path: p, status: 'modified', text, previousText: text }]);
    expect(range.kind).toBe('destructive');
  });

  test('a migration that could not be read counts as destructive', () => {
    const range = classifyRange([{ path: railsAdd, status: 'added' }]);
    expect(range.kind).toBe('destructive');
    expect(range.files[0]?.findings[0]?.why).toMatch(/cannot read: check it by hand/);
  });

  test('a helper beside the migrations is not one', () => {
    const range = classifyRange([
      { path: 'migrations/index.ts', status: 'added', text: "export * from './x.js';" },
    ]);
    expect(range.files).toEqual([]);
  });

  test('settings: replaced defaults leave Rails out; an added glob brings a folder in', () => {
    const files = [
      { path: rails, status: 'added' as const, text: fixture('rails', rails) },
      { path: 'sql/changes/001.sql', status: 'added' as const, text: 'DROP TABLE t;' },
    ];
    expect(
      classifyRange(files, { paths: ['sql/changes/*.sql'], replaceDefaults: true }).files.map(
        (f) => f.path,
      ),
    ).toEqual(['sql/changes/001.sql']);
    expect(classifyRange(files, { paths: ['sql/changes/*.sql'] }).files.map((f) => f.path)).toEqual(
      [rails, 'sql/changes/001.sql'],
    );
    expect(classifyRange(files).files.map((f) => f.path)).toEqual([rails]);
  });
});

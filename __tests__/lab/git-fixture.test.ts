import { createGitFixture, type GitFixture } from '../../lab/git/fixture.js';

let fixture: GitFixture;
beforeAll(async () => {
  fixture = await createGitFixture();
}, 30_000);
afterAll(async () => {
  await fixture.cleanup();
});

describe('git fixture', () => {
  test('origin is a bare repository and the workspace a clone of it', async () => {
    expect(await fixture.git(['rev-parse', '--is-bare-repository'], fixture.origin)).toBe('true');
    expect(await fixture.git(['remote', 'get-url', 'origin'])).toBe(fixture.origin);
    expect(await fixture.git(['rev-parse', 'HEAD'])).toBe(fixture.shas['release-2.1']);
  });

  test('the history holds a merge commit with two parents and both kinds of migration', async () => {
    const parents = await fixture.git([
      'rev-list',
      '--parents',
      '-n',
      '1',
      fixture.shas['merge-discounts'] ?? '',
    ]);
    expect(parents.split(' ')).toHaveLength(3);
    const changed = await fixture.git([
      'diff',
      '--name-only',
      `${fixture.shas['release-1.1'] ?? ''}..${fixture.shas['release-2.1'] ?? ''}`,
    ]);
    expect(changed.split('\n')).toEqual(
      expect.arrayContaining([
        'prisma/migrations/20261101120000_add_discount_code/migration.sql',
        'prisma/migrations/20261115090000_drop_legacy_total/migration.sql',
      ]),
    );
    expect(
      await fixture.git([
        'show',
        `${fixture.shas['migration-destructive'] ?? ''}:prisma/migrations/20261115090000_drop_legacy_total/migration.sql`,
      ]),
    ).toContain('DROP COLUMN');
  });

  test('a revert pushed from the workspace reaches origin', async () => {
    await fixture.git([
      '-c',
      'user.name=t',
      '-c',
      'user.email=t@e',
      'revert',
      '--no-edit',
      fixture.shas['release-2.1'] ?? '',
    ]);
    await fixture.git(['push', '-q', 'origin', 'HEAD:main']);
    expect(await fixture.git(['log', '-1', '--format=%s', 'main'], fixture.origin)).toBe(
      'Revert "release: api 2.1"',
    );
  });

  test('SHAs are the same on every run (fixed dates and identity)', async () => {
    const again = await createGitFixture();
    try {
      expect(again.shas).toEqual(fixture.shas);
    } finally {
      await again.cleanup();
    }
  });
});

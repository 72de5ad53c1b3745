/**
 * A git remote and a workspace with a realistic deploy history: release commits, a merged
 * pull request (a merge commit), an additive migration and a destructive one. Real git, with
 * a bare repository as `origin`; dates are fixed so SHAs are the same on every run.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';

const exec = promisify(execFile);

export interface GitFixture {
  /** The bare repository, as the remote `origin`. */
  origin: string;
  /** A clone of it, as a runner's GITHUB_WORKSPACE. */
  workspace: string;
  /** Commit SHAs by step name. */
  shas: Record<string, string>;
  git(args: string[], cwd?: string): Promise<string>;
  cleanup(): Promise<void>;
}

interface Step {
  name: string;
  message: string;
  files?: Record<string, string>;
  /** Merge this branch's commits with --no-ff instead of committing on main. */
  branch?: { name: string; commits: { message: string; files: Record<string, string> }[] };
}

export const HISTORY: Step[] = [
  {
    name: 'initial',
    message: 'Initial commit: shop api',
    files: {
      'src/app.ts': 'export const version = "1.0";\n',
      'package.json': '{"name":"shop-api","version":"1.0.0"}\n',
    },
  },
  {
    name: 'release-1.1',
    message: 'release: api 1.1',
    files: { 'src/app.ts': 'export const version = "1.1";\n' },
  },
  {
    name: 'merge-discounts',
    message: 'Merge pull request #12 from acme/feature/discounts',
    branch: {
      name: 'feature/discounts',
      commits: [
        {
          message: 'feat: discount codes at checkout',
          files: {
            'src/discounts.ts': 'export const discount = (total: number) => total * 0.9;\n',
          },
        },
      ],
    },
  },
  {
    name: 'migration-additive',
    message: 'db: add orders.discount_code column',
    files: {
      'prisma/migrations/20261101120000_add_discount_code/migration.sql':
        'ALTER TABLE "orders" ADD COLUMN "discount_code" TEXT;\n',
    },
  },
  {
    name: 'release-2.0',
    message: 'release: api 2.0',
    files: { 'src/app.ts': 'export const version = "2.0";\n' },
  },
  {
    name: 'migration-destructive',
    message: 'db: drop orders.legacy_total',
    files: {
      'prisma/migrations/20261115090000_drop_legacy_total/migration.sql':
        'ALTER TABLE "orders" DROP COLUMN "legacy_total";\n',
    },
  },
  {
    name: 'release-2.1',
    message: 'release: api 2.1',
    files: { 'src/app.ts': 'export const version = "2.1";\n' },
  },
];

const IDENTITY = [
  '-c',
  'user.name=Release Bot',
  '-c',
  'user.email=release-bot@example.com',
  '-c',
  'init.defaultBranch=main',
  '-c',
  'commit.gpgsign=false',
];

export async function createGitFixture(steps: Step[] = HISTORY): Promise<GitFixture> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'git-fixture-'));
  const origin = path.join(root, 'origin.git');
  const seed = path.join(root, 'seed');
  const workspace = path.join(root, 'workspace');
  let clock = Date.parse('2026-11-01T09:00:00Z') / 1000;
  const git = async (args: string[], cwd = seed): Promise<string> => {
    clock += 3600;
    const date = `${clock} +0000`;
    const { stdout } = await exec('git', [...IDENTITY, ...args], {
      cwd,
      env: {
        ...process.env,
        GIT_AUTHOR_DATE: date,
        GIT_COMMITTER_DATE: date,
        GIT_CONFIG_NOSYSTEM: '1',
        HOME: root,
      },
    });
    return stdout.trim();
  };
  const write = async (files: Record<string, string>): Promise<void> => {
    for (const [file, content] of Object.entries(files)) {
      await mkdir(path.dirname(path.join(seed, file)), { recursive: true });
      await writeFile(path.join(seed, file), content);
    }
  };

  await exec('git', [...IDENTITY, 'init', '--bare', '-q', origin]);
  await mkdir(seed);
  await git(['init', '-q']);
  const shas: Record<string, string> = {};
  for (const step of steps) {
    if (step.branch) {
      await git(['checkout', '-q', '-b', step.branch.name]);
      for (const commit of step.branch.commits) {
        await write(commit.files);
        await git(['add', '-A']);
        await git(['commit', '-q', '-m', commit.message]);
      }
      await git(['checkout', '-q', 'main']);
      await git(['merge', '-q', '--no-ff', '-m', step.message, step.branch.name]);
    } else {
      await write(step.files ?? {});
      await git(['add', '-A']);
      await git(['commit', '-q', '-m', step.message]);
    }
    shas[step.name] = await git(['rev-parse', 'HEAD']);
  }
  await git(['remote', 'add', 'origin', origin]);
  await git(['push', '-q', 'origin', 'main']);
  await exec('git', [...IDENTITY, 'clone', '-q', origin, workspace]);
  await rm(seed, { recursive: true, force: true });
  return {
    origin,
    workspace,
    shas,
    git: (args, cwd = workspace) => git(args, cwd),
    cleanup: () => rm(root, { recursive: true, force: true }),
  };
}

/**
 * The one choke point for GitHub's REST API: the few calls a git-revert rollback and an
 * incident make, each
 * failing with one line that names the operation, GitHub's status and message, and for a 403
 * the permissions the workflow's token needs. Rate limits and server errors are retried
 * (github-retry.ts says when).
 */
import type { RangeCommit } from './decide/range.js';
import type { getOctokit } from '@actions/github';
import { UserError, messageOf, quote } from './errors.js';
import { systemClock } from './clock.js';
import { githubRetryDelay, type GitHubAnswer } from './github-retry.js';

export interface PullRequest {
  number: number;
  /** The page a person opens (html_url). */
  url: string;
  head: string;
  base: string;
}

export interface GitHub {
  /** owner/name */
  readonly repository: string;
  defaultBranch(): Promise<string>;
  /** The commits from `base` (excluded) to `head`, newest first (GitHub's compare: up to 250). */
  compareCommits(base: string, head: string): Promise<RangeCommit[]>;
  findOpenPullRequest(head: string, base: string): Promise<PullRequest | undefined>;
  createPullRequest(p: {
    head: string;
    base: string;
    title: string;
    body: string;
  }): Promise<PullRequest>;
  addLabels(issueNumber: number, labels: readonly string[]): Promise<void>;
  /** Pull requests with `label` in `state`, newest first (the first few hundred). */
  listLabelledPullRequests(
    label: string,
    state?: 'open' | 'closed',
  ): Promise<LabelledPullRequest[]>;
  /** The commit a merged pull request made on its base, or undefined when it is not merged. */
  mergeCommitOf(number: number): Promise<string | undefined>;
  closePullRequest(number: number): Promise<void>;
  /** How `head` relates to `base` in history (GitHub's compare): `ahead` means base is its ancestor. */
  compareStatus(base: string, head: string): Promise<'ahead' | 'behind' | 'identical' | 'diverged'>;
  /** The newest open issue with this label whose body holds the marker. */
  /** The newest open issue with `label` whose body holds any of `markers`. */
  findOpenIssue(label: string, markers: string | readonly string[]): Promise<OpenIssue | undefined>;
  /** The issue's comments, oldest first (the first few hundred). */
  listIssueComments(issueNumber: number): Promise<IssueComment[]>;
  createIssue(p: {
    title: string;
    body: string;
    labels: readonly string[];
    assignees?: readonly string[];
  }): Promise<IssueRef>;
  /** The comment's page. */
  commentOnIssue(issueNumber: number, body: string): Promise<string>;
  getDeployment(id: number): Promise<Deployment>;
  /** The environment's deployments, newest first (one page). */
  listDeployments(environment: string): Promise<Deployment[]>;
  /** The deployment's newest status, if it has one. */
  latestDeploymentState(id: number): Promise<string | undefined>;
  createDeploymentStatus(
    id: number,
    status: { state: 'success' | 'failure' | 'inactive'; description: string; logUrl?: string },
  ): Promise<void>;
}

/** A pull request as the issues list shows it: enough to read its marker and labels. */
export interface LabelledPullRequest {
  number: number;
  url: string;
  body: string;
  labels: string[];
  merged: boolean;
}

/** What closing, labelling and commenting on a revert pull request needs. */
export const PULL_REQUEST_PERMISSIONS = 'pull-requests: write';

export interface Deployment {
  id: number;
  environment: string;
  sha: string;
  createdAt: string;
}

/** What marking deployments needs. */
export const DEPLOYMENT_PERMISSIONS = 'deployments: write';

export interface IssueRef {
  number: number;
  /** The page a person opens (html_url). */
  url: string;
  title: string;
}

/** An open issue as the list shows it: enough to read the markers in it. */
export interface OpenIssue extends IssueRef {
  body: string;
  /** Who opened it (the action's identity, for an incident it filed). */
  author: string | undefined;
  /** How many comments it has. */
  comments: number;
}

export interface IssueComment {
  body: string;
  author: string | undefined;
}

type Api = ReturnType<typeof getOctokit>['rest'];

export interface CreateGitHubOptions {
  token: string;
  /** GITHUB_API_URL; default https://api.github.com. */
  apiUrl?: string;
  repository: string;
  /** Waits before a retry (the run's clock). */
  sleep?: (ms: number) => Promise<void>;
  /** Says each retry (the log). */
  log?: (line: string) => void;
}

export const TOKEN_PERMISSIONS = 'contents: write and pull-requests: write';
/** What filing and commenting on an incident needs. */
export const ISSUE_PERMISSIONS = 'issues: write';
/** What reading the open incidents needs (the deploy freeze). */
export const ISSUE_READ_PERMISSIONS = 'issues: read';

/** Open issues read when looking for the incident to comment on: the newest are enough. */
const ISSUE_PAGES = 3;

export function createGitHub(options: CreateGitHubOptions): GitHub {
  const match = /^([\w.-]+)\/([\w.-]+)$/.exec(options.repository);
  if (!match?.[1] || !match[2])
    throw new UserError(`repository ${quote(options.repository)} is not owner/name`);
  const owner = match[1];
  const repo = match[2];
  // @actions/github (Octokit, and undici under it) is imported at the first call, not with this
  // module: main.ts imports this one, and validate, which never calls GitHub, need not compile it.
  let octokit: Promise<ReturnType<typeof getOctokit>> | undefined;
  const call = async <T>(
    operation: string,
    f: (api: Api) => Promise<T>,
    permissions = TOKEN_PERMISSIONS,
  ): Promise<T> => {
    try {
      octokit ??= import('@actions/github').then((github) => {
        const client = github.getOctokit(options.token, {
          baseUrl: (options.apiUrl || 'https://api.github.com').replace(/\/+$/, ''),
        });
        client.hook.wrap('request', async (request, endpoint) => {
          for (let attempt = 0; ; attempt++) {
            try {
              return await request(endpoint);
            } catch (error) {
              const answer = answerOf(error);
              const wait = githubRetryDelay(answer, endpoint.method, attempt, Date.now());
              if (wait === undefined || !answer) throw error;
              options.log?.(
                `GitHub ${endpoint.method} ${endpoint.url}: ${answer.status} ${answer.message}; retrying in ${Math.ceil(wait / 1000)} s`,
              );
              await (options.sleep ?? systemClock.sleep)(wait);
            }
          }
        });
        return client;
      });
      return await f((await octokit).rest);
    } catch (error) {
      throw new GitHubError(operation, error, permissions);
    }
  };
  const toPull = (data: {
    number: number;
    html_url: string;
    head: { ref: string };
    base: { ref: string };
  }): PullRequest => ({
    number: data.number,
    url: data.html_url,
    head: data.head.ref,
    base: data.base.ref,
  });

  const compare = async (api: Api, base: string, head: string, perPage: number) =>
    (
      await api.repos.compareCommitsWithBasehead({
        owner,
        repo,
        basehead: `${base}...${head}`,
        per_page: perPage,
      })
    ).data;
  /** One page of issues and pull requests with `label`, newest first. */
  const labelled = async (api: Api, label: string, state: 'open' | 'closed', page: number) =>
    (
      await api.issues.listForRepo({
        owner,
        repo,
        state,
        labels: label,
        sort: 'created',
        direction: 'desc',
        per_page: 100,
        page,
      })
    ).data;

  return {
    repository: `${owner}/${repo}`,
    compareCommits: (base, head) =>
      call(
        'compare commits',
        async (api) => {
          const data = await compare(api, base, head, 250);
          return data.commits
            .map((c) => ({
              sha: c.sha,
              parents: c.parents.map((p) => p.sha),
              subject: c.commit.message.split('\n')[0] ?? '',
              ...(c.commit.author?.name ? { author: c.commit.author.name } : {}),
            }))
            .reverse();
        },
        'contents: read',
      ),
    defaultBranch: () =>
      call('get repository', async (api) => {
        const { data } = await api.repos.get({ owner, repo });
        return data.default_branch;
      }),
    findOpenPullRequest: (head, base) =>
      call('list pull requests', async (api) => {
        const { data } = await api.pulls.list({
          owner,
          repo,
          state: 'open',
          head: `${owner}:${head}`,
          base,
          per_page: 100,
        });
        // Filtered again: the filters are the server's, and a wrong match would be reused.
        const found = data.find((p) => p.head.ref === head && p.base.ref === base);
        return found ? toPull(found) : undefined;
      }),
    createPullRequest: (p) =>
      call('create pull request', async (api) => {
        const { data } = await api.pulls.create({ owner, repo, ...p });
        return toPull(data);
      }),
    addLabels: async (issueNumber, labels) => {
      if (labels.length === 0) return;
      await call(`add labels to #${issueNumber}`, (api) =>
        api.issues.addLabels({
          owner,
          repo,
          issue_number: issueNumber,
          labels: [...labels],
        }),
      );
    },
    listLabelledPullRequests: (label, state = 'open') =>
      call(
        'list pull requests',
        async (api) => {
          const found: LabelledPullRequest[] = [];
          for (let page = 1; page <= ISSUE_PAGES; page++) {
            const data = await labelled(api, label, state, page);
            for (const i of data)
              if (i.pull_request)
                found.push({
                  number: i.number,
                  url: i.html_url,
                  body: i.body ?? '',
                  labels: i.labels.map((l) => (typeof l === 'string' ? l : (l.name ?? ''))),
                  merged: Boolean(i.pull_request.merged_at),
                });
            if (data.length < 100) break;
          }
          return found;
        },
        ISSUE_READ_PERMISSIONS,
      ),
    mergeCommitOf: (number) =>
      call(
        `get pull request #${number}`,
        async (api) => {
          const { data } = await api.pulls.get({ owner, repo, pull_number: number });
          return data.merged ? (data.merge_commit_sha ?? undefined) : undefined;
        },
        'pull-requests: read',
      ),
    closePullRequest: async (number) => {
      await call(
        `close pull request #${number}`,
        (api) => api.pulls.update({ owner, repo, pull_number: number, state: 'closed' }),
        PULL_REQUEST_PERMISSIONS,
      );
    },
    compareStatus: (base, head) =>
      call(
        'compare commits',
        async (api) => (await compare(api, base, head, 1)).status,
        'contents: read',
      ),
    findOpenIssue: (label, markers) =>
      call(
        'list issues',
        async (api) => {
          for (let page = 1; page <= ISSUE_PAGES; page++) {
            const data = await labelled(api, label, 'open', page);
            // Pull requests are issues to this endpoint; an incident never is one.
            const wanted = typeof markers === 'string' ? [markers] : markers;
            const found = data.find(
              (i) => !i.pull_request && wanted.some((m) => (i.body ?? '').includes(m)),
            );
            if (found)
              return {
                number: found.number,
                url: found.html_url,
                title: found.title,
                body: found.body ?? '',
                author: found.user?.login,
                comments: found.comments,
              };
            if (data.length < 100) return undefined;
          }
          return undefined;
        },
        ISSUE_PERMISSIONS,
      ),
    listIssueComments: (issueNumber) =>
      call(
        `list comments of #${issueNumber}`,
        async (api) => {
          const comments: IssueComment[] = [];
          for (let page = 1; page <= ISSUE_PAGES; page++) {
            const { data } = await api.issues.listComments({
              owner,
              repo,
              issue_number: issueNumber,
              per_page: 100,
              page,
            });
            comments.push(...data.map((c) => ({ body: c.body ?? '', author: c.user?.login })));
            if (data.length < 100) break;
          }
          return comments;
        },
        ISSUE_READ_PERMISSIONS,
      ),
    createIssue: (p) =>
      call(
        'create issue',
        async (api) => {
          const { data } = await api.issues.create({
            owner,
            repo,
            title: p.title,
            body: p.body,
            labels: [...p.labels],
            ...(p.assignees?.length ? { assignees: [...p.assignees] } : {}),
          });
          return { number: data.number, url: data.html_url, title: data.title };
        },
        ISSUE_PERMISSIONS,
      ),
    getDeployment: (id) =>
      call(
        `get deployment ${id}`,
        async (api) =>
          toDeployment((await api.repos.getDeployment({ owner, repo, deployment_id: id })).data),
        DEPLOYMENT_PERMISSIONS,
      ),
    listDeployments: (environment) =>
      call(
        'list deployments',
        async (api) =>
          (await api.repos.listDeployments({ owner, repo, environment, per_page: 30 })).data.map(
            toDeployment,
          ),
        DEPLOYMENT_PERMISSIONS,
      ),
    latestDeploymentState: (id) =>
      call(
        `list statuses of deployment ${id}`,
        async (api) =>
          (
            await api.repos.listDeploymentStatuses({
              owner,
              repo,
              deployment_id: id,
              per_page: 1,
            })
          ).data[0]?.state,
        DEPLOYMENT_PERMISSIONS,
      ),
    createDeploymentStatus: async (id, status) => {
      await call(
        `mark deployment ${id} ${status.state}`,
        (api) =>
          api.repos.createDeploymentStatus({
            owner,
            repo,
            deployment_id: id,
            state: status.state,
            // GitHub refuses descriptions over 140 characters.
            description:
              status.description.length > 140
                ? `${status.description.slice(0, 139)}…`
                : status.description,
            ...(status.logUrl ? { log_url: status.logUrl } : {}),
            auto_inactive: false,
          }),
        DEPLOYMENT_PERMISSIONS,
      );
    },
    commentOnIssue: (issueNumber, body) =>
      call(
        `comment on #${issueNumber}`,
        async (api) => {
          const { data } = await api.issues.createComment({
            owner,
            repo,
            issue_number: issueNumber,
            body,
          });
          return data.html_url;
        },
        ISSUE_PERMISSIONS,
      ),
  };
}

/** `GitHub create pull request: 403 Resource not accessible by integration (the token needs ...)`. */
export class GitHubError extends Error {
  override readonly name = 'GitHubError';
  readonly status: number | undefined;
  constructor(
    readonly operation: string,
    cause: unknown,
    permissions = TOKEN_PERMISSIONS,
  ) {
    const status = statusOf(cause);
    const message = githubMessage(cause);
    const hint =
      status === 403 && !/rate limit/i.test(message)
        ? ` (the workflow's token needs ${permissions})`
        : status === 401
          ? ' (the token is not valid for this repository)'
          : '';
    super(`GitHub ${operation}: ${status ?? 'failed'} ${message}${hint}`);
    this.status = status;
  }
}

/** A refused request's answer (status, headers, GitHub's message); undefined without one. */
function answerOf(error: unknown): GitHubAnswer | undefined {
  const response = (error as { response?: { status?: unknown; headers?: unknown } } | null)
    ?.response;
  if (!response || typeof response.status !== 'number') return undefined;
  return {
    status: response.status,
    headers: (response.headers ?? {}) as GitHubAnswer['headers'],
    message: githubMessage(error),
  };
}

function statusOf(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' ? status : undefined;
}

/** GitHub's own message (and its first validation error), not Octokit's whole text. */
function githubMessage(error: unknown): string {
  const data = (error as { response?: { data?: unknown } } | null)?.response?.data as
    { message?: unknown; errors?: unknown } | undefined;
  if (data && typeof data.message === 'string') {
    const first = Array.isArray(data.errors) ? (data.errors[0] as unknown) : undefined;
    const detail =
      typeof first === 'string'
        ? first
        : first && typeof (first as { message?: unknown }).message === 'string'
          ? (first as { message: string }).message
          : first && typeof first === 'object'
            ? JSON.stringify(first)
            : undefined;
    return oneLine(detail ? `${data.message}: ${detail}` : data.message);
  }
  return oneLine(messageOf(error));
}

function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 300 ? `${flat.slice(0, 299)}…` : flat;
}

function toDeployment(d: {
  id: number;
  environment: string;
  sha: string;
  created_at: string;
}): Deployment {
  return { id: d.id, environment: d.environment, sha: d.sha, createdAt: d.created_at };
}

/**
 * fake GitHub: an HTTP server for the REST calls the action makes. Every request is checked
 * against GitHub's OpenAPI description first: an invalid one gets GitHub's 422 and is recorded
 * (tests fail on it), an operation GitHub has but the fake does not answers 404 and is recorded
 * too. It keeps what was created for assertions and can inject 403, 5xx and rate limits.
 */
import { execFile } from 'node:child_process';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { promisify } from 'node:util';
import { OpenApiValidator } from './openapi.js';
import { closeServer, listenOnLoopback } from '../util/net.js';

export interface RecordedCall {
  method: string;
  path: string;
  query: string;
  operationId?: string;
  body?: unknown;
  status: number;
  authorization?: string;
  /** When it arrived (ms since the epoch): how long a client waited between tries. */
  at: number;
}

export interface GitHubFault {
  operationId?: string;
  status: 403 | 429 | 500 | 502 | 503;
  /** A primary rate limit: 403 with x-ratelimit-remaining 0 and a reset time. */
  rateLimit?: boolean;
  /** Without rateLimit, a secondary rate limit: Retry-After and GitHub's own message. */
  retryAfterSeconds?: number;
  times?: number;
}

interface Label {
  id: number;
  name: string;
  color: string;
  default: boolean;
}

export interface Issue {
  id: number;
  node_id: string;
  number: number;
  title: string;
  body: string | null;
  state: 'open' | 'closed';
  labels: Label[];
  assignees: string[];
  created_at: string;
  updated_at: string;
  comments: { id: number; body: string; created_at: string }[];
  pull_request?: {
    head: string;
    base: string;
    draft: boolean;
    mergedAt?: string;
    mergeCommit?: string;
  };
}

const DOCS = 'https://docs.github.com/rest';

export class FakeGitHub {
  readonly calls: RecordedCall[] = [];
  /** Requests GitHub would refuse (422 from validation), with the reasons. */
  readonly invalid: { call: RecordedCall; errors: string[] }[] = [];
  /** Requests for endpoints GitHub does not have, or the fake does not implement. */
  readonly unknown: RecordedCall[] = [];
  readonly issues: Issue[] = [];
  readonly refs = new Map<string, string>();
  readonly deployments: {
    id: number;
    ref: string;
    sha: string;
    environment: string;
    description: string | null;
    payload: unknown;
    created_at: string;
    statuses: {
      id: number;
      state: string;
      description?: string;
      environment_url?: string;
      log_url?: string;
    }[];
  }[] = [];
  readonly commits = new Map<
    string,
    { sha: string; message: string; files: string[]; author?: string; parents?: string[] }
  >();
  private readonly faults: (GitHubFault & { used: number })[] = [];
  private readonly validator = new OpenApiValidator();
  private readonly server = createServer((req, res) => void this.handle(req, res));
  private nextId = 1000;
  url = '';

  constructor(
    readonly repository = 'acme/shop',
    readonly token = 'ghs_fakeGitHubToken000000000000000000000',
    /**
     * The bare repository behind the fake, when a test has one: pull requests are then checked
     * against its branches as GitHub does (a missing head or base, no commits between them).
     */
    public gitRemote?: string,
  ) {}

  async start(): Promise<this> {
    this.url = await listenOnLoopback(this.server);
    return this;
  }

  async close(): Promise<void> {
    await closeServer(this.server);
  }

  get openApiVersion(): string {
    return this.validator.version;
  }

  injectFault(fault: GitHubFault): void {
    this.faults.push({ ...fault, used: 0 });
  }

  /** Throws when any request was invalid or unknown: end-to-end tests call it last. */
  assertClean(): void {
    const problems = [
      ...this.invalid.map((i) => `${i.call.method} ${i.call.path}: ${i.errors.join('; ')}`),
      ...this.unknown.map((c) => `${c.method} ${c.path}: not served`),
    ];
    if (problems.length > 0)
      throw new Error(`fake GitHub saw requests GitHub would refuse:\n${problems.join('\n')}`);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://fake-github');
    const method = req.method ?? 'GET';
    let raw = '';
    for await (const chunk of req) raw += String(chunk);
    const call: RecordedCall = {
      method,
      path: url.pathname,
      query: url.search,
      status: 0,
      authorization: req.headers.authorization,
      at: Date.now(),
    };
    this.calls.push(call);
    const send = (status: number, body: unknown, headers: Record<string, string> = {}): void => {
      call.status = status;
      res.writeHead(status, {
        'Content-Type': 'application/json; charset=utf-8',
        'x-github-api-version-selected': '2022-11-28',
        'x-ratelimit-limit': '5000',
        'x-ratelimit-remaining': '4999',
        ...headers,
      });
      res.end(status === 204 ? undefined : JSON.stringify(body));
    };

    const expected = [`token ${this.token}`, `Bearer ${this.token}`, `bearer ${this.token}`];
    if (!expected.includes(req.headers.authorization ?? '')) {
      send(401, { message: 'Bad credentials', documentation_url: DOCS, status: '401' });
      return;
    }
    try {
      if (raw) call.body = JSON.parse(raw);
    } catch {
      send(400, { message: 'Problems parsing JSON', documentation_url: DOCS, status: '400' });
      return;
    }

    const result = this.validator.validate(method, url.pathname, url.searchParams, call.body);
    call.operationId = result.operation?.operationId;
    if (!result.operation) {
      this.unknown.push(call);
      send(404, { message: 'Not Found', documentation_url: DOCS, status: '404' });
      return;
    }
    if (result.errors.length > 0) {
      this.invalid.push({ call, errors: result.errors });
      send(422, {
        message: 'Invalid request.',
        errors: result.errors,
        documentation_url: DOCS,
        status: '422',
      });
      return;
    }
    const fault = this.faults.find(
      (f) =>
        (f.operationId === undefined || f.operationId === call.operationId) &&
        (f.times === undefined || f.used < f.times),
    );
    if (fault) {
      fault.used += 1;
      const headers: Record<string, string> = {};
      if (fault.rateLimit) {
        headers['x-ratelimit-remaining'] = '0';
        headers['x-ratelimit-reset'] = String(
          Math.floor(Date.now() / 1000) + (fault.retryAfterSeconds ?? 60),
        );
      }
      if (fault.retryAfterSeconds !== undefined && !fault.rateLimit)
        headers['retry-after'] = String(fault.retryAfterSeconds);
      const message = fault.rateLimit
        ? 'API rate limit exceeded for installation.'
        : fault.retryAfterSeconds !== undefined
          ? 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.'
          : fault.status === 403
            ? 'Resource not accessible by integration'
            : 'Server Error';
      send(
        fault.status,
        { message, documentation_url: DOCS, status: String(fault.status) },
        headers,
      );
      return;
    }
    const refused =
      result.operation.operationId === 'pulls/create'
        ? await this.refusePullRequest(call.body as Record<string, unknown> | undefined)
        : undefined;
    const compared = result.operation.operationId.startsWith('repos/compare-commits')
      ? await this.compareInRemote(result.operation.pathParams)
      : undefined;
    const answer =
      refused ??
      compared ??
      this.serve(
        result.operation.operationId,
        result.operation.pathParams,
        url.searchParams,
        call.body as Record<string, unknown> | undefined,
      );
    if (!answer) {
      this.unknown.push(call);
      send(404, { message: 'Not Found', documentation_url: DOCS, status: '404' });
      return;
    }
    send(answer.status, answer.body);
  }

  /**
   * GitHub's 422s for a pull request it cannot open: a head or base branch that does not exist
   * (checked in gitRemote when there is one), one already open for the same head and base, or a
   * head with no commits the base lacks.
   */
  private async refusePullRequest(
    body: Record<string, unknown> | undefined,
  ): Promise<{ status: number; body: unknown } | undefined> {
    const head = String(body?.head).replace(/^[^:]+:/, '');
    const base = String(body?.base);
    const invalid = (error: Record<string, string>) => ({
      status: 422,
      body: {
        message: 'Validation Failed',
        errors: [{ resource: 'PullRequest', ...error }],
        documentation_url: `${DOCS}/pulls/pulls#create-a-pull-request`,
        status: '422',
      },
    });
    const open = this.issues.find(
      (i) => i.state === 'open' && i.pull_request?.head === head && i.pull_request.base === base,
    );
    if (open)
      return invalid({
        code: 'custom',
        message: `A pull request already exists for ${this.repository.split('/')[0] ?? ''}:${head}.`,
      });
    if (!this.gitRemote) return undefined;
    const remote = this.gitRemote;
    const git = async (...args: string[]): Promise<boolean> =>
      promisify(execFile)('git', args, { cwd: remote }).then(
        () => true,
        () => false,
      );
    const exists = (branch: string) =>
      git('rev-parse', '--verify', '--quiet', `refs/heads/${branch}^{commit}`);
    if (!(await exists(head))) return invalid({ field: 'head', code: 'invalid' });
    if (!(await exists(base))) return invalid({ field: 'base', code: 'invalid' });
    if (await git('merge-base', '--is-ancestor', `refs/heads/${head}`, `refs/heads/${base}`))
      return invalid({ code: 'custom', message: `No commits between ${base} and ${head}` });
    return undefined;
  }

  /**
   * A compare answered from the git remote, when the test has one: the status from real
   * ancestry (ahead, behind, identical, diverged) and the commits base..head, as GitHub does.
   * Undefined without a remote, or for a commit it lacks (then the recorded commits answer).
   */
  private async compareInRemote(
    p: Record<string, string | undefined>,
  ): Promise<{ status: number; body: unknown } | undefined> {
    if (!this.gitRemote) return undefined;
    const [base, head] = p.basehead !== undefined ? p.basehead.split('...') : [p.base, p.head];
    const remote = this.gitRemote;
    const git = (...args: string[]) =>
      promisify(execFile)('git', args, { cwd: remote }).then(
        (r) => ({ ok: true, out: r.stdout.trim() }),
        () => ({ ok: false, out: '' }),
      );
    const [b, h] = await Promise.all([
      git('rev-parse', '--verify', '--quiet', `${base ?? ''}^{commit}`),
      git('rev-parse', '--verify', '--quiet', `${head ?? ''}^{commit}`),
    ]);
    if (!b.ok || !h.ok) return undefined;
    const ahead = (await git('rev-list', '--reverse', `${b.out}..${h.out}`)).out
      .split('\n')
      .filter(Boolean);
    const behind = (await git('rev-list', '--count', `${h.out}..${b.out}`)).out;
    const status =
      b.out === h.out
        ? 'identical'
        : Number(behind) === 0
          ? 'ahead'
          : ahead.length === 0
            ? 'behind'
            : 'diverged';
    const commits = [];
    for (const sha of ahead) {
      const [message, parents] = await Promise.all([
        git('log', '-1', '--format=%B', sha),
        git('log', '-1', '--format=%P', sha),
      ]);
      commits.push({
        sha,
        commit: { message: message.out },
        parents: parents.out
          .split(' ')
          .filter(Boolean)
          .map((parent) => ({ sha: parent })),
      });
    }
    return {
      status: 200,
      body: {
        status,
        ahead_by: ahead.length,
        behind_by: Number(behind),
        total_commits: ahead.length,
        commits,
        files: [],
      },
    };
  }

  /** Merges an open pull request as the button would (the test's git does the merge itself). */
  merge(number: number, mergeCommit: string): void {
    const pr = this.findIssue(String(number));
    if (!pr?.pull_request) throw new Error(`fake GitHub: #${number} is not a pull request`);
    pr.state = 'closed';
    pr.pull_request.mergedAt = this.now();
    pr.pull_request.mergeCommit = mergeCommit;
    pr.updated_at = this.now();
  }

  private now(): string {
    return new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
  }

  private htmlUrl(kind: 'issues' | 'pull', number: number): string {
    return `https://github.com/${this.repository}/${kind}/${number}`;
  }

  private issueJson(issue: Issue): unknown {
    const [owner] = this.repository.split('/');
    const api = `${this.url}/repos/${this.repository}`;
    return {
      id: issue.id,
      node_id: issue.node_id,
      url: `${api}/issues/${issue.number}`,
      repository_url: api,
      labels_url: `${api}/issues/${issue.number}/labels{/name}`,
      comments_url: `${api}/issues/${issue.number}/comments`,
      events_url: `${api}/issues/${issue.number}/events`,
      html_url: this.htmlUrl(issue.pull_request ? 'pull' : 'issues', issue.number),
      number: issue.number,
      state: issue.state,
      title: issue.title,
      body: issue.body,
      user: { login: 'github-actions[bot]', id: 41898282, type: 'Bot' },
      labels: issue.labels,
      assignee: issue.assignees[0] ? { login: issue.assignees[0] } : null,
      assignees: issue.assignees.map((login) => ({ login })),
      locked: false,
      comments: issue.comments.length,
      created_at: issue.created_at,
      updated_at: issue.updated_at,
      closed_at: issue.state === 'closed' ? issue.updated_at : null,
      author_association: 'NONE',
      repository: { full_name: this.repository, owner: { login: owner } },
      // The issues API marks a pull request this way: clients tell the two apart by it.
      ...(issue.pull_request
        ? {
            pull_request: {
              url: `${api}/pulls/${issue.number}`,
              html_url: this.htmlUrl('pull', issue.number),
              diff_url: `${this.htmlUrl('pull', issue.number)}.diff`,
              patch_url: `${this.htmlUrl('pull', issue.number)}.patch`,
              merged_at: issue.pull_request.mergedAt ?? null,
            },
          }
        : {}),
    };
  }

  /** A pull request as the pulls endpoints show it: the issue's fields and the branches. */
  private pullJson(pr: Issue): unknown {
    return {
      ...(this.issueJson(pr) as object),
      head: { ref: pr.pull_request?.head },
      base: { ref: pr.pull_request?.base },
      merged: pr.pull_request?.mergedAt !== undefined,
      merged_at: pr.pull_request?.mergedAt ?? null,
      merge_commit_sha: pr.pull_request?.mergeCommit ?? null,
    };
  }

  /** Issues and pull requests share one number sequence, as on GitHub. */
  private newIssue(
    body: Record<string, unknown> | undefined,
    prefix: string,
    extra: Partial<Issue>,
  ): Issue {
    const issue: Issue = {
      id: this.nextId++,
      node_id: `${prefix}_${this.nextId}`,
      number: this.issues.length + 1,
      title: String(body?.title),
      body: (body?.body as string | undefined) ?? null,
      state: 'open',
      labels: [],
      assignees: [],
      created_at: this.now(),
      updated_at: this.now(),
      comments: [],
      ...extra,
    };
    this.issues.push(issue);
    return issue;
  }

  private label(name: string): Label {
    return { id: name.length * 7919, name, color: 'ededed', default: false };
  }

  private labelNames(values: unknown): Label[] {
    return Array.isArray(values)
      ? values.map((v) =>
          this.label(typeof v === 'string' ? v : String((v as { name?: string }).name)),
        )
      : [];
  }

  private findIssue(number: string | undefined): Issue | undefined {
    return this.issues.find((i) => i.number === Number(number));
  }

  /** The operations the fake implements; undefined for one it does not. */
  private serve(
    operationId: string,
    p: Record<string, string>,
    q: URLSearchParams,
    body: Record<string, unknown> | undefined,
  ): { status: number; body: unknown } | undefined {
    if (p.owner !== undefined && `${p.owner}/${p.repo}` !== this.repository)
      return {
        status: 404,
        body: { message: 'Not Found', documentation_url: DOCS, status: '404' },
      };
    const notFound = {
      status: 404,
      body: { message: 'Not Found', documentation_url: DOCS, status: '404' },
    };
    switch (operationId) {
      case 'repos/get':
        return {
          status: 200,
          body: {
            id: 1,
            name: p.repo,
            full_name: this.repository,
            default_branch: 'main',
            private: true,
            html_url: `https://github.com/${this.repository}`,
          },
        };
      case 'issues/create': {
        const issue = this.newIssue(body, 'I', {
          labels: this.labelNames(body?.labels),
          assignees: (body?.assignees as string[] | undefined) ?? [],
        });
        return { status: 201, body: this.issueJson(issue) };
      }
      case 'issues/get': {
        const issue = this.findIssue(p.issue_number);
        return issue ? { status: 200, body: this.issueJson(issue) } : notFound;
      }
      case 'issues/update': {
        const issue = this.findIssue(p.issue_number);
        if (!issue) return notFound;
        if (typeof body?.title === 'string') issue.title = body.title;
        if (body?.body !== undefined) issue.body = body.body as string | null;
        if (body?.state === 'open' || body?.state === 'closed') issue.state = body.state;
        if (body?.labels !== undefined) issue.labels = this.labelNames(body.labels);
        issue.updated_at = this.now();
        return { status: 200, body: this.issueJson(issue) };
      }
      case 'issues/list-for-repo': {
        const state = q.get('state') ?? 'open';
        const labels = (q.get('labels') ?? '').split(',').filter(Boolean);
        const perPage = Number(q.get('per_page') ?? 30);
        const page = Number(q.get('page') ?? 1);
        const matching = this.issues
          .filter((i) => state === 'all' || i.state === state)
          .filter((i) => labels.every((l) => i.labels.some((x) => x.name === l)))
          .sort((a, b) => b.number - a.number);
        return {
          status: 200,
          body: matching.slice((page - 1) * perPage, page * perPage).map((i) => this.issueJson(i)),
        };
      }
      case 'issues/create-comment': {
        const issue = this.findIssue(p.issue_number);
        if (!issue) return notFound;
        const comment = { id: this.nextId++, body: String(body?.body), created_at: this.now() };
        issue.comments.push(comment);
        return {
          status: 201,
          body: {
            ...comment,
            html_url: `${this.htmlUrl('issues', issue.number)}#issuecomment-${comment.id}`,
            user: { login: 'github-actions[bot]' },
            updated_at: comment.created_at,
          },
        };
      }
      case 'issues/list-comments': {
        const issue = this.findIssue(p.issue_number);
        return issue
          ? {
              status: 200,
              body: issue.comments.map((c) => ({
                ...c,
                user: { login: 'github-actions[bot]' },
                updated_at: c.created_at,
              })),
            }
          : notFound;
      }
      case 'issues/add-labels': {
        const issue = this.findIssue(p.issue_number);
        if (!issue) return notFound;
        const names = Array.isArray(body?.labels) ? (body.labels as unknown[]) : [];
        for (const label of this.labelNames(names))
          if (!issue.labels.some((l) => l.name === label.name)) issue.labels.push(label);
        return { status: 200, body: issue.labels };
      }
      case 'search/issues-and-pull-requests': {
        // Supports the qualifiers the action uses: repo:, is:issue|pr, is:open|closed, label:, in:title "text".
        const query = q.get('q') ?? '';
        const terms = query.match(/"[^"]*"|\S+/g) ?? [];
        const qualifier = (term: string): [string, string] => {
          const colon = term.indexOf(':');
          const unquote = (t: string): string => t.replace(/^"|"$/g, '');
          return colon < 0
            ? ['', unquote(term)]
            : [term.slice(0, colon), unquote(term.slice(colon + 1))];
        };
        const items = this.issues.filter((issue) =>
          terms.every((term) => {
            const [k, v] = qualifier(term);
            if (k === 'repo') return v === this.repository;
            if (k === 'is')
              return v === 'issue'
                ? !issue.pull_request
                : v === 'pr'
                  ? !!issue.pull_request
                  : issue.state === v;
            if (k === 'label') return issue.labels.some((l) => l.name === v);
            if (k === 'in') return true;
            return `${issue.title}\n${issue.body ?? ''}`.toLowerCase().includes(v.toLowerCase());
          }),
        );
        return {
          status: 200,
          body: {
            total_count: items.length,
            incomplete_results: false,
            items: items.map((i) => ({ ...(this.issueJson(i) as object), score: 1 })),
          },
        };
      }
      case 'pulls/create': {
        const pr = this.newIssue(body, 'PR', {
          pull_request: {
            head: String(body?.head),
            base: String(body?.base),
            draft: body?.draft === true,
          },
        });
        return {
          status: 201,
          body: {
            ...(this.issueJson(pr) as object),
            html_url: this.htmlUrl('pull', pr.number),
            head: { ref: pr.pull_request?.head },
            base: { ref: pr.pull_request?.base },
            draft: pr.pull_request?.draft,
            merged: false,
          },
        };
      }
      case 'pulls/get': {
        const pr = this.findIssue(p.pull_number);
        if (!pr?.pull_request) return notFound;
        return { status: 200, body: this.pullJson(pr) };
      }
      case 'pulls/update': {
        const pr = this.findIssue(p.pull_number);
        if (!pr?.pull_request) return notFound;
        if (typeof body?.title === 'string') pr.title = body.title;
        if (typeof body?.body === 'string') pr.body = body.body;
        if (body?.state === 'open' || body?.state === 'closed') pr.state = body.state;
        pr.updated_at = this.now();
        return { status: 200, body: this.pullJson(pr) };
      }
      case 'pulls/list': {
        // `head` is `owner:branch` (GitHub ignores a head without an owner); `base` a branch.
        const head = q.get('head');
        const base = q.get('base');
        const state = q.get('state') ?? 'open';
        return {
          status: 200,
          body: this.issues
            .filter((i) => i.pull_request && (state === 'all' || state === i.state))
            .filter(
              (i) =>
                !head?.includes(':') ||
                (head.split(':')[0] === this.repository.split('/')[0] &&
                  i.pull_request?.head === head.slice(head.indexOf(':') + 1)),
            )
            .filter((i) => !base || i.pull_request?.base === base)
            .map((i) => ({
              ...(this.issueJson(i) as object),
              head: { ref: i.pull_request?.head },
              base: { ref: i.pull_request?.base },
            })),
        };
      }
      case 'git/get-ref': {
        const sha = this.refs.get(p.ref ?? '');
        return sha
          ? { status: 200, body: { ref: `refs/${p.ref}`, object: { sha, type: 'commit' } } }
          : notFound;
      }
      case 'git/create-ref': {
        const ref = String(body?.ref).replace(/^refs\//, '');
        if (this.refs.has(ref))
          return {
            status: 422,
            body: { message: 'Reference already exists', documentation_url: DOCS, status: '422' },
          };
        this.refs.set(ref, String(body?.sha));
        return {
          status: 201,
          body: { ref: `refs/${ref}`, object: { sha: body?.sha, type: 'commit' } },
        };
      }
      case 'git/update-ref': {
        if (!this.refs.has(p.ref ?? ''))
          return {
            status: 422,
            body: { message: 'Reference does not exist', documentation_url: DOCS, status: '422' },
          };
        this.refs.set(p.ref ?? '', String(body?.sha));
        return {
          status: 200,
          body: { ref: `refs/${p.ref}`, object: { sha: body?.sha, type: 'commit' } },
        };
      }
      case 'repos/create-deployment': {
        const deployment = {
          id: this.nextId++,
          ref: String(body?.ref),
          sha: String(body?.ref),
          environment: typeof body?.environment === 'string' ? body.environment : 'production',
          description: (body?.description as string | undefined) ?? null,
          payload: body?.payload ?? {},
          created_at: this.now(),
          statuses: [],
        };
        this.deployments.push(deployment);
        const { statuses: _s, ...rest } = deployment;
        return {
          status: 201,
          body: {
            ...rest,
            url: `${this.url}/repos/${this.repository}/deployments/${deployment.id}`,
          },
        };
      }
      case 'repos/get-deployment': {
        const found = this.deployments.find((d) => d.id === Number(p.deployment_id));
        if (!found) return notFound;
        const { statuses: _s, ...rest } = found;
        return {
          status: 200,
          body: { ...rest, url: `${this.url}/repos/${this.repository}/deployments/${found.id}` },
        };
      }
      case 'repos/list-deployments':
        return {
          status: 200,
          body: this.deployments
            .filter((d) => !q.get('environment') || d.environment === q.get('environment'))
            .map(({ statuses: _s, ...rest }) => rest)
            .reverse(),
        };
      case 'repos/create-deployment-status': {
        const deployment = this.deployments.find((d) => d.id === Number(p.deployment_id));
        if (!deployment) return notFound;
        const entry = {
          id: this.nextId++,
          state: String(body?.state),
          description: body?.description as string | undefined,
          environment_url: body?.environment_url as string | undefined,
          log_url: body?.log_url as string | undefined,
        };
        deployment.statuses.push(entry);
        return { status: 201, body: { ...entry, created_at: this.now() } };
      }
      case 'repos/list-deployment-statuses': {
        const deployment = this.deployments.find((d) => d.id === Number(p.deployment_id));
        return deployment ? { status: 200, body: [...deployment.statuses].reverse() } : notFound;
      }
      // One URL, two operations in the description: /compare/{base}...{head} and /{basehead}.
      case 'repos/compare-commits':
      case 'repos/compare-commits-with-basehead': {
        const [base, head] = p.basehead !== undefined ? p.basehead.split('...') : [p.base, p.head];
        const shas = [...this.commits.keys()];
        const from = shas.indexOf(base ?? '');
        const to = shas.indexOf(head ?? '');
        if (from < 0 || to < 0) return notFound;
        const between = shas
          .slice(from + 1, to + 1)
          .map((sha) => this.commits.get(sha))
          .filter((c) => c !== undefined);
        return {
          status: 200,
          body: {
            status: 'ahead',
            ahead_by: between.length,
            behind_by: 0,
            total_commits: between.length,
            commits: between.map((c) => ({
              sha: c.sha,
              commit: {
                message: c.message,
                ...(c.author ? { author: { name: c.author, email: '', date: '' } } : {}),
              },
              parents: (c.parents ?? []).map((sha) => ({ sha })),
            })),
            files: [...new Set(between.flatMap((c) => c.files))].map((filename) => ({
              filename,
              status: 'modified',
            })),
          },
        };
      }
      default:
        return undefined;
    }
  }
}

export async function startFakeGitHub(
  repository?: string,
  token?: string,
  options: { gitRemote?: string } = {},
): Promise<FakeGitHub> {
  return new FakeGitHub(repository, token, options.gitRemote).start();
}

/**
 * Files the incident after a rollback, or comments on the open one for the same targets (found
 * by the hidden marker), with `github-token`. Best effort: whatever GitHub answers, the
 * rollback stands, the step's result is the rollback's, and a failure is one warning.
 */
import * as core from '@actions/core';
import { readFileBounded } from '../bounded.js';
import type { Verdict } from '../constants.js';
import { messageOf } from '../errors.js';
import { frozeOf } from '../decide/freeze.js';
import { GitHubError, type IssueRef } from '../github.js';
import { LIMITS } from '../limits.js';
import type { ModeContext } from '../modes/context.js';
import {
  incidentBody,
  incidentComment,
  incidentLabels,
  incidentTitle,
  markerOf,
  type IncidentFacts,
} from '../report/incident.js';
import { fillTemplate } from '../report/incident-template.js';
import { incidentFactsOf, incidentIdentity, type RunFacts } from '../report/incident-of-run.js';
import type { Snapshot, TargetRef } from '../kube/snapshot.js';
import { rangeBases } from '../decide/gather.js';
import type { KubeClient } from '../kube/client.js';
import type { Response } from './respond.js';
import * as path from 'node:path';

/**
 * The deployed commits for the incident: the range the decision read from the checkout, else
 * (no checkout, or too shallow) GitHub's compare from the base the ledger, the capture or the
 * push names to the deployed commit. Only when an incident is due; never an error.
 */
export async function incidentRange(
  context: ModeContext,
  refs: readonly TargetRef[],
  response: Response,
  snapshot: Snapshot | undefined,
): Promise<RunFacts['range']> {
  if (response.range) return response.range;
  const head = context.run.sha;
  const github = context.github();
  if (!head || !github || !incidentDue(context, response.run.verdict)) return undefined;
  try {
    const bases = await rangeBases(
      context,
      refs.length ? context.kube() : new Map<string, KubeClient>(),
      refs,
      snapshot,
    );
    const base = bases.recorded?.sha ?? bases.lastGoodSha ?? bases.pushBefore ?? bases.toRevision;
    if (!base || /^0+$/.test(base) || base === head) return undefined;
    const commits = await github.compareCommits(base, head);
    core.info(
      `Deployed commits for the incident, from GitHub: ${base.slice(0, 12)}..${head.slice(0, 12)}, ${commits.length}`,
    );
    return { base, head, commits };
  } catch (error) {
    core.info(`The deployed commits could not be read from GitHub either: ${messageOf(error)}`);
    return undefined;
  }
}

/** The incident's facts from a response (guard's or rollback's) and what the mode saw. */
export function responseFacts(
  context: ModeContext,
  refs: readonly TargetRef[],
  response: Response,
  seen: Pick<
    RunFacts,
    | 'verdict'
    | 'severity'
    | 'headline'
    | 'deployedAt'
    | 'detectedAt'
    | 'states'
    | 'observations'
    | 'range'
  >,
  /** A manual rollback: GITHUB_ACTOR ran it, and did not deploy what it undid. */
  manual = false,
): IncidentFacts {
  const actor = context.env.GITHUB_ACTOR;
  return incidentFactsOf({
    ...incidentIdentity(refs, context.env.GITHUB_REPOSITORY),
    ...seen,
    decidedAt: response.decidedAt,
    kubernetes: response.kubernetes.results,
    ...(seen.range ? { range: seen.range } : response.range ? { range: response.range } : {}),
    plan: response.plan,
    run: response.run,
    ...(context.run.runUrl ? { runUrl: context.run.runUrl } : {}),
    ...(actor ? (manual ? { rolledBackBy: actor } : { actor }) : {}),
    ...(response.verification ? { verification: response.verification } : {}),
  });
}

export const DEFAULT_INCIDENT_ON: readonly Verdict[] = [
  'rolled-back',
  'rollback-recommended',
  'rollback-failed',
];

export interface IncidentFiled {
  action: 'created' | 'commented';
  number: number;
  /** The issue's page (or the comment's). */
  url: string;
}

/** An incident GitHub did not take: why, and its text, so a person can file it by hand. */
export interface IncidentUnfiled {
  problem: string;
  title?: string;
  body?: string;
}

/** Whether this run files (or comments on) an incident for `verdict`: facts are read only then. */
export function incidentDue(context: ModeContext, verdict: Verdict): boolean {
  const on = context.config.policy.incident?.on ?? DEFAULT_INCIDENT_ON;
  return on.includes(verdict) && !context.config.dryRun && context.github() !== undefined;
}

export async function fileIncident(
  context: ModeContext,
  reported: IncidentFacts,
): Promise<IncidentFiled | IncidentUnfiled | undefined> {
  // Without a range read, the deployed commit is what the deploy freeze waits for a revert of.
  const froze = reported.froze ?? frozeOf(context.run.sha);
  const facts: IncidentFacts = froze ? { ...reported, froze } : reported;
  const policy = context.config.policy.incident;
  const on = policy?.on ?? DEFAULT_INCIDENT_ON;
  if (!on.includes(facts.verdict)) return undefined;
  if (context.config.dryRun) {
    core.info(`dry run: would file or comment on the incident '${incidentTitle(facts)}'`);
    return undefined;
  }
  const github = context.github();
  if (!github) {
    const problem = 'no incident filed: the step has no github-token or GITHUB_REPOSITORY';
    core.warning(`rollback-action: ${problem}`);
    return { problem };
  }
  // Made once: filed, or kept for the summary when GitHub does not take it.
  let text: { title: string; body: string } | undefined;
  const textOf = () => (text ??= { title: incidentTitle(facts), body: bodyOf(context, facts) });
  try {
    const marker = markerOf(facts);
    const open = await github.findOpenIssue('incident', marker);
    if (open) {
      const url = await github.commentOnIssue(open.number, incidentComment(facts));
      core.info(`Incident #${open.number} is still open: commented ${url}`);
      return { action: 'commented', number: open.number, url };
    }
    const { title, body } = textOf();
    const create = {
      title,
      body,
      labels: incidentLabels(facts, policy?.labels ?? []),
    };
    const owner = facts.actor ?? facts.rolledBackBy;
    const assignees = policy?.assignees ?? (owner ? [owner] : []);
    const issue = await github
      .createIssue({ ...create, assignees })
      .catch(async (error: unknown): Promise<IssueRef> => {
        // An actor who cannot be assigned (a bot, an outside contributor) is GitHub's 422:
        // the incident matters more than its assignee.
        if (error instanceof GitHubError && error.status === 422 && assignees.length)
          return github.createIssue(create);
        // A 5xx may come after the issue was made (a POST is not retried blindly): looked
        // for first, so one failure gives neither a lost incident nor two of them.
        if (error instanceof GitHubError && (error.status ?? 0) >= 500) {
          const made = await github.findOpenIssue('incident', marker);
          if (made) return made;
          core.info(`${messageOf(error)}; filing the incident once more`);
          return github.createIssue({ ...create, assignees });
        }
        throw error;
      });
    core.info(`Incident filed: #${issue.number} ${issue.url}`);
    return { action: 'created', number: issue.number, url: issue.url };
  } catch (error) {
    const problem = `the incident was not filed: ${messageOf(error)}`;
    core.warning(`rollback-action: ${problem}; the rollback stands`);
    return { problem, ...textOf() };
  }
}

/** The policy's template, filled, or the built-in layout; a template's unknown names warn. */
function bodyOf(context: ModeContext, facts: IncidentFacts): string {
  const file = context.config.policy.incident?.template;
  if (!file) return incidentBody(facts);
  const workspace = context.env.GITHUB_WORKSPACE || process.cwd();
  try {
    const { text, unknown } = fillTemplate(
      readFileBounded(path.resolve(workspace, file), LIMITS.policyFile),
      facts,
    );
    if (unknown.length)
      core.warning(
        `rollback-action: incident.template ${file}: unknown placeholder${unknown.length === 1 ? '' : 's'} ${unknown.map((u) => `{{${u}}}`).join(', ')}; left as written`,
      );
    return text;
  } catch (error) {
    core.warning(
      `rollback-action: incident.template ${file} could not be read (${messageOf(error)}); the built-in layout is used`,
    );
    return incidentBody(facts);
  }
}

/**
 * The watch loop: polls every trigger's source each interval for the window, evaluates, and
 * stops at the first failing verdict. One progress line per poll says, for each trigger, its
 * value against its threshold. Time comes from the injected clock, so a 10-minute window is
 * tested in milliseconds.
 */
import type { Clock } from '../clock.js';
import { formatDuration } from '../duration.js';
import type { PollWindow, Reading } from '../metrics/provider.js';
import type { WatchedTrigger } from './rules.js';
import { evaluateTrigger, format, type Observation, type TriggerState } from './triggers.js';
import { judge, type Coverage, type Judgement } from './verdict.js';
import { inflect } from '../text.js';
import { messageOf } from '../errors.js';

export interface TriggerSource {
  trigger: WatchedTrigger;
  read(window: PollWindow): Promise<Reading>;
}

export interface WatchOptions {
  clock: Clock;
  /** When the watch starts counting (the rollout completed), in ms. */
  since: number;
  windowMs: number;
  intervalMs: number;
  /** When the deploy began (the capture), when known: alerts older than it are the baseline. */
  deployedAt?: number;
  /** Pre-deploy values for relative triggers, by trigger name. */
  baselines?: Record<string, number | undefined>;
  log?: (line: string) => void;
  /** A cancelled run: the watch ends after the poll in progress, inconclusive. */
  cancelled?: AbortSignal;
}

export interface WatchResult {
  judgement: Judgement;
  states: TriggerState[];
  /** Every observation, by trigger: the time series the verdict rests on. */
  observations: Record<string, Observation[]>;
  coverage: Record<string, Coverage>;
  polls: number;
  elapsedMs: number;
}

/**
 * One short line per poll, what needs attention first: failing triggers, then those already
 * breaching (and how long of how long), then those without data (and why, in words), then
 * the rest as `ok:` with their values. Conditions and queries are printed once, before the
 * watch, not on every line.
 */
export function progressLine(
  elapsedMs: number,
  states: readonly TriggerState[],
  intervalMs: number,
): string {
  // Whole seconds unless polls are closer than that: a real clock drifts by milliseconds
  // that nobody needs to read (the first poll is "[0s]", not "[3ms]").
  const shown = intervalMs >= 1000 ? Math.round(elapsedMs / 1000) * 1000 : elapsedMs;
  const of = (status: TriggerState['status']): TriggerState[] =>
    states.filter((s) => s.status === status);
  const ok = of('pass').filter((s) => !s.breaching && !s.settling);
  const settling = of('pass').filter((s) => s.settling);
  const parts = [
    ...of('fail').map((s) => `${s.name} FAILS: ${s.detail}`),
    ...of('pass')
      .filter((s) => s.breaching)
      .map((s) => `${s.name} ${format(s.value)}, breaching ${s.breaching ?? ''}`),
    ...noData(of('no-data')),
    // A settling trigger's value is not judged yet: never under ok, however it reads.
    ...(settling.length
      ? [`settling: ${settling.map((s) => `${s.name} ${format(s.value)}`).join(', ')}`]
      : []),
    ...(ok.length ? [`ok: ${ok.map((s) => `${s.name} ${format(s.value)}`).join(', ')}`] : []),
  ];
  return `[${formatDuration(shown)}] ${parts.join(' · ')}`;
}

/** Triggers without data, those with the same reason together: a backend down is one cause. */
function noData(states: readonly TriggerState[]): string[] {
  const byReason = new Map<string, string[]>();
  for (const s of states) {
    const reason = withoutQuery(s.detail);
    byReason.set(reason, [...(byReason.get(reason) ?? []), s.name]);
  }
  return [...byReason].map(
    ([reason, names]) =>
      `${names.join(', ')} ${inflect(names.length, 'has', 'have')} no data: ${reason}`,
  );
}

/** A backend's reason without the query it quotes: the queries are shown once, at the start. */
function withoutQuery(reason: string): string {
  return reason.replace(/ \(query: .*\)$/s, '');
}

export async function watch(
  sources: readonly TriggerSource[],
  options: WatchOptions,
): Promise<WatchResult> {
  const { clock, since, windowMs, intervalMs } = options;
  const observations: Record<string, Observation[]> = Object.fromEntries(
    sources.map((s) => [s.trigger.rule.name, []]),
  );
  const coverage: Record<string, Coverage> = Object.fromEntries(
    sources.map((s) => [s.trigger.rule.name, { polls: 0, withData: 0 }]),
  );
  const noDataFail = new Set(
    sources.filter((s) => s.trigger.rule.noData === 'fail').map((s) => s.trigger.rule.name),
  );
  for (let polls = 1; ; polls++) {
    const at = clock.now();
    const readings = await Promise.all(
      sources.map((s) =>
        s
          .read({ now: at, since, intervalMs, deployedAt: options.deployedAt ?? since })
          .catch((error: unknown): Reading => ({ reason: messageOf(error) })),
      ),
    );
    const states = sources.map((source, i) => {
      const name = source.trigger.rule.name;
      const series = observations[name] ?? [];
      series.push({ at, ...readings[i] });
      const state = evaluateTrigger(source.trigger.rule, series, options.baselines?.[name], {
        since,
        final: at - since >= windowMs,
      });
      const counted = coverage[name];
      if (counted) {
        counted.polls += 1;
        if (state.value !== undefined) counted.withData += 1;
      }
      return state;
    });
    const elapsedMs = at - since;
    // A query the backend refuses never gives data: stop, and say it is the policy's error.
    // Unless it read fine earlier in this watch: then the backend changed, not the policy,
    // and the refusal is no data like any other failure.
    const rejected = sources.flatMap((s, i) => {
      const reading = readings[i];
      const name = s.trigger.rule.name;
      return reading?.rejected && (coverage[name]?.withData ?? 0) === 0
        ? [{ name, why: reading.reason ?? 'the query was rejected' }]
        : [];
    });
    if (rejected.length) {
      options.log?.(progressLine(elapsedMs, states, intervalMs));
      return {
        judgement: {
          verdict: 'inconclusive',
          severity: undefined,
          failing: [],
          unjudged: rejected,
          failStep: true,
          rejected,
        },
        states,
        observations,
        coverage,
        polls,
        elapsedMs,
      };
    }
    const judgement = judge(states, {
      windowEnded: elapsedMs >= windowMs,
      coverage,
      noDataFail,
    });
    options.log?.(progressLine(elapsedMs, states, intervalMs));
    if (judgement.verdict !== 'watching')
      return { judgement, states, observations, coverage, polls, elapsedMs };
    const next = at + intervalMs;
    await clock.sleep(
      Math.max(0, Math.min(next, since + windowMs) - clock.now()),
      options.cancelled,
    );
    // Half a window proves nothing either way: a cancelled watch judges nothing.
    if (options.cancelled?.aborted)
      return {
        judgement: {
          verdict: 'inconclusive',
          severity: undefined,
          failing: [],
          unjudged: [],
          failStep: false,
          cancelled: String(options.cancelled.reason),
        },
        states,
        observations,
        coverage,
        polls,
        elapsedMs: clock.now() - since,
      };
  }
}

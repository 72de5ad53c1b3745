/** The policy's triggers with their metric sources, for the modes that read metrics. */
import * as core from '@actions/core';
import { watchedTriggers } from '../analysis/rules.js';
import { resolveMetrics } from '../metrics/settings.js';
import { metricSources, type MetricSource, type SourceOptions } from '../metrics/sources.js';
import type { ModeContext } from './context.js';

export function triggerSources(
  context: ModeContext,
  options: Omit<SourceOptions, 'policyFile'> = {},
): MetricSource[] {
  const watched = watchedTriggers(context.config.policy);
  if (watched.length === 0) return [];
  const settings = resolveMetrics(context.config, context.env, (s) => core.setSecret(s));
  return metricSources(watched, settings, { policyFile: context.config.policyFile, ...options });
}

/** The policy's triggers with their metric sources, for the modes that read metrics. */
import { maskSecret } from '../secrets.js';
import * as core from '@actions/core';
import { watchedTriggers } from '../analysis/rules.js';
import { resolveMetrics } from '../metrics/settings.js';
import { metricSources, type MetricSource, type SourceOptions } from '../metrics/sources.js';
import type { ModeContext } from './context.js';

export function triggerSources(
  context: ModeContext,
  options: Omit<SourceOptions, 'policyFile'> & { onMissingEnv?: (message: string) => void } = {},
): MetricSource[] {
  const watched = watchedTriggers(context.config.policy);
  if (watched.length === 0) return [];
  const settings = resolveMetrics(context.config, context.env, maskSecret, options.onMissingEnv);
  const sources = metricSources(watched, settings, {
    policyFile: context.config.policyFile,
    ...options,
  });
  return sources.map((source) => withWarnings(source));
}

/** A backend's warnings (Prometheus: partial data, a truncated result) shown once each. */
function withWarnings(source: MetricSource): MetricSource {
  const shown = new Set<string>();
  return {
    ...source,
    read: async (window) => {
      const reading = await source.read(window);
      for (const warning of reading.warnings ?? []) {
        if (shown.has(warning)) continue;
        shown.add(warning);
        core.warning(
          `trigger '${source.trigger.rule.name}': ${source.trigger.provider} warns: ${warning}`,
        );
      }
      return reading;
    },
  };
}

/**
 * The factory: each watched trigger gets the source its provider reads, built once per run.
 * Prometheus, Alertmanager and scrape are shared by every trigger that names them (one scrape per poll);
 * health and http-json are per trigger. A provider the policy uses but does not configure is
 * the user's error, reported once per provider with the triggers that need it.
 */
import type { WatchedTrigger } from '../analysis/rules.js';
import type { TriggerSource } from '../analysis/watch.js';
import { UserError, UserErrors, quote } from '../errors.js';
import { AlertmanagerProvider } from './alertmanager.js';
import { probe } from './health.js';
import { readJson } from './http-json.js';
import { PrometheusProvider } from './prometheus.js';
import type { Finding, MetricProvider, PollWindow, Reading } from './provider.js';
import { ScrapeProvider } from './scrape.js';
import type { MetricsSettings } from './settings.js';
import { inflect } from '../text.js';

export interface MetricSource extends TriggerSource {
  /** Preflight: one read, and what is wrong with the trigger's source, if anything. */
  check(window: PollWindow): Promise<Finding | undefined>;
  /** The typical value over `windowMs` before `end`, from the backend's history. */
  baseline?(end: number, windowMs: number): Promise<Reading>;
}

export interface SourceOptions {
  policyFile: string | undefined;
  /** A fresh scrape provider: the capture's baseline samples must not share the watch's. */
  scrape?: ScrapeProvider;
}

function fromProvider(trigger: WatchedTrigger, provider: MetricProvider): MetricSource {
  const baseline = provider.baseline?.bind(provider);
  return {
    trigger,
    read: (window) => provider.read(trigger.query, window),
    check: (window) => provider.check(trigger.query, window),
    ...(baseline ? { baseline: (end, windowMs) => baseline(trigger.query, end, windowMs) } : {}),
  };
}

function healthSource(
  trigger: WatchedTrigger,
  url: string,
  headers: Record<string, string> | undefined,
): MetricSource {
  const check = {
    url,
    ...(headers ? { headers } : {}),
    ...(trigger.expectStatus !== undefined ? { expectStatus: trigger.expectStatus } : {}),
    ...(trigger.bodyMatch !== undefined ? { bodyMatch: trigger.bodyMatch } : {}),
  };
  return {
    trigger,
    read: () => probe(check),
    check: async () => {
      const reading = await probe(check);
      if (reading.value === undefined)
        return { level: 'error', message: reading.reason ?? 'no answer' };
      return reading.value === 0
        ? undefined
        : {
            level: 'warning',
            message: `the check fails before the deploy: ${reading.reason ?? ''}`,
          };
    },
  };
}

function jsonSource(
  trigger: WatchedTrigger,
  url: string,
  jsonPath: string,
  headers: Record<string, string> | undefined,
): MetricSource {
  const read = (): Promise<Reading> => readJson({ url, jsonPath, ...(headers ? { headers } : {}) });
  return {
    trigger,
    read,
    check: async () => {
      const reading = await read();
      if (reading.value !== undefined) return undefined;
      // A request that cannot be made will not work after the deploy either.
      return {
        level: reading.misconfigured ? 'error' : 'warning',
        message: reading.reason ?? 'no value',
      };
    },
  };
}

export function metricSources(
  watched: readonly WatchedTrigger[],
  settings: MetricsSettings,
  options: SourceOptions,
): MetricSource[] {
  const file = options.policyFile ?? 'the policy';
  const prometheus = settings.prometheus ? new PrometheusProvider(settings.prometheus) : undefined;
  const alertmanager = settings.alertmanager
    ? new AlertmanagerProvider(settings.alertmanager)
    : undefined;
  const scrape =
    options.scrape ?? (settings.scrape ? new ScrapeProvider(settings.scrape) : undefined);
  const lacking = new Map<string, string[]>();
  const lack = (why: string, trigger: WatchedTrigger): undefined => {
    lacking.set(why, [...(lacking.get(why) ?? []), trigger.rule.name]);
    return undefined;
  };
  const sources = watched.map((trigger): MetricSource | undefined => {
    const headers = settings.triggerHeaders?.[trigger.rule.name];
    switch (trigger.provider) {
      case 'prometheus':
        return prometheus
          ? fromProvider(trigger, prometheus)
          : lack(
              `no Prometheus URL: set input 'prometheus-url' or metrics.prometheus.url in ${file}`,
              trigger,
            );
      case 'alertmanager':
        return alertmanager
          ? fromProvider(trigger, alertmanager)
          : lack(
              `no Alertmanager URL: set input 'alertmanager-url' or metrics.alertmanager.url in ${file}`,
              trigger,
            );
      case 'scrape':
        return scrape
          ? fromProvider(trigger, scrape)
          : lack(`no URLs to scrape: set metrics.scrape.urls in ${file}`, trigger);
      case 'health':
        return trigger.url ? healthSource(trigger, trigger.url, headers) : lack('no url', trigger);
      case 'http-json':
        return trigger.url && trigger.jsonPath
          ? jsonSource(trigger, trigger.url, trigger.jsonPath, headers)
          : lack('no url and json-path', trigger);
    }
  });
  if (lacking.size)
    throw new UserErrors(
      [...lacking].map(
        ([why, names]) =>
          new UserError(
            `${inflect(names.length, 'trigger')} ${names.map(quote).join(', ')}: ${why}`,
          ),
      ),
    );
  return sources as MetricSource[];
}

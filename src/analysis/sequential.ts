/**
 * Wald's sequential probability ratio test on an error ratio: is the true ratio at most p0
 * (the threshold) or at least p1? Checked after every poll on all requests since the deploy,
 * its false-alarm probability stays at most about alpha however often it looks, so a severe
 * regression fails within seconds while a borderline one waits for the trigger's `for`.
 */
export interface SprtOptions {
  /** The threshold ratio: at or below it the release is acceptable. */
  p0: number;
  /** A ratio clearly worse than the threshold (default twice it; see counts.ts for the pair). */
  p1: number;
  /** The false-alarm probability allowed (rolling back a release at the threshold). */
  alpha: number;
  /** The miss probability allowed (not failing fast at p1; the `for` rule still applies). */
  beta: number;
}

export interface SprtResult {
  /** Log-likelihood ratio of p1 over p0 for the counts seen. */
  llr: number;
  /** LLR at which the test decides for p1 (fails fast). */
  upper: number;
  decision: 'fail' | 'continue';
}

export function sprtOptions(threshold: number, overrides: Partial<SprtOptions> = {}): SprtOptions {
  return {
    p0: threshold,
    p1: Math.min(0.999, threshold * 2),
    alpha: 0.001,
    beta: 0.01,
    ...overrides,
  };
}

export function sprt(errors: number, total: number, options: SprtOptions): SprtResult {
  const { p0, p1, alpha, beta } = options;
  const upper = Math.log((1 - beta) / alpha);
  if (!(p0 > 0 && p0 < p1 && p1 < 1) || total <= 0 || errors < 0 || errors > total)
    return { llr: 0, upper, decision: 'continue' };
  const llr = errors * Math.log(p1 / p0) + (total - errors) * Math.log((1 - p1) / (1 - p0));
  return { llr, upper, decision: llr >= upper ? 'fail' : 'continue' };
}

/**
 * Wald's test against several alternatives at once, weighted equally: the likelihood ratio
 * of the mixture is the mean of theirs. The mean of likelihood ratios is still a
 * supermartingale at or below p0, so one bound on it keeps the false-alarm probability at
 * alpha however often it looks (Ville's inequality), while a regression just above the
 * threshold, which only a near alternative favours, is still proven in time.
 */
export function sprtMixture(
  errors: number,
  total: number,
  options: Omit<SprtOptions, 'p1'> & { alternatives: readonly number[] },
): SprtResult {
  const upper = Math.log((1 - options.beta) / options.alpha);
  const llrs = options.alternatives.map((p1) => sprt(errors, total, { ...options, p1 }).llr);
  if (llrs.length === 0) return { llr: 0, upper, decision: 'continue' };
  const top = Math.max(...llrs);
  const llr = top + Math.log(llrs.reduce((sum, l) => sum + Math.exp(l - top), 0) / llrs.length);
  return { llr, upper, decision: llr >= upper ? 'fail' : 'continue' };
}

/** One-sided z for 99.9 %: the same false-alarm level as the sequential test's alpha. */
const Z_999 = 3.09;

/**
 * Wilson's lower confidence bound for a ratio of `errors` in `total`. Valid for one look only:
 * the watch uses it once, at the moment a verdict has already failed, to say how severe the
 * failure is (never to fail a trigger, which would need the sequential test's correction).
 */
export function wilsonLower(errors: number, total: number, z = Z_999): number | undefined {
  if (total <= 0 || errors < 0 || errors > total) return undefined;
  const p = errors / total;
  const z2 = z * z;
  const centre = p + z2 / (2 * total);
  const spread = z * Math.sqrt((p * (1 - p)) / total + z2 / (4 * total * total));
  return Math.max(0, (centre - spread) / (1 + z2 / total));
}

/**
 * Wald's test on a Poisson rate: `count` events in `seconds`, is the rate at most `rate0`
 * (per second) or at least `rate1`? "More than 100 5xx a minute" is such a rate: judged on
 * every count since the watch began, one noisy poll above 100 cannot decide it.
 */
export function poissonSprt(
  count: number,
  seconds: number,
  rate0: number,
  rate1: number,
  { alpha, beta }: Pick<SprtOptions, 'alpha' | 'beta'> = { alpha: 0.001, beta: 0.01 },
): SprtResult {
  const upper = Math.log((1 - beta) / alpha);
  if (!(rate0 > 0 && rate1 > rate0) || !(seconds > 0) || !(count >= 0))
    return { llr: 0, upper, decision: 'continue' };
  const llr = count * Math.log(rate1 / rate0) - (rate1 - rate0) * seconds;
  return { llr, upper, decision: llr >= upper ? 'fail' : 'continue' };
}

/**
 * Wilson's upper confidence bound for a ratio: at the end of the window, one look at all of a
 * quiet service's requests. Below the threshold, the release is healthy beyond doubt even
 * though no single poll had enough requests to judge.
 */
export function wilsonUpper(errors: number, total: number, z = Z_999): number | undefined {
  if (total <= 0 || errors < 0 || errors > total) return undefined;
  const flipped = wilsonLower(total - errors, total, z);
  return flipped === undefined ? undefined : 1 - flipped;
}

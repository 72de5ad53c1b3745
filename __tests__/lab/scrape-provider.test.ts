/** The scrape provider reading the demo service's real /metrics (prom-client's exposition). */
import { createServer } from 'node:http';
import { DemoApp } from '../../lab/demo-app/app.js';
import { LoadGenerator } from '../../lab/demo-app/load.js';
import { deployment, imageOf, settled } from '../../lab/kube-sim/fixtures.js';
import { startKubeSim } from '../../lab/kube-sim/server.js';
import { closeServer, listenOnLoopback } from '../../lab/util/net.js';
import { ScrapeProvider } from '../../src/metrics/scrape.js';

const RATIO = { errors: 'http_requests_total{code=~"5.."}', total: 'http_requests_total' };

test('ratios and quantiles from scrapes of a bad release', async () => {
  const sim = await startKubeSim({ podReadyDelayMs: 20 });
  const app = await new DemoApp({ sim, deployment: 'api' }).start();
  const load = new LoadGenerator({ url: `${app.url}/`, ratePerSecond: 100, durationMs: 10_000 });
  try {
    sim.apply(deployment('api', 'shop/api:2.0-bad', { replicas: 2 }));
    await sim.waitFor(
      'Deployment',
      'default',
      'api',
      (o) => settled(o) && imageOf(o) === 'shop/api:2.0-bad',
    );
    load.start();
    const provider = new ScrapeProvider({ urls: [`${app.url}/metrics`] });
    const since = Date.now();
    expect(await provider.read({ ratio: RATIO }, { now: since, since, intervalMs: 1000 })).toEqual({
      reason: 'first scrape: counting starts now',
    });
    await new Promise((r) => setTimeout(r, 2000));
    const now = Date.now();
    const ratio = await provider.read({ ratio: RATIO }, { now, since, intervalMs: 1000 });
    expect(ratio.reason).toBeUndefined();
    expect(ratio.windowTotal).toBeGreaterThan(100);
    expect(ratio.value).toBeGreaterThan(0.12);
    expect(ratio.value).toBeLessThan(0.4);
    expect(ratio.total).toBe(ratio.windowTotal);
    const p95 = await provider.read(
      { query: 'histogram_quantile(0.95, http_request_duration_seconds_bucket)' },
      { now, since, intervalMs: 1000 },
    );
    expect(p95.value).toBeGreaterThan(0);
    expect(p95.value).toBeLessThan(0.1);
    const window = { now, since, intervalMs: 1000 };
    expect(await provider.check({ query: 'sum(rate(x[1m]))' }, window)).toEqual({
      level: 'error',
      message: expect.stringMatching(
        /^the scrape provider reads a series selector or histogram_quantile/,
      ) as string,
    });
    expect(await provider.check({ ratio: RATIO }, window)).toBeUndefined();
    expect(await provider.check({ query: 'http_requests_total{code="418"}' }, window)).toEqual({
      level: 'warning',
      message: `no series http_requests_total matching the selector in ${app.url}/metrics`,
    });
    // A selector naming a service this exposition does not have stops the capture.
    expect(await provider.check({ query: 'http_requests_total{app="shop-api"}' }, window)).toEqual({
      level: 'error',
      message: `no series match the selector of http_requests_total in ${app.url}/metrics; http_requests_total has series with app=(none): check the selector`,
    });
    expect(await provider.check({ query: 'no_such_metric' }, window)).toEqual({
      level: 'error',
      message: `${app.url}/metrics exports no series named no_such_metric`,
    });
    const gone = new ScrapeProvider({ urls: ['http://127.0.0.1:9/metrics'], timeoutMs: 1000 });
    expect(await gone.check({ ratio: RATIO }, window)).toMatchObject({ level: 'error' });
  } finally {
    load.stop();
    await app.close();
    await sim.close();
  }
}, 30_000);

test('a pod restart (counter reset) is counted, not taken as negative traffic', async () => {
  const expositions = [
    'http_requests_total{code="200"} 1000\nhttp_requests_total{code="500"} 50',
    'http_requests_total{code="200"} 90\nhttp_requests_total{code="500"} 10',
  ];
  let call = 0;
  const server = createServer((_req, res) => res.end(expositions[Math.min(call++, 1)]));
  const url = await listenOnLoopback(server);
  try {
    const provider = new ScrapeProvider({ urls: [url] });
    await provider.read({ ratio: RATIO }, { now: 1, since: 0, intervalMs: 1000 });
    const reading = await provider.read({ ratio: RATIO }, { now: 2, since: 0, intervalMs: 1000 });
    expect(reading).toEqual({ value: 10 / 100, windowTotal: 100, errors: 10, total: 100 });
  } finally {
    await closeServer(server);
  }
});

test('triggers read at once in a poll share one scrape, so each sees the whole interval', async () => {
  const expositions = [
    'http_requests_total{code="200"} 100\nhttp_requests_total{code="500"} 0',
    'http_requests_total{code="200"} 180\nhttp_requests_total{code="500"} 20',
  ];
  let call = 0;
  const server = createServer((_req, res) => res.end(expositions[Math.min(call++, 1)]));
  const url = await listenOnLoopback(server);
  try {
    const provider = new ScrapeProvider({ urls: [url] });
    const poll = (now: number) =>
      Promise.all([
        provider.read({ ratio: RATIO }, { now, since: 0, intervalMs: 1000 }),
        provider.read({ query: 'http_requests_total' }, { now, since: 0, intervalMs: 1000 }),
      ]);
    await poll(1);
    const [ratio, total] = await poll(2);
    expect(call).toBe(2);
    expect(ratio).toEqual({ value: 0.2, windowTotal: 100, errors: 20, total: 100 });
    expect(total).toEqual({ value: 200 });
  } finally {
    await closeServer(server);
  }
});

test('an unreachable target is no data', async () => {
  const provider = new ScrapeProvider({ urls: ['http://127.0.0.1:9/metrics'], timeoutMs: 1000 });
  expect(
    (await provider.read({ query: 'up' }, { now: 1, since: 0, intervalMs: 1000 })).reason,
  ).toMatch(/^http:\/\/127\.0\.0\.1:9\/metrics: /);
});

test('the recent window is two polls and at least 30 s, as with Prometheus; buckets count since the first scrape', async () => {
  // What the service exports at each poll, 10 s apart: requests, errors, requests above 1 s.
  const states = [
    [0, 0, 0],
    [100, 0, 0],
    [200, 50, 20],
    [300, 50, 20],
    [400, 50, 30],
  ];
  let current = states[0] ?? [0, 0, 0];
  const server = createServer((_req, res) => {
    const [total = 0, errors = 0, slow = 0] = current;
    res.end(
      [
        `http_requests_total{code="200"} ${total - errors}`,
        `http_requests_total{code="500"} ${errors}`,
        `h_bucket{le="1"} ${total - slow}`,
        `h_bucket{le="+Inf"} ${total}`,
        '',
      ].join('\n'),
    );
  });
  const url = await listenOnLoopback(server);
  try {
    const provider = new ScrapeProvider({ urls: [`${url}/metrics`] });
    const seen: unknown[] = [];
    for (const [i, state] of states.entries()) {
      current = state;
      const window = { now: i * 10_000, since: 0, intervalMs: 10_000 };
      const ratio = await provider.read({ ratio: RATIO }, window);
      const p95 = await provider.read({ query: 'histogram_quantile(0.95, h_bucket)' }, window);
      seen.push([ratio.errors ?? null, ratio.windowTotal ?? null, p95.buckets ?? null]);
    }
    expect(seen).toEqual([
      [null, null, null],
      // Younger than 30 s: the window reaches back to the first scrape, no further.
      [
        0,
        100,
        [
          { le: 1, count: 100 },
          { le: Infinity, count: 100 },
        ],
      ],
      [
        50,
        200,
        [
          { le: 1, count: 180 },
          { le: Infinity, count: 200 },
        ],
      ],
      [
        50,
        300,
        [
          { le: 1, count: 280 },
          { le: Infinity, count: 300 },
        ],
      ],
      // At 40 s, the window starts at the scrape of 10 s: 300 requests, not the last 100.
      [
        50,
        300,
        [
          { le: 1, count: 370 },
          { le: Infinity, count: 400 },
        ],
      ],
    ]);
  } finally {
    await closeServer(server);
  }
});

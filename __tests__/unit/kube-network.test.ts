/** Which Kubernetes network failures are retried, and how a wrong address is said. */
import { describeError } from '../../src/kube/client.js';
import { isRetryable } from '../../src/kube/retry.js';
import { KubeApiError, KubeNetworkError, type NetworkDetails } from '../../src/kube/transport.js';
import { describeNetworkError, networkFault, type NetworkFault } from '../../src/net-errors.js';

const request = { method: 'GET' as const, path: '/apis/apps/v1/namespaces/shop/deployments/api' };
const network = (details: NetworkDetails): KubeNetworkError =>
  new KubeNetworkError('GET /x on http://***@h:1/: failed', request, details);

describe('networkFault', () => {
  test.each<[string | undefined, NetworkFault]>([
    ['ECONNREFUSED', 'connection'],
    ['ECONNRESET', 'connection'],
    ['ETIMEDOUT', 'connection'],
    [undefined, 'connection'],
    ['ENOTFOUND', 'address'],
    ['EAI_AGAIN', 'address'],
    ['CERT_HAS_EXPIRED', 'tls'],
    ['DEPTH_ZERO_SELF_SIGNED_CERT', 'tls'],
    ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'tls'],
    ['ERR_TLS_CERT_ALTNAME_INVALID', 'tls'],
    ['ERR_INVALID_CHAR', 'request'],
    ['ERR_HTTP_INVALID_HEADER_VALUE', 'request'],
    ['ERR_INVALID_URL', 'request'],
  ])('%s → %s', (code, fault) => {
    expect(networkFault(code)).toBe(fault);
  });

  test.each<[string | undefined, string, string]>([
    ['ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:1', 'connection refused'],
    ['ENOTFOUND', 'getaddrinfo ENOTFOUND k8s.example', 'cannot resolve the host (ENOTFOUND)'],
    [
      'CERT_HAS_EXPIRED',
      'certificate has expired',
      'TLS verification failed: certificate has expired',
    ],
    [undefined, 'socket hang up', 'socket hang up'],
  ])('%s is said as %s', (code, message, expected) => {
    expect(describeNetworkError(code, message)).toBe(expected);
  });
});

describe('isRetryable', () => {
  test.each<[string, unknown, boolean]>([
    [
      'refused, never answered: a wrong address',
      network({ code: 'ECONNREFUSED', answeredBefore: false }),
      false,
    ],
    [
      'refused after answering: a restart',
      network({ code: 'ECONNREFUSED', answeredBefore: true }),
      true,
    ],
    ['unresolvable, never answered', network({ code: 'ENOTFOUND', answeredBefore: false }), false],
    [
      'TLS failure, never answered',
      network({ code: 'CERT_HAS_EXPIRED', answeredBefore: false }),
      false,
    ],
    [
      'a header that cannot be sent, ever',
      network({ code: 'ERR_INVALID_CHAR', answeredBefore: true }),
      false,
    ],
    [
      'reset, never answered: the server is busy',
      network({ code: 'ECONNRESET', answeredBefore: false }),
      true,
    ],
    ['timed out, never answered', network({ code: 'ETIMEDOUT', answeredBefore: false }), true],
    ['no details (unknown): retried as before', network({}), true],
    ['503', new KubeApiError(503, 'ServiceUnavailable', 'busy', request), true],
    ['429', new KubeApiError(429, 'TooManyRequests', 'slow', request), true],
    ['404', new KubeApiError(404, 'NotFound', 'x', request), false],
    ['anything else', new Error('x'), false],
  ])('%s → %s', (_name, error, retryable) => {
    expect(isRetryable(error)).toBe(retryable);
  });
});

describe('describeError of a network failure', () => {
  test.each<[string, NetworkDetails, string]>([
    [
      'a wrong address: one line with the context and the server',
      {
        code: 'ECONNREFUSED',
        reason: 'connection refused',
        server: 'http://***@127.0.0.1:1/',
        answeredBefore: false,
      },
      'context "eu-west": cannot connect to the API server http://***@127.0.0.1:1/: connection refused',
    ],
    [
      'a blip after answering: the object it was about',
      {
        code: 'ECONNREFUSED',
        reason: 'connection refused',
        server: 'http://h/',
        answeredBefore: true,
      },
      'no answer to get deployments.apps "api" in namespace "shop" (context "eu-west"): GET /x on http://***@h:1/: failed',
    ],
  ])('%s', (_name, details, expected) => {
    expect(describeError(network(details), request, 'eu-west').message).toBe(expected);
  });
});

/**
 * What a failed connection means, from the error code Node gives it. Shared by the HTTP
 * providers and the Kubernetes transport, so both draw the same line between "the service
 * is down" and "the address or the trust is wrong".
 */
export type NetworkFault = 'request' | 'address' | 'tls' | 'connection';

const ADDRESS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME', 'EAI_FAIL']);

/** OpenSSL's verification failures, as Node reports them. */
const TLS_CODES = new Set([
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_UNTRUSTED',
  'CERT_REVOKED',
  'CERT_SIGNATURE_FAILURE',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'HOSTNAME_MISMATCH',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

/**
 * The fault a code stands for: `request` (it could not be sent: a bad header or URL),
 * `address`, `tls`, or else the connection's (the service's) fault.
 */
export function networkFault(code: string | undefined): NetworkFault {
  if (code && /^ERR_(INVALID_|HTTP_INVALID_|UNESCAPED_CHARACTERS)/.test(code)) return 'request';
  if (code && ADDRESS_CODES.has(code)) return 'address';
  if (code && (TLS_CODES.has(code) || code.startsWith('ERR_TLS_CERT'))) return 'tls';
  return 'connection';
}

/** A short phrase for a code, for one-line messages; the original message when unknown. */
export function describeNetworkError(code: string | undefined, message: string): string {
  switch (code) {
    case 'ECONNREFUSED':
      return 'connection refused';
    case 'ECONNRESET':
      return 'connection reset';
    case 'ETIMEDOUT':
      return 'timed out';
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return 'host unreachable';
  }
  const fault = networkFault(code);
  if (fault === 'address') return `cannot resolve the host (${code ?? ''})`;
  if (fault === 'tls') return `TLS verification failed: ${message}`;
  if (fault === 'request') return `the request cannot be sent (${code ?? ''})`;
  return message;
}

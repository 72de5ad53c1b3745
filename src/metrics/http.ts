/** A GET with a timeout for the HTTP providers; the one place they reach the network. */
export interface HttpAnswer {
  status: number;
  body: string;
}

/** Errors that mean the address itself is wrong, not that the service is down. */
const ADDRESS_ERRORS = new Set(['ENOTFOUND', 'EAI_AGAIN', 'ERR_INVALID_URL']);

export class HttpFailure extends Error {
  constructor(
    message: string,
    /** True when the request could not even be addressed (a misconfiguration, not an outage). */
    readonly addressing: boolean,
  ) {
    super(message);
  }
}

export async function httpGet(
  url: string,
  timeoutMs: number,
  headers: Record<string, string> = {},
): Promise<HttpAnswer> {
  try {
    const res = await fetch(url, {
      headers,
      signal: AbortSignal.timeout(timeoutMs),
      redirect: 'follow',
    });
    return { status: res.status, body: await res.text() };
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    const code = cause?.code ?? (error as { code?: string }).code ?? '';
    const message =
      (error as Error).name === 'TimeoutError'
        ? `no answer within ${timeoutMs} ms`
        : (cause?.message ?? (error as Error).message);
    throw new HttpFailure(message, ADDRESS_ERRORS.has(code));
  }
}

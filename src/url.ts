export function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * A URL fit for logs, summaries and reports: its whole userinfo is replaced, so
 * `https://u:p@host` never leaks. The one function every URL goes through on its way to text.
 */
export function redactUrl(text: string): string {
  try {
    const url = new URL(text);
    const secrets = secretParams(url);
    if (!url.username && !url.password && secrets.length === 0) return text;
    if (url.username || url.password) {
      url.username = '***';
      url.password = '';
    }
    for (const name of secrets) url.searchParams.set(name, '***');
    return url.toString();
  } catch {
    // Greedy up to the last `@` of the authority: a password may hold an unencoded `@`.
    return text
      .replace(/\/\/[^/\s?#]*@/, '//***@')
      .replace(SECRET_PARAM_IN_TEXT, (_whole, name: string) => `${name}***`);
  }
}

/** Query parameters that carry credentials by their name (`?token=`, `&api_key=`, `&sig=`). */
const SECRET_PARAM = /token|key|secret|passw|pwd|auth|sig|credential|session/i;
const SECRET_PARAM_IN_TEXT =
  /([?&][^=&#\s]*(?:token|key|secret|passw|pwd|auth|sig|credential|session)[^=&#\s]*=)[^&#\s]*/gi;

function secretParams(url: URL): string[] {
  return [...new Set([...url.searchParams.keys()])].filter(
    (name) => SECRET_PARAM.test(name) && url.searchParams.get(name) !== '',
  );
}

/** Text from elsewhere (an error message) with every URL in it redacted. */
export function redactUrlsIn(text: string): string {
  return text.replace(/[a-z][a-z0-9+.-]*:\/\/[^\s'"<>]+/gi, (url) => redactUrl(url));
}

/**
 * What to mask for a URL's userinfo: the password raw and percent-decoded, `user:password`
 * both ways, a user alone (then it is the credential, like a token), and the Basic header's
 * base64 the userinfo is sent as (a refusing proxy may quote it back). Empty for none.
 */
export function urlSecrets(text: string): string[] {
  const [username, password] = userinfoOf(text);
  const fromQuery = URL.canParse(text)
    ? secretParams(new URL(text)).flatMap((name) => new URL(text).searchParams.getAll(name))
    : [];
  const basic = username || password ? [basicCredentials(decode(username), decode(password))] : [];
  const values = password
    ? [
        password,
        decode(password),
        `${username}:${password}`,
        `${decode(username)}:${decode(password)}`,
        ...basic,
      ]
    : [username, decode(username), ...basic];
  return [...new Set([...values, ...fromQuery].filter((v) => v !== '' && v !== ':'))];
}

/**
 * The URL without its userinfo, and the userinfo as a Basic Authorization header value:
 * `fetch` refuses a URL with credentials, but the user meant them to be sent.
 */
export function splitCredentials(url: URL): { url: URL; authorization?: string } {
  if (!url.username && !url.password) return { url };
  const bare = new URL(url.href);
  bare.username = '';
  bare.password = '';
  return {
    url: bare,
    authorization: `Basic ${basicCredentials(decode(url.username), decode(url.password))}`,
  };
}

/** The base64 of a Basic Authorization header: what a secret travels as, and is echoed as. */
export function basicCredentials(username: string, password: string): string {
  return Buffer.from(`${username}:${password}`).toString('base64');
}

/** Percent-decoded, or as it is when it is not valid percent-encoding. */
function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** A URL's user and password as written (percent-encoded), also from text URL cannot parse. */
function userinfoOf(text: string): [string, string] {
  try {
    const { username, password } = new URL(text);
    return [username, password];
  } catch {
    const userinfo = /\/\/([^/\s?#]*)@/.exec(text)?.[1] ?? '';
    const colon = userinfo.indexOf(':');
    return colon < 0 ? [userinfo, ''] : [userinfo.slice(0, colon), userinfo.slice(colon + 1)];
  }
}

/** True when the URL names a user or password (`https://u:p@host`). */
export function hasCredentials(text: string): boolean {
  try {
    const url = new URL(text);
    return url.username !== '' || url.password !== '';
  } catch {
    return /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*@/i.test(text);
  }
}

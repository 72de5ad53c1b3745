export function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/** A URL fit for logs: credentials in it are replaced, so `https://u:p@host` never leaks. */
export function redactUrl(text: string): string {
  try {
    const url = new URL(text);
    if (!url.username && !url.password) return text;
    url.username = '***';
    url.password = '';
    return url.toString();
  } catch {
    return text.replace(/\/\/[^/@\s]*@/, '//***@');
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

/** Where a signed-out visitor is sent, and which pages it may send them back to afterwards. */
export const SIGN_IN_PATH = '/signin';

/** Set by proxy.ts on every request (overwriting the client's): the path and query asked for. */
export const REQUEST_PATH_HEADER = 'x-console-path';

// A base no real request has: a relative path resolves onto it, anything naming another
// origin (//host, /\host, https://host, javascript:) does not.
const PLACEHOLDER_ORIGIN = 'http://console.invalid';

/**
 * The page to return to after signing in, as a same-origin path (`/invoices/150?tab=lines`), or
 * null when the value is missing, malformed, names another origin, or points back at sign-in or
 * the API. `origin` (the console's own, e.g. NEXTAUTH_URL) also admits absolute URLs on it.
 */
export function safeCallbackPath(value: unknown, origin?: string): string | null {
  if (typeof value !== 'string' || value === '' || value.length > 2048) return null;
  // A path, or an absolute URL: a bare `invoices/150` would resolve against wherever one is.
  if (!value.startsWith('/') && !/^[a-z][a-z0-9+.-]*:/i.test(value)) return null;
  let base = PLACEHOLDER_ORIGIN;
  if (origin) {
    try {
      base = new URL(origin).origin;
    } catch {
      base = PLACEHOLDER_ORIGIN;
    }
  }
  let parsed: URL;
  try {
    parsed = new URL(value, base);
  } catch {
    return null;
  }
  if (parsed.origin !== base) return null;
  const path = `${parsed.pathname}${parsed.search}${parsed.hash}`;
  if (!path.startsWith('/') || path.startsWith('//')) return null;
  if (parsed.pathname === SIGN_IN_PATH || parsed.pathname.startsWith(`${SIGN_IN_PATH}/`) || parsed.pathname.startsWith('/api/')) return null;
  return path;
}

/** The sign-in page, asked to return to `path` afterwards when that is a page one may return to. */
export function signInPathFor(path: string | null | undefined): string {
  const safe = safeCallbackPath(path);
  return safe && safe !== '/' ? `${SIGN_IN_PATH}?callbackUrl=${encodeURIComponent(safe)}` : SIGN_IN_PATH;
}

/**
 * Whether next-auth can parse this callback URL (its own check: an http(s) URL, or a path).
 * next-auth answers 500 for a malformed one, in the query of any /api/auth request or in its
 * callback-url cookie (which every session read checks), so proxy.ts drops those first.
 */
export function isWellFormedCallbackUrl(value: string): boolean {
  try {
    return /^https?:$/.test(new URL(value, value.startsWith('/') ? PLACEHOLDER_ORIGIN : undefined).protocol);
  } catch {
    return false;
  }
}

/** The names next-auth gives its callback-url cookie (plain HTTP, HTTPS). */
export const CALLBACK_URL_COOKIES = ['next-auth.callback-url', '__Secure-next-auth.callback-url'] as const;

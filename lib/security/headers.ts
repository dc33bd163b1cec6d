/**
 * The policy (a fresh nonce per request) and HSTS, set by proxy.ts. The headers that never
 * change (nosniff, referrer, permissions, frame options) are set for every path, static files
 * included, in next.config.js.
 */

/** Two years, subdomains included: sent only on responses that came over HTTPS. */
export const HSTS = 'max-age=63072000; includeSubDomains';

export type PolicyOptions = { nonce: string; dev: boolean; https: boolean };

/**
 * Scripts run only with this request's nonce (Next.js puts it on its own scripts when it finds
 * the policy on the request) or when loaded by such a script ('strict-dynamic'). Styles allow
 * inline attributes: React's `style` props and the charts use them, and a style cannot run code.
 * No page may be framed, by anyone.
 */
export function contentSecurityPolicy({ nonce, dev, https }: PolicyOptions): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${dev ? ' ws: wss:' : ''}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ['upgrade-insecure-requests'] : []),
  ].join('; ');
}

/** 128 random bits, base64: unguessable and fresh for every request. */
export function createNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

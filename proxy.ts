import { NextResponse, type NextRequest } from 'next/server';
import { CALLBACK_URL_COOKIES, isWellFormedCallbackUrl, REQUEST_PATH_HEADER } from '@/lib/auth/callback-url';
import { CLIENT_PROTO_HEADER } from '@/lib/auth/client-address';
import { contentSecurityPolicy, createNonce, HSTS } from '@/lib/security/headers';

/**
 * Every page and route: a content security policy with a fresh nonce (set on the request too,
 * where Next.js reads it to mark its own scripts), HSTS when the request came over HTTPS, and
 * the path asked for, so that a signed-out visitor returns to it after signing in. Headers of
 * these names sent by the client are overwritten. Role checks stay on the server, per page.
 */
export function proxy(request: NextRequest) {
  const nonce = createNonce();
  // Only what the console's server saw (or its trusted proxy said): Next's own URL follows a
  // client-sent X-Forwarded-Proto.
  const https = request.headers.get(CLIENT_PROTO_HEADER) === 'https';
  const policy = contentSecurityPolicy({ nonce, dev: process.env.NODE_ENV === 'development', https });

  // A callback-url cookie next-auth cannot parse makes it fail every session read with a 500:
  // dropped here, as the route handler drops such a query parameter.
  const dropped = CALLBACK_URL_COOKIES.filter((name) => {
    const value = request.cookies.get(name)?.value;
    if (value === undefined || isWellFormedCallbackUrl(value)) return false;
    request.cookies.delete(name);
    return true;
  });

  const headers = new Headers(request.headers);
  headers.set('x-nonce', nonce);
  headers.set('Content-Security-Policy', policy);
  headers.set(REQUEST_PATH_HEADER, `${request.nextUrl.pathname}${request.nextUrl.search}`);
  const response = NextResponse.next({ request: { headers } });
  for (const name of dropped) response.cookies.delete(name);
  response.headers.set('Content-Security-Policy', policy);
  if (https) response.headers.set('Strict-Transport-Security', HSTS);
  return response;
}

export const config = {
  // Static build output carries the static headers (next.config.js) and needs no nonce. So
  // does the machine API (/api/v1, API keys, no cookies, no pages), whose bodies must reach
  // its handler as a stream: a matched request's body is buffered for the proxy (up to 10 MB).
  matcher: ['/((?!_next/static|_next/image|favicon.ico|api/v1/).*)'],
};

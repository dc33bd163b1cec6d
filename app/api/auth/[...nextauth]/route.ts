import NextAuth from 'next-auth';
import { NextRequest } from 'next/server';
import { isWellFormedCallbackUrl } from '@/lib/auth/callback-url';
import { authOptions } from '@/lib/auth/options';

const handler = NextAuth(authOptions);

type Context = { params: Promise<{ nextauth: string[] }> };

/**
 * next-auth answers 500 with no page for a `callbackUrl` it cannot parse (`http://[::1`): such
 * a value is dropped here, and next-auth goes on with its default (the console's root; for the
 * sign-in action, the sign-in page). proxy.ts drops a malformed callback-url cookie the same way.
 */
async function handle(request: NextRequest, context: Context): Promise<Response> {
  const callbackUrl = request.nextUrl.searchParams.get('callbackUrl');
  if (callbackUrl === null || isWellFormedCallbackUrl(callbackUrl)) return handler(request, context);
  const url = request.nextUrl.clone();
  url.searchParams.delete('callbackUrl');
  const body = request.method === 'GET' || request.method === 'HEAD' ? undefined : await request.arrayBuffer();
  return handler(new NextRequest(url, { method: request.method, headers: request.headers, body }), context);
}

export { handle as GET, handle as POST };

import { z } from 'zod';

/**
 * The header the console's own server (scripts/server.ts) sets on every request to the client
 * address it worked out, overwriting whatever the client sent under that name. Nothing else
 * about the request's origin is trusted by sign-in throttling.
 */
export const CLIENT_ADDRESS_HEADER = 'x-console-client-address';
/** Set the same way: 'https' when the request reached the console (or its trusted proxy) over TLS. */
export const CLIENT_PROTO_HEADER = 'x-console-client-proto';

const hopsSchema = z.coerce.number().int('TRUSTED_PROXY_HOPS must be a whole number').min(0).max(10, 'TRUSTED_PROXY_HOPS must be at most 10');

/**
 * How many reverse proxies in front of the console append to `X-Forwarded-For`
 * (TRUSTED_PROXY_HOPS, 0 by default: the header is ignored and the socket's address is used).
 */
export function trustedProxyHops(env: Readonly<Record<string, string | undefined>> = process.env): number {
  const raw = env.TRUSTED_PROXY_HOPS?.trim();
  if (!raw) return 0;
  const parsed = hopsSchema.safeParse(raw);
  if (!parsed.success) throw new Error(`TRUSTED_PROXY_HOPS: ${parsed.error.issues[0]?.message ?? 'invalid'} (got "${raw}")`);
  return parsed.data;
}

export type ClientRequestFacts = {
  socketAddress: string | undefined;
  forwardedFor: string | string[] | undefined;
  trustedHops: number;
};

/**
 * The address a request came from. Each trusted proxy appends the address it received the
 * request from to `X-Forwarded-For`, so with N trusted proxies the client is the N-th entry from
 * the right once the socket's own address is appended; everything further left was written by
 * the client and is ignored. With no trusted proxy that is the socket's address.
 */
export function resolveClientAddress({ socketAddress, forwardedFor, trustedHops }: ClientRequestFacts): string {
  const socket = normalizeAddress(socketAddress ?? '') || 'unknown';
  if (trustedHops === 0) return socket;
  const header = Array.isArray(forwardedFor) ? forwardedFor.join(',') : (forwardedFor ?? '');
  const chain = [
    ...header
      .split(',')
      .map((entry) => normalizeAddress(entry.trim()))
      .filter(Boolean),
    socket,
  ];
  return chain[Math.max(0, chain.length - 1 - trustedHops)] ?? socket;
}

/** An IPv4 address seen through an IPv6 socket (`::ffff:10.0.0.1`) is the IPv4 address. */
function normalizeAddress(address: string): string {
  const lower = address.toLowerCase();
  return lower.startsWith('::ffff:') && lower.includes('.') ? lower.slice(7) : lower;
}

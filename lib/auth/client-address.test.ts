import { describe, expect, it } from 'vitest';
import { resolveClientAddress, trustedProxyHops } from './client-address';

describe('resolveClientAddress', () => {
  it('without a trusted proxy, X-Forwarded-For is ignored: the socket is the client', () => {
    for (const forwardedFor of [undefined, '203.0.113.7', '203.0.113.7, 198.51.100.1', ['1.1.1.1', '2.2.2.2']]) {
      expect(resolveClientAddress({ socketAddress: '10.0.0.5', forwardedFor, trustedHops: 0 })).toBe('10.0.0.5');
    }
  });

  it('behind N trusted proxies, the client is the entry the outermost trusted proxy appended', () => {
    // client -> proxy A (appends client) -> console (socket = proxy A)
    expect(resolveClientAddress({ socketAddress: '10.0.0.2', forwardedFor: '203.0.113.7', trustedHops: 1 })).toBe('203.0.113.7');
    // A forged entry the client sent first is further left and ignored.
    expect(resolveClientAddress({ socketAddress: '10.0.0.2', forwardedFor: '6.6.6.6, 203.0.113.7', trustedHops: 1 })).toBe('203.0.113.7');
    // client -> CDN -> load balancer -> console
    expect(resolveClientAddress({ socketAddress: '10.0.0.3', forwardedFor: '6.6.6.6, 203.0.113.7, 10.0.0.9', trustedHops: 2 })).toBe('203.0.113.7');
    // Fewer entries than hops (a request that skipped a proxy): the leftmost one, never undefined.
    expect(resolveClientAddress({ socketAddress: '10.0.0.3', forwardedFor: undefined, trustedHops: 2 })).toBe('10.0.0.3');
  });

  it('an IPv4 client seen through an IPv6 socket is the IPv4 address', () => {
    expect(resolveClientAddress({ socketAddress: '::ffff:127.0.0.1', forwardedFor: undefined, trustedHops: 0 })).toBe('127.0.0.1');
    expect(resolveClientAddress({ socketAddress: undefined, forwardedFor: undefined, trustedHops: 0 })).toBe('unknown');
  });
});

describe('trustedProxyHops', () => {
  it('is off by default and refuses a value that is not a small whole number', () => {
    expect(trustedProxyHops({})).toBe(0);
    expect(trustedProxyHops({ TRUSTED_PROXY_HOPS: '2' })).toBe(2);
    expect(() => trustedProxyHops({ TRUSTED_PROXY_HOPS: 'yes' })).toThrow(/TRUSTED_PROXY_HOPS/);
    expect(() => trustedProxyHops({ TRUSTED_PROXY_HOPS: '1.5' })).toThrow(/whole number/);
  });
});

import { describe, expect, it } from 'vitest';
import { isWellFormedCallbackUrl, safeCallbackPath, signInPathFor } from './callback-url';

describe('safeCallbackPath', () => {
  it('keeps a path on this console, with its query', () => {
    expect(safeCallbackPath('/invoices/150')).toBe('/invoices/150');
    expect(safeCallbackPath('/accounts?q=Lumen&page=2#apps')).toBe('/accounts?q=Lumen&page=2#apps');
    expect(safeCallbackPath('http://localhost:3000/invoices/150', 'http://localhost:3000')).toBe('/invoices/150');
  });

  it('refuses other origins, malformed values, and sign-in or the API', () => {
    for (const value of [
      '//evil.example/x',
      '/\\evil.example/x',
      'https://evil.example/',
      'javascript:alert(1)',
      'http://[::1',
      'https://exa mple.test:99999/',
      'invoices/150',
      '/signin?callbackUrl=/x',
      '/api/auth/signout',
      '',
      42,
      undefined,
      `/${'a'.repeat(3000)}`,
    ]) {
      expect(safeCallbackPath(value, 'http://localhost:3000'), String(value)).toBeNull();
    }
    expect(safeCallbackPath('http://localhost:3000/x')).toBeNull();
  });

  it('the sign-in path carries a safe page only', () => {
    expect(signInPathFor('/invoices/150')).toBe('/signin?callbackUrl=%2Finvoices%2F150');
    expect(signInPathFor('//evil.example')).toBe('/signin');
    expect(signInPathFor(null)).toBe('/signin');
    expect(signInPathFor('/')).toBe('/signin');
  });

  it('tells apart the callback URLs next-auth would choke on', () => {
    expect(isWellFormedCallbackUrl('/x')).toBe(true);
    expect(isWellFormedCallbackUrl('https://evil.example/')).toBe(true);
    expect(isWellFormedCallbackUrl('http://[::1')).toBe(false);
    expect(isWellFormedCallbackUrl('javascript:alert(1)')).toBe(false);
  });
});

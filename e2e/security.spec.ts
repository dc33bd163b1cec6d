import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { demoUser, screenshot, signIn } from './fixtures';

/** Console messages saying the content security policy blocked something. */
function watchPolicyViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to (execute|load|apply|connect|frame)/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

/** One credentials sign-in through next-auth's own endpoint, as a script would send it; the error it answers, if any. */
async function postSignIn(request: APIRequestContext, form: { email: string; password: string }, headers: Record<string, string> = {}): Promise<string | null> {
  const { csrfToken } = (await (await request.get('/api/auth/csrf')).json()) as { csrfToken: string };
  const response = await request.post('/api/auth/callback/credentials', {
    form: { ...form, csrfToken, json: 'true', callbackUrl: '/' },
    headers,
    maxRedirects: 0,
  });
  const { url } = (await response.json()) as { url: string };
  return new URL(url).searchParams.get('error');
}

test('[ANONYMOUS][SECURITY]: every response carries the security headers, and a page with the policy still signs in', async ({ page, request }) => {
  const signin = await request.get('/signin');
  expect(signin.status()).toBe(200);
  const headers = signin.headers();
  const policy = headers['content-security-policy'] ?? '';
  expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{16,}' 'strict-dynamic'/);
  expect(policy).toContain("frame-ancestors 'none'");
  expect(policy).toContain("object-src 'none'");
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  expect(headers['permissions-policy']).toContain('camera=()');
  expect(headers['x-frame-options']).toBe('DENY');
  // Plain HTTP here: no HSTS (a browser ignores it over HTTP, and it must not pin a test host).
  expect(headers['strict-transport-security']).toBeUndefined();
  // Nor when a client claims HTTPS with no trusted proxy in front.
  expect((await request.get('/signin', { headers: { 'X-Forwarded-Proto': 'https' } })).headers()['strict-transport-security']).toBeUndefined();
  // A fresh nonce per response.
  const again = (await request.get('/signin')).headers()['content-security-policy'];
  expect(again).not.toBe(policy);
  // API answers and static files carry them too.
  expect((await request.get('/api/auth/csrf')).headers()['x-content-type-options']).toBe('nosniff');
  const html = await signin.text();
  const chunk = html.match(/\/_next\/static\/[^"]+\.js/)?.[0];
  expect(chunk).toBeTruthy();
  expect((await request.get(chunk!)).headers()['x-content-type-options']).toBe('nosniff');

  const violations = watchPolicyViolations(page);
  await signIn(page, 'customer2@demo.test');
  await expect(page).toHaveURL(/\/portal$/);
  expect(violations).toEqual([]);
});

test('[ANONYMOUS][SECURITY]: the sign-in page does not render inside another site\'s frame', async ({ page, baseURL }) => {
  const violations = watchPolicyViolations(page);
  await page.setContent(`<h1>Another site</h1><iframe title="framed" src="${baseURL}/signin" width="600" height="400"></iframe>`);
  await page.waitForTimeout(2_000);
  const framed = page.frames().find((f) => f !== page.mainFrame());
  expect(framed).toBeTruthy();
  // Blocked by frame-ancestors: the frame holds the browser's error page, not the form.
  await expect(page.frameLocator('iframe[title="framed"]').getByRole('button', { name: 'Sign in' })).toHaveCount(0);
  expect(violations.join('\n')).toMatch(/frame-ancestors|Refused to frame|Refused to display/);
  await screenshot(page, 'security-signin-framed');
});

test('[OPS][SIGN-IN]: a signed-out deep link lands on that page after signing in', async ({ page }) => {
  await page.goto('/accounts/3?tab=apps');
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Faccounts%2F3%3Ftab%3Dapps$/);
  await page.waitForLoadState('networkidle');
  await page.getByLabel('Email').fill('ops@demo.test');
  await page.getByLabel('Password').fill(demoUser('ops@demo.test').password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/accounts\/3\?tab=apps$/);
  await expect(page.getByTestId('whoami')).toContainText('ops@demo.test');
  await screenshot(page, 'security-deep-link');
});

test('[ANONYMOUS][SIGN-IN]: a malformed or foreign callbackUrl answers the sign-in page, never a 500, and is not followed', async ({ page, request }) => {
  for (const path of [
    '/api/auth/signin?callbackUrl=http://%5B::1',
    '/api/auth/signin?callbackUrl=https://exa%20mple.test:99999/x',
    '/api/auth/session?callbackUrl=http://%5B',
    '/signin?callbackUrl=http://%5B::1',
    '/signin?callbackUrl=%2F%2Fevil.example%2F',
  ]) {
    const response = await request.get(path);
    expect(response.status(), path).toBeLessThan(500);
    expect(await response.text(), path).not.toBe('');
  }
  const signinPage = await request.get('/api/auth/signin?callbackUrl=http://%5B::1');
  expect(signinPage.url()).toMatch(/\/signin/);
  expect(await signinPage.text()).toContain('Sign in');

  // A malformed callback-url cookie (set by a sibling site, say) breaks nothing either.
  const base = new URL(page.url() === 'about:blank' ? (test.info().project.use.baseURL ?? '') : page.url());
  await page.context().addCookies([{ name: 'next-auth.callback-url', value: 'http://[::1', domain: base.hostname, path: '/' }]);
  const session = await page.request.get('/api/auth/session');
  expect(session.status()).toBe(200);
  await page.goto('/signin?callbackUrl=https%3A%2F%2Fevil.example%2Fsteal', { waitUntil: 'networkidle' });
  await page.getByLabel('Email').fill('am@demo.test');
  await page.getByLabel('Password').fill(demoUser('am@demo.test').password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('whoami')).toContainText('am@demo.test');
  await expect(page).toHaveURL(/127\.0\.0\.1:\d+\/accounts$/);
});

test('[ANONYMOUS][SIGN-IN]: rotating X-Forwarded-For without a trusted proxy gains no attempts', async ({ request }) => {
  const email = 'xff-probe@demo.test';
  for (let i = 0; i < 5; i++) {
    expect(await postSignIn(request, { email, password: `guess-${i}` }, { 'X-Forwarded-For': `203.0.113.${i}`, 'X-Real-IP': `198.51.100.${i}` })).toBe(
      'CredentialsSignin',
    );
  }
  expect(await postSignIn(request, { email, password: 'guess-5' }, { 'X-Forwarded-For': '203.0.113.99' })).toBe('THROTTLED');
  // The header the console's server sets cannot be forged either.
  expect(await postSignIn(request, { email, password: 'guess-6' }, { 'X-Console-Client-Address': '192.0.2.1' })).toBe('THROTTLED');
});

test('[ACCOUNT_MANAGER][SESSIONS]: signing out ends every session of that user at once', async ({ browser }) => {
  const first = await browser.newContext();
  const second = await browser.newContext();
  const a = await first.newPage();
  const b = await second.newPage();
  await signIn(a, 'am2@demo.test');
  await signIn(b, 'am2@demo.test');
  await a.getByRole('button', { name: 'Sign out' }).click();
  await expect(a).toHaveURL(/\/signin/);
  // The other browser's cookie is still there, and still signed, but it is no longer a session.
  expect((await second.cookies()).some((c) => c.name.includes('session-token'))).toBe(true);
  await b.goto('/accounts');
  await expect(b).toHaveURL(/\/signin\?callbackUrl=%2Faccounts$/);
  await screenshot(b, 'security-session-ended');
  await first.close();
  await second.close();
});

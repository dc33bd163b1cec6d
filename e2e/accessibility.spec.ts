import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { signIn } from './fixtures';

/** The first link on `list` whose path matches `pattern` (an id the seed chose), for detail pages. */
async function firstDetail(page: Page, list: string, pattern: RegExp): Promise<string> {
  await page.goto(list);
  const hrefs = await page.locator('main a[href]').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
  const href = hrefs.find((h) => pattern.test(h));
  expect(href, `${list} links to a detail page`).toBeTruthy();
  return href!;
}

/** Serious and critical violations fail; the rest are reported in the message. */
async function expectAccessible(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await page.waitForLoadState('networkidle');
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const blocking = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  // Soft: one run reports every page's violations, not only the first page's.
  expect.soft(
    blocking.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`),
    `${path} has no serious or critical axe violation`,
  ).toEqual([]);
}

test('[ANONYMOUS][A11Y]: the sign-in page passes axe', async ({ page }) => {
  await expectAccessible(page, '/signin');
});

test('[OPS][A11Y]: every main console page passes axe', async ({ page }) => {
  test.setTimeout(300_000);
  await signIn(page, 'ops@demo.test');
  for (const path of ['/dashboard', '/accounts', '/accounts/1', '/accounts/1/apps/1400000001', '/invoices', '/billing-runs', '/usage', '/migrations', '/catalog', '/audit', '/api-keys', '/api-docs', '/calendar', '/receivables', '/credit-notes']) {
    await expectAccessible(page, path);
  }
});

test('[OPS][A11Y]: an invoice and a migration ticket pass axe', async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, 'ops@demo.test');
  await expectAccessible(page, await firstDetail(page, '/invoices', /^\/invoices\/\d+$/));
  await expectAccessible(page, await firstDetail(page, '/migrations', /^\/migrations\/\d+$/));
});

test('[OPS][A11Y]: the command palette is a modal dialog that closes on Escape and keeps focus inside', async ({ page }) => {
  await signIn(page, 'ops@demo.test');
  await page.keyboard.press('Control+k');
  const palette = page.getByRole('combobox', { name: 'Search accounts, apps, invoices, credit notes, tickets' });
  await expect(palette).toBeFocused();
  for (let i = 0; i < 5; i++) await page.keyboard.press('Tab');
  expect(await page.evaluate(() => Boolean(document.activeElement?.closest('dialog[open]')) || document.activeElement === document.body)).toBe(true);
  await page.keyboard.press('Escape');
  await expect(palette).toBeHidden();
});

test('[ACCOUNT_MANAGER][A11Y]: the manager pages pass axe', async ({ page }) => {
  await signIn(page, 'am@demo.test');
  for (const path of ['/accounts', '/migrations', '/accounts/3']) await expectAccessible(page, path);
});

test('[CUSTOMER][A11Y]: the portal pages pass axe', async ({ page }) => {
  await signIn(page, 'customer@demo.test');
  for (const path of ['/portal', '/portal/invoices', '/portal/month', '/portal/migration']) await expectAccessible(page, path);
  await expectAccessible(page, await firstDetail(page, '/portal/invoices', /^\/portal\/invoices\/\d+$/));
});

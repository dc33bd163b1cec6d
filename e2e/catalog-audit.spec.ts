import { expect, test } from '@playwright/test';
import { screenshot, signIn } from './fixtures';

test('[OPS][CATALOG]: ops read both schemes, add a price-book version from a future date, and find it in the audit log', async ({ page }) => {
  await signIn(page, 'ops@demo.test');
  await page.goto('/catalog');
  await expect(page.getByRole('table', { name: 'LEGACY limits' })).toContainText('Friends per user');
  await expect(page.getByRole('table', { name: 'LEGACY limits' })).toContainText('专业版');
  await expect(page.getByRole('table', { name: 'CURRENT features' })).toContainText('全员推送');
  await expect(page.getByRole('table', { name: 'LEGACY price books' })).toContainText('Version 1');
  await expect(page.getByRole('table', { name: 'LEGACY price books' })).toContainText('seeds/001');
  await screenshot(page, 'catalog-01-ops');

  await page.getByRole('link', { name: 'New Legacy pricing version' }).click();
  await expect(page.getByRole('heading', { name: /New price-book version/ })).toBeVisible();
  await page.getByLabel('Effective from').fill('2027-01-01');
  await page.getByLabel('Source').fill('Price notice 2026-12: Professional 1,099 CNY from 2027');
  await page.getByLabel(/Professional package/).fill('-5');
  await page.getByRole('button', { name: 'Add version 2' }).click();
  await expect(page.getByRole('alert').first()).toContainText('PACKAGE.PROFESSIONAL must be a decimal of 0 or more');
  await expect(page.getByLabel('Source')).toHaveValue(/Price notice/);
  await screenshot(page, 'catalog-02-invalid-price');
  await page.getByLabel(/Professional package/).fill('1099');
  await page.getByRole('button', { name: 'Add version 2' }).click();
  await expect(page).toHaveURL(/\/catalog\?added=LEGACY-2/);
  await expect(page.getByText('LEGACY price book version 2 added.')).toBeVisible();
  const legacyBooks = page.getByRole('table', { name: 'LEGACY price books' });
  await expect(legacyBooks).toContainText('Scheduled');
  await expect(legacyBooks).toContainText('From 2027-01-01');
  await expect(legacyBooks.getByRole('row', { name: /Professional package/ })).toContainText('CN¥1,099');
  await screenshot(page, 'catalog-03-version-added');

  await page.goto('/audit');
  await page.getByLabel('Action').selectOption('priceBook.create');
  await expect(page.getByRole('table').first()).toContainText('Price book version created');
  await expect(page.getByRole('table').first()).toContainText('Price book');
  await expect(page.getByRole('table').first()).toContainText(/version\s*1\s*→\s*2/);
  await expect(page.getByRole('table').first()).toContainText(/prices › package › professional\s*999\s*→\s*1099/);
  await page.getByLabel('From').fill('2026-01-01');
  await expect(page).toHaveURL(/from=2026-01-01/);
  await screenshot(page, 'catalog-04-audit');
  // Reset clears every filter, the account and the dates included.
  await page.getByLabel('Account ID').fill('1');
  await page.getByLabel('Account ID').press('Enter');
  await expect(page).toHaveURL(/account=1/);
  await page.getByRole('button', { name: 'Reset' }).click();
  await expect(page).toHaveURL(/\/audit$/);
  await expect(page.getByLabel('From')).toHaveValue('');
  await expect(page.getByLabel('Account ID')).toHaveValue('');
  await expect(page.getByLabel('Action')).toHaveValue('');
});

test('[ACCOUNT_MANAGER][CATALOG]: a manager reads the catalog but cannot add versions or open the audit log', async ({ page }) => {
  await signIn(page, 'am@demo.test');
  await page.goto('/catalog');
  await expect(page.getByRole('table', { name: 'CURRENT price books' })).toBeVisible();
  await expect(page.getByRole('link', { name: /New .* version/ })).toHaveCount(0);
  await page.goto('/catalog/price-books/new?scheme=LEGACY');
  await expect(page.getByText('403 — Not allowed')).toBeVisible();
  await page.goto('/audit');
  await expect(page.getByText('403 — Not allowed')).toBeVisible();
  await screenshot(page, 'catalog-05-manager-audit-403');
});

test('[CUSTOMER][CATALOG]: a customer gets 403 on the catalog and the audit log', async ({ page }) => {
  await signIn(page, 'customer@demo.test');
  for (const path of ['/catalog', '/audit', '/catalog/price-books/new']) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(403);
    await expect(page.getByText('403 — Not allowed')).toBeVisible();
  }
  await screenshot(page, 'catalog-06-customer-403');
});

test('[OPS][CATALOG][zh]: a version the server refuses shows its error in the viewer\'s language', async ({ page }) => {
  await signIn(page, 'ops@demo.test');
  const origin = new URL(page.url()).origin;
  await page.context().addCookies([{ name: 'locale', value: 'zh', url: origin }]);
  await page.goto('/catalog/price-books/new?scheme=CURRENT', { waitUntil: 'networkidle' });
  // A form opened yesterday still offers yesterday: the server refuses a date already billed.
  const effective = page.locator('#pb-effective');
  await effective.evaluate((input) => input.removeAttribute('min'));
  await effective.fill('2026-11-20');
  await page.locator('#pb-source').fill('Price notice: too early');
  await page.locator('form button[type="submit"]').click();
  const alert = page.getByRole('alert').first();
  await expect(alert).toContainText('effectiveFrom：新版本在今天（2026-11-23）之后生效，已计费的日子不会重新定价；2026-11-20 太早');
  await expect(alert).not.toContainText('takes effect after today');
  await screenshot(page, 'catalog-05-refused-zh');
});

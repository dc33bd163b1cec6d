import { expect, test } from '@playwright/test';
import { DEMO_ACCOUNTS } from '../prisma/seed/demo-users';
import { screenshot, signIn } from './fixtures';

test('[OPS][ACCOUNTS]: ops pages, sorts and filters the accounts table through the URL', async ({ page }) => {
  await signIn(page, 'ops@demo.test');
  await expect(page).toHaveURL(/\/accounts$/);
  const table = page.getByRole('table');
  await expect(table.getByRole('row')).toHaveCount(21); // header + 20
  // 200 demo accounts, and those other journeys add for themselves (specs run in any order).
  await expect(page.getByText(/^2\d\d rows$/)).toBeVisible();
  await screenshot(page, 'ops-accounts');

  await page.getByLabel('Scheme').selectOption('LEGACY');
  await expect(page).toHaveURL(/scheme=LEGACY/);
  await page.getByRole('button', { name: /^Name/ }).click();
  await expect(page).toHaveURL(/sort=name\.asc/);
  await page.getByRole('button', { name: /^Name/ }).click();
  await expect(page).toHaveURL(/sort=name\.desc/);
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page).toHaveURL(/page=2/);
  for (const cell of await table.getByRole('row').nth(1).getByRole('cell').all()) await expect(cell).toBeVisible();
  await expect(table.getByText('Current 当前计费方案')).toHaveCount(0);

  // The URL alone reproduces the view.
  const shared = page.url();
  await page.goto(shared);
  await expect(page.getByLabel('Scheme')).toHaveValue('LEGACY');
  await expect(page.getByText(/Page 2 of/)).toBeVisible();
  await screenshot(page, 'ops-accounts-legacy-by-name-page2');

  await page.goto('/accounts?q=Lumen');
  await expect(table.getByRole('link', { name: DEMO_ACCOUNTS.legacyCustomer.name })).toBeVisible();
  await table.getByRole('link', { name: DEMO_ACCOUNTS.legacyCustomer.name }).click();
  await expect(page.getByRole('heading', { name: DEMO_ACCOUNTS.legacyCustomer.name })).toBeVisible();
  await expect(page.getByText('Legacy 原计费方案').first()).toBeVisible();
  await screenshot(page, 'ops-account');

  await page.getByRole('table', { name: 'Apps (SDKAppIDs)' }).getByRole('link').first().click();
  await expect(page.getByRole('heading', { name: 'Effective limits' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Effective limits' })).toContainText('Friends per user');
  await screenshot(page, 'ops-app');
});

test('[ACCOUNT_MANAGER][ACCOUNTS]: a manager sees only their accounts and is refused another manager’s', async ({ page }) => {
  await signIn(page, 'am@demo.test');
  await expect(page.getByText(/^\d+ rows$/)).toBeVisible();
  const rows = Number((await page.getByText(/^\d+ rows$/).textContent())?.split(' ')[0]);
  expect(rows).toBeGreaterThan(0);
  expect(rows).toBeLessThan(200);
  await screenshot(page, 'am-accounts');
  const response = await page.goto('/accounts/11'); // managed by am2@demo.test
  expect(response?.status()).toBe(403);
  await expect(page.getByRole('heading', { name: /403/ })).toBeVisible();
  // Ops-only pages are refused on the server, whatever the sidebar shows.
  expect((await page.goto('/audit'))?.status()).toBe(403);
});

test('[CUSTOMER][PORTAL]: a customer sees their own account and nothing of another', async ({ page }) => {
  await signIn(page, 'ops@demo.test');
  await page.goto(`/accounts/${DEMO_ACCOUNTS.currentCustomer.id}`);
  const otherApp = (await page.getByRole('table', { name: 'Apps (SDKAppIDs)' }).getByRole('link').first().textContent())?.trim();
  expect(otherApp).toMatch(/^\d{10}$/);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/signin/);

  await signIn(page, 'customer@demo.test');
  await expect(page).toHaveURL(/\/portal$/);
  await expect(page.getByRole('heading', { name: DEMO_ACCOUNTS.legacyCustomer.name })).toBeVisible();
  await screenshot(page, 'customer-home');
  await page.getByRole('table', { name: 'Apps (SDKAppIDs)' }).getByRole('link').first().click();
  await expect(page.getByRole('heading', { name: 'Effective limits' })).toBeVisible();
  await screenshot(page, 'customer-app');

  expect((await page.goto(`/accounts/${DEMO_ACCOUNTS.currentCustomer.id}`))?.status()).toBe(403);
  expect((await page.goto(`/accounts/${DEMO_ACCOUNTS.legacyCustomer.id}`))?.status()).toBe(403);
  expect((await page.goto(`/portal/apps/${otherApp}`))?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: /404/ })).toBeVisible();
  await screenshot(page, 'customer-other-app-404');
});

test('[CUSTOMER][I18N]: the console speaks Chinese when asked, and edition names show both', async ({ page }) => {
  await signIn(page, 'customer2@demo.test');
  await page.getByLabel('Language').selectOption('zh');
  await expect(page.getByRole('link', { name: '我的账单' })).toBeVisible();
  await expect(page.getByRole('heading', { name: '我的应用' })).toBeVisible();
  await expect(page.getByText(/标准版|进阶版|开发版/).filter({ visible: true }).first()).toBeVisible();
  await screenshot(page, 'customer-home-zh');
});

test('[ANONYMOUS]: pages redirect to sign-in and a wrong password is refused vaguely', async ({ page }) => {
  await page.goto('/accounts');
  await expect(page).toHaveURL(/\/signin/);
  await page.goto('/signin', { waitUntil: 'networkidle' });
  await page.getByLabel('Email').fill('ops@demo.test');
  await page.getByLabel('Password').fill('wrong-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText('Email or password is not correct.')).toBeVisible();
  await screenshot(page, 'signin-failed');
});

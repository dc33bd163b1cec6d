import { expect, test, type Browser, type Page } from '@playwright/test';
import { DEMO_ACCOUNTS } from '../prisma/seed/demo-users';
import { screenshot, signIn } from './fixtures';

const account = DEMO_ACCOUNTS.migrationTicket;

async function pageAs(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email);
  return page;
}

test('[ACCOUNT_MANAGER][MIGRATION]: am previews and executes the legacy -> current migration of a demo account', async ({ browser }) => {
  const am = await pageAs(browser, 'am@demo.test');

  // One active ticket per account: opening another one leads to the open ticket.
  await am.goto(`/migrations/new?accountId=${account.id}`);
  await expect(am.getByText(`Account ${account.id} already has an active ticket:`)).toBeVisible();

  // The account page shows the open ticket.
  await am.goto(`/accounts/${account.id}`);
  const card = am.getByTestId('migration-status');
  await expect(card).toContainText('is Open');
  await screenshot(am, 'migration-01-account-with-open-ticket');
  await card.getByRole('link', { name: /View ticket #\d+/ }).click();

  await expect(am.getByRole('heading', { level: 1, name: /Migration ticket #\d+/ })).toBeVisible();
  const ticketUrl = am.url();
  const preview = am.getByRole('form', { name: 'Preview' });
  // Defaults follow the edition held on 2026-11-30: Flagship -> Pro, Professional -> Standard, Trial -> Developer.
  await expect(preview.getByLabel('星河直播')).toHaveValue('PRO');
  await expect(preview.getByLabel('星河语聊房')).toHaveValue('STANDARD');
  await expect(preview.getByLabel('星河测试环境')).toHaveValue('DEVELOPER');
  await expect(preview.getByLabel('Months to re-rate')).toHaveValue('3');
  await screenshot(am, 'migration-02-ticket-open');

  await preview.getByRole('button', { name: 'Preview' }).click();
  const figures = am.getByTestId('preview-figures');
  await expect(figures.getByRole('heading', { name: 'Side by side: 2026-08 – 2026-10' })).toBeVisible();
  await expect(am.getByText('The preview matches the data as it is now.')).toBeVisible();
  await expect(figures.getByTestId('legacy-total')).toContainText('CN¥');
  await expect(figures.getByTestId('current-total')).toContainText('$');
  await expect(figures.getByText(/No exchange rate is applied/)).toBeVisible();
  // Falling limits in plain words, and the add-ons that end with their credits.
  const limits = figures.getByRole('list', { name: 'Limits that would fall' });
  await expect(limits).toContainText('2,000 (Professional 专业版 + Group member cap extension) → 200 (Standard 标准版)');
  await expect(limits).toContainText('Free message history: 180 (Flagship 旗舰版 + History retention extension) → 30 (Pro 进阶版)');
  await expect(figures).toContainText('Group member cap extension (Professional 专业版)');
  await expect(figures.getByTestId('credits-total')).toContainText('Credits on the 2026-11 invoice: -CN¥');
  await screenshot(am, 'migration-03-preview-side-by-side');
  await figures.getByRole('list', { name: 'Limits that would fall' }).scrollIntoViewIfNeeded();
  await am.screenshot({ path: 'e2e/screenshots/migration-04-falling-limits.png' });

  // Execution: the account id typed again and an explicit "cannot be undone".
  await am.getByRole('button', { name: 'Execute migration…' }).click();
  const dialog = am.getByRole('dialog', { name: `Execute the migration of ${account.name}` });
  await expect(dialog).toContainText('This cannot be undone.');
  const submit = dialog.getByRole('button', { name: 'Execute migration' });
  await expect(submit).toBeDisabled();
  await dialog.getByLabel(`Type the account id (${account.id}) to confirm`).fill('33');
  await dialog.getByLabel('I understand that this migration is final and cannot be undone').check();
  await expect(submit).toBeDisabled();
  await dialog.getByLabel(`Type the account id (${account.id}) to confirm`).fill(String(account.id));
  await screenshot(am, 'migration-05-confirm-dialog');
  await submit.click();

  await expect(am.getByText('Executed on 2026-11-23: the account is billed under the current scheme, in USD, from 2026-12-01.')).toBeVisible();
  await expect(am.getByRole('button', { name: 'Execute migration…' })).toHaveCount(0);
  await screenshot(am, 'migration-06-executed');

  // Ops see the account CURRENT from 2026-12-01.
  const ops = await pageAs(browser, 'ops@demo.test');
  await ops.goto(`/accounts/${account.id}`);
  await expect(ops.getByText('Current 当前计费方案').first()).toBeVisible();
  await expect(ops.getByTestId('migration-status')).toContainText('Migration executed on 2026-11-23: current scheme, in USD, from 2026-12-01.');
  await expect(ops.getByText('2026-12-01').first()).toBeVisible();
  await screenshot(ops, 'migration-07-ops-account-current');
  await ops.goto('/migrations?status=EXECUTED');
  await expect(ops.getByRole('link', { name: new RegExp(account.name) })).toBeVisible();
  await screenshot(ops, 'migration-08-ops-tickets');
  // The same ticket in Chinese.
  await ops.context().addCookies([{ name: 'locale', value: 'zh', url: new URL(ops.url()).origin }]);
  await ops.goto(ticketUrl);
  await expect(ops.getByRole('heading', { level: 1, name: /迁移工单 #\d+/ })).toBeVisible();
  await expect(ops.getByText('自 2026-12-01 起该账户按当前计费方案以美元计费', { exact: false })).toBeVisible();
  await screenshot(ops, 'migration-10-ops-ticket-zh');

  // Another account manager is refused the ticket and does not list it.
  const am2 = await pageAs(browser, 'am2@demo.test');
  const response = await am2.goto(ticketUrl);
  expect(response?.status()).toBe(403);
  await expect(am2.getByRole('heading', { name: '403 — Not allowed' })).toBeVisible();
  await screenshot(am2, 'migration-09-am2-refused');
  await am2.goto('/migrations');
  await expect(am2.getByRole('link', { name: new RegExp(account.name) })).toHaveCount(0);

  // Customers never see tickets: the console's migration pages are closed to them.
  const customer = await pageAs(browser, 'customer@demo.test');
  expect((await customer.goto(ticketUrl))?.status()).toBe(403);
  expect((await customer.goto('/migrations'))?.status()).toBe(403);
});

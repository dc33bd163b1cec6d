import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { DEMO_ACCOUNTS } from '../prisma/seed/demo-users';
import { screenshot, signIn } from './fixtures';

const DEMO_NAMES = [DEMO_ACCOUNTS.legacyCustomer.name, DEMO_ACCOUNTS.currentCustomer.name, '星河互娱'];

test('[OPS][CONSOLE]: ops finds an account in the palette, reads its timeline, bulk-issues three drafts, holds an account, exports the invoices list and saves a view', async ({ page }) => {
  test.setTimeout(300_000);
  await signIn(page, 'ops@demo.test');

  // The palette: Ctrl-K, part of a name, results as you type, arrows and Enter.
  await page.keyboard.press('Control+k');
  const palette = page.getByRole('combobox', { name: 'Search accounts, apps, invoices, credit notes, tickets' });
  await expect(palette).toBeFocused();
  await palette.pressSequentially('wave Heal', { delay: 30 });
  const option = page.getByRole('option', { name: new RegExp(DEMO_ACCOUNTS.currentCustomer.name) }).first();
  await expect(option).toBeVisible();
  await expect(option).toHaveAttribute('aria-selected', 'true');
  await screenshot(page, 'ops-console-01-palette');
  await palette.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/accounts/${DEMO_ACCOUNTS.currentCustomer.id}$`));

  // Its timeline: newest first, in words, with links.
  const timeline = page.getByRole('list', { name: 'Timeline' });
  await timeline.scrollIntoViewIfNeeded();
  await expect(timeline).toBeVisible();
  await expect(timeline.getByRole('link', { name: /App \d{10} created/ }).first()).toBeVisible();
  await expect(timeline).toContainText(/App \d{10}: edition/);
  await screenshot(page, 'ops-console-02-timeline');

  // Drafts to issue: September's billing run.
  await page.goto('/billing-runs');
  await page.getByLabel('Month', { exact: true }).fill('2026-09');
  await page.getByRole('button', { name: 'Run month' }).click();
  await expect(page).toHaveURL(/\/billing-runs\/\d+$/);
  await expect(page.getByText('Succeeded', { exact: true })).toBeVisible({ timeout: 200_000 });

  // Three drafts of accounts no other journey touches, selected and issued after a confirmation.
  await page.goto('/invoices?month=2026-09&status=DRAFT&sort=account.asc');
  const table = page.getByRole('table').first();
  const rows = table.locator(':scope > tbody > tr').filter({ hasNotText: new RegExp(DEMO_NAMES.join('|')) });
  await expect(rows.first()).toBeVisible();
  for (let i = 0; i < 3; i++) await rows.nth(i).getByRole('checkbox').check();
  const bar = page.getByRole('region', { name: '3 selected' });
  await expect(bar).toBeVisible();
  await bar.getByRole('button', { name: 'Issue selected drafts (3)' }).click();
  const dialog = page.getByRole('dialog', { name: 'Issue 3 draft invoices?' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('Totals: CN¥');
  await screenshot(page, 'ops-console-03-bulk-confirm');
  await dialog.getByRole('button', { name: 'Issue 3 invoices' }).click();
  await expect(page.getByRole('status').filter({ hasText: /Issued 3 invoices: INV-2026-\d{6} to INV-2026-\d{6}\./ })).toBeVisible();
  await screenshot(page, 'ops-console-04-bulk-issued');

  // The next draft's account held from September's issue with a reason, then released on the calendar.
  await rows.first().getByRole('checkbox').check();
  await page.getByRole('region', { name: '1 selected' }).getByRole('button', { name: 'Hold 1 account' }).click();
  const holdDialog = page.getByRole('dialog', { name: 'Hold 1 account from the issue of 2026-09?' });
  await expect(holdDialog).toBeVisible();
  await holdDialog.getByLabel('Reason for the hold').fill('Bulk hold from the invoices list');
  await screenshot(page, 'ops-console-04b-bulk-hold');
  await holdDialog.getByRole('button', { name: 'Hold 1 account' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Put 1 account on hold (0 were on hold already).' })).toBeVisible();
  await page.goto('/calendar');
  const heldRow = page.getByRole('row', { name: /Bulk hold from the invoices list/ });
  await expect(heldRow).toBeVisible();
  await heldRow.getByRole('button', { name: 'Release' }).click();
  await expect(heldRow).toHaveCount(0);

  // The list of September's issued invoices, exported with its filters.
  await page.goto('/invoices?month=2026-09&status=ISSUED');
  await expect(table.locator(':scope > tbody > tr')).toHaveCount(3);
  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Export CSV' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('invoices.csv');
  const lines = readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '').trim().split('\r\n');
  expect(lines[0]).toBe('id,number,account_id,account,month,scheme,currency,status,total,issued_at,paid_at,voided_at');
  expect(lines).toHaveLength(4);
  expect(lines.slice(1).every((line) => line.includes(',2026-09,') && line.includes(',ISSUED,'))).toBe(true);

  // Columns hidden from the menu stay hidden in the URL.
  await page.getByText('Columns', { exact: true }).click();
  // The box follows the URL: it unticks once the navigation lands.
  await page.getByRole('checkbox', { name: 'Show column Total' }).click();
  await expect(page).toHaveURL(/hide=total/);
  await page.reload();
  await expect(table.getByRole('columnheader', { name: 'Total' })).toHaveCount(0);
  await screenshot(page, 'ops-console-05-columns');

  // A saved view: the URL state under a name, re-applied after the filters changed.
  const saved = page.url();
  await page.getByText('Views', { exact: true }).click();
  await page.getByRole('textbox', { name: 'View name' }).fill('September issued');
  await page.getByRole('button', { name: 'Save view' }).click();
  await expect(page.getByRole('button', { name: 'Apply view September issued' })).toBeVisible();
  await screenshot(page, 'ops-console-05b-views');
  await page.goto('/invoices?status=DRAFT');
  await page.getByText('Views', { exact: true }).click();
  await page.getByRole('button', { name: 'Apply view September issued' }).click();
  await expect(page).toHaveURL(saved);
  await expect(table.locator(':scope > tbody > tr')).toHaveCount(3);

  // The palette on a phone.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.keyboard.press('Control+k');
  await palette.fill('Lumen');
  await expect(page.getByRole('option', { name: new RegExp(DEMO_ACCOUNTS.legacyCustomer.name) }).first()).toBeVisible();
  await screenshot(page, 'ops-console-06-palette-phone');
  await page.keyboard.press('Escape');
  await expect(palette).toBeHidden();
});

import { expect, test } from '@playwright/test';
import { screenshot, signIn } from './fixtures';

const REASON = 'Wrong MAU reported, a correction follows.';

test('[OPS][INVOICE]: ops sees overdue drafts, issues one, voids it with a reason, and the totals leave it out', async ({ page }) => {
  test.setTimeout(300_000);
  await signIn(page, 'ops@demo.test');

  // August 2026: its drafts were planned for 2026-09-03, long before today (2026-11-23).
  await page.goto('/billing-runs');
  await page.getByLabel('Month', { exact: true }).fill('2026-08');
  await page.getByRole('button', { name: 'Run month' }).click();
  await expect(page.getByRole('heading', { name: /Billing run #\d+ · 2026-08/ })).toBeVisible();
  await expect(page.getByText('Succeeded', { exact: true })).toBeVisible({ timeout: 240_000 });

  // One currency, every row on one page: the list, its total and its count can be compared.
  await page.goto('/invoices?month=2026-08&currency=USD&perPage=100');
  const totals = page.getByTestId('invoice-totals');
  const rows = page.getByRole('row', { name: /Draft #\d+/ });
  const drafts = await rows.count();
  expect(drafts).toBeGreaterThan(2);
  await expect(totals).toContainText(`${drafts} invoices`);
  await expect(totals).not.toContainText('void');
  // A draft past its planned issue date says so, in the list and on its page.
  await expect(rows.first().getByTestId('planned-issue')).toHaveText(/planned 2026-09-03\s*overdue/i);
  await screenshot(page, 'invoice-drafts-overdue');
  await rows.first().getByRole('link', { name: /^Draft #\d+$/ }).click();
  await expect(page.getByTestId('invoice-status')).toHaveText('Draft');
  await expect(page.getByTestId('planned-issue')).toHaveText(/2026-09-03\s*overdue/i);

  await page.getByRole('button', { name: 'Issue', exact: true }).click();
  await page.getByRole('button', { name: 'Issue now' }).click();
  await expect(page.getByTestId('invoice-status')).toHaveText('Issued');
  const number = (await page.getByTestId('invoice-number').textContent())?.trim() ?? '';
  expect(number).toMatch(/^INV-2026-\d{6}$/);
  await expect(page.getByText(`Issued as ${number}.`)).toBeVisible();
  await expect(page.getByTestId('planned-issue')).toHaveCount(0);

  // Void: the "Issued as" message goes, the reason shows as typed (no "follows..").
  await page.getByRole('button', { name: 'Void…' }).click();
  await page.getByLabel('Reason (shown to the customer)').fill(REASON);
  await page.getByRole('button', { name: 'Void invoice' }).click();
  await expect(page.getByTestId('invoice-status')).toHaveText('Void');
  await expect(page.getByText(`Issued as ${number}.`)).toHaveCount(0);
  await expect(page.getByTestId('void-reason')).toHaveText(REASON);
  await expect(page.getByRole('note')).toContainText('This invoice is void. Reason:');
  await expect(page.getByRole('note')).not.toContainText('..');
  await screenshot(page, 'invoice-voided');

  // The list: the void one is neither summed nor counted with the others, and says so.
  await page.goto('/invoices?month=2026-08&currency=USD&perPage=100');
  await expect(totals).toContainText(`${drafts - 1} invoices; 1 void not counted`);
  await expect(page.getByRole('row', { name: new RegExp(number) })).toBeVisible();
  await screenshot(page, 'invoice-totals-void');

  // Chinese: the reason, apart from the sentence.
  await page.context().addCookies([{ name: 'locale', value: 'zh', url: new URL(page.url()).origin }]);
  await page.getByRole('row', { name: new RegExp(number) }).getByRole('link', { name: number }).click();
  await expect(page.getByRole('note')).toContainText('本账单已作废。原因：');
  await expect(page.getByTestId('void-reason')).toHaveText(REASON);
  await screenshot(page, 'invoice-voided-zh');
});

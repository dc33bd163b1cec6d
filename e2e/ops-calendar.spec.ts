import { expect, test } from '@playwright/test';
import { screenshot, signIn } from './fixtures';

test('[OPS][CALENDAR]: ops hold an account, draft and issue October from the billing calendar, pause and resume November', async ({ page }) => {
  test.setTimeout(300_000);
  await signIn(page, 'ops@demo.test');
  await page.getByRole('link', { name: 'Billing calendar' }).click();
  await expect(page.getByRole('heading', { name: 'Billing calendar', level: 1 })).toBeVisible();
  // Today is 2026-11-23: October closes now, November is next.
  await expect(page.getByText('Month 2026-10')).toBeVisible();
  await expect(page.getByText('Month 2026-11')).toBeVisible();
  const octoberRun = page.getByRole('region', { name: 'Draft run 2026-10' });
  const octoberIssue = page.getByRole('region', { name: 'Issue 2026-10' });
  await screenshot(page, 'ops-calendar');

  // Hold account 3 (星河互娱; no other journey issues its October) with a reason: it is listed,
  // and the issue leaves its draft alone.
  await page.getByLabel('Account number').fill('3');
  await page.getByLabel('Reason', { exact: true }).fill('Disputed October usage');
  await page.getByRole('button', { name: 'Hold', exact: true }).click();
  const held = page.getByRole('row', { name: /Disputed October usage/ });
  await expect(held).toBeVisible();

  // Run now: the server's worker takes the shards; the card shows progress, then what it did.
  await octoberRun.getByRole('button', { name: /^(Run now|Run again|Retry)$/ }).click();
  await expect(octoberRun.getByText('Done', { exact: true })).toBeVisible({ timeout: 180_000 });
  await expect(octoberRun).toContainText(/\d+ drafts written/);
  await expect(octoberRun).toContainText(/of \d+ shards/);
  await screenshot(page, 'ops-calendar-drafted');

  await octoberIssue.getByRole('button', { name: /^(Issue now|Retry)$/ }).click();
  await expect(octoberIssue.getByText('Done', { exact: true })).toBeVisible({ timeout: 60_000 });
  await expect(octoberIssue).toContainText(/\d+ invoices issued · [1-9]\d* held back/);
  await screenshot(page, 'ops-calendar-issued');

  // November's schedule paused with a reason, then resumed.
  await page.getByLabel('Reason for pausing').fill('Price book under review');
  await page.getByRole('button', { name: 'Pause this month' }).click();
  await expect(page.getByText(/Paused by ops@demo\.test: Price book under review/)).toBeVisible();
  await screenshot(page, 'ops-calendar-paused');
  await page.getByRole('button', { name: 'Resume' }).click();
  await expect(page.getByText(/Paused by/)).toHaveCount(0);

  // Chinese, and a phone's width.
  await page.context().addCookies([{ name: 'locale', value: 'zh', url: new URL(page.url()).origin }]);
  await page.reload();
  await expect(page.getByRole('heading', { name: '出账日历', level: 1 })).toBeVisible();
  await expect(page.getByText('暂缓开具的账户')).toBeVisible();
  await screenshot(page, 'ops-calendar-zh');
  await page.context().addCookies([{ name: 'locale', value: 'en', url: new URL(page.url()).origin }]);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  await screenshot(page, 'ops-calendar-mobile');

  // Released: nobody is held any more.
  await held.getByRole('button', { name: 'Release' }).click();
  await expect(page.getByText('No account is on hold.')).toBeVisible();
});

import { expect, test, type Page } from '@playwright/test';
import { DEMO_ACCOUNTS } from '../prisma/seed/demo-users';
import { screenshot, signIn } from './fixtures';

/**
 * Demo data (prisma/seed/plans.ts) with today pinned to 2026-11-23 by the e2e server:
 * Lumen Games (account 1, legacy): 1400000002 "Lumen Party" Professional anchored on the 15th
 * (cycle 11-15..12-14) with AV chat rooms and security strike; 1400000003 "Lumen Sandbox" on Trial.
 * Brightwave Health (account 2, current): 1400000006 "Brightwave Coach" on Pro with a pending
 * broadcast-push application.
 */
const LEGACY = DEMO_ACCOUNTS.legacyCustomer.id;
const CURRENT = DEMO_ACCOUNTS.currentCustomer.id;

async function review(page: Page) {
  await page.getByRole('button', { name: 'Review change' }).click();
  const dialog = page.getByRole('dialog', { name: 'Confirm the change' });
  await expect(dialog).toBeVisible();
  return dialog;
}

test('[OPS][PLANS]: ops upgrades, schedules and cancels a downgrade, starts an add-on, grants a trial, approves broadcast push, and finds it all in the audit log', async ({ page }) => {
  await signIn(page, 'ops@demo.test');

  // Upgrade Professional -> Flagship: the confirmation shows the credit and the new cycle.
  await page.goto(`/accounts/${LEGACY}/apps/1400000002`);
  const panel = page.getByTestId('app-plan-panel');
  await expect(panel.getByRole('heading', { name: 'Plan operations' })).toBeVisible();
  await expect(panel.getByText('The friends limit (3,000 per user) can never be raised')).toBeVisible();
  await screenshot(page, 'plans-01-app-professional');
  await page.getByLabel('New edition').selectOption('FLAGSHIP');
  let dialog = await review(page);
  await expect(dialog).toContainText('Professional 专业版 → Flagship 旗舰版 from 2026-11-23');
  const november = dialog.getByRole('region', { name: 'Invoice 2026-11 (CNY)' });
  await expect(november.getByRole('row', { name: /Package credit/ })).toContainText('-CN¥732.60');
  await expect(november.getByRole('row', { name: /Package credit/ })).toContainText('2026-11-23..2026-12-14');
  const flagshipLine = november.getByRole('row', { name: /New Package · Flagship/ });
  await expect(flagshipLine).toContainText('CN¥2,999.00');
  await expect(flagshipLine).toContainText('2026-11-23..2026-12-22');
  await expect(dialog.getByRole('row', { name: /Audio\/video chat rooms/ })).toContainText('Unlimited');
  await screenshot(page, 'plans-02-upgrade-confirmation');
  await dialog.getByRole('button', { name: 'Confirm change' }).click();
  await expect(page.getByRole('status')).toContainText('Change recorded; it takes effect on 2026-11-23.');
  await expect(page.getByText('Flagship 旗舰版').first()).toBeVisible();
  await expect(page.getByRole('table', { name: 'Plan requests' })).toContainText('Edition Flagship 旗舰版');
  await screenshot(page, 'plans-03-upgraded');

  // Downgrade: scheduled after the Flagship cycle that holds today (11-23..12-22), then cancelled.
  await page.getByLabel('New edition').selectOption('PROFESSIONAL');
  dialog = await review(page);
  await expect(dialog).toContainText('Downgrade to Professional 专业版, effective 2026-12-23');
  await expect(dialog).toContainText('Invoice 2026-12 (CNY)');
  await screenshot(page, 'plans-04-downgrade-confirmation');
  await dialog.getByRole('button', { name: 'Confirm change' }).click();
  await expect(panel.getByText('Downgrade to Professional 专业版 on 2026-12-23')).toBeVisible();
  await screenshot(page, 'plans-05-downgrade-pending');
  await panel.getByRole('button', { name: 'Cancel downgrade' }).click();
  dialog = page.getByRole('dialog', { name: 'Confirm the change' });
  await expect(dialog).toContainText('Cancel the scheduled downgrade: the app keeps Flagship 旗舰版');
  await dialog.getByRole('button', { name: 'Confirm change' }).click();
  await expect(panel.getByText('Downgrade to Professional 专业版 on 2026-12-23')).toHaveCount(0);
  await expect(panel.getByRole('button', { name: 'Cancel downgrade' })).toHaveCount(0);

  // An add-on Flagship offers: the group member cap goes to 6,000.
  await panel.getByRole('button', { name: 'Start Group member cap extension' }).click();
  dialog = page.getByRole('dialog', { name: 'Confirm the change' });
  await expect(dialog.getByRole('region', { name: 'Invoice 2026-11 (CNY)' }).getByRole('row', { name: /New Add-on/ })).toContainText('CN¥500.00');
  await expect(dialog.getByRole('row', { name: /Members per group/ })).toContainText('6,000');
  await screenshot(page, 'plans-06-addon-confirmation');
  await dialog.getByRole('button', { name: 'Confirm change' }).click();
  await expect(dialog).toBeHidden();
  await expect(panel.getByRole('region', { name: 'Add-ons' }).getByRole('row', { name: /Group member cap extension/ })).toContainText('Running · cycle 2026-11-23 – 2026-12-22');

  // A trial for the Trial app: the quotas move and the grant's dates show.
  await page.goto(`/accounts/${LEGACY}/apps/1400000003`);
  await expect(page.getByTestId('trial-quota')).toContainText('App: 0 of 2 grants used');
  await expect(page.getByTestId('trial-quota')).toContainText('Account: 1 of 10 grants used');
  await page.getByRole('button', { name: 'Grant trial' }).click();
  dialog = page.getByRole('dialog', { name: 'Grant an audio/video call trial' });
  await expect(dialog).toContainText('from 2026-11-23 to 2027-01-21');
  await dialog.getByRole('button', { name: 'Grant trial' }).click();
  await expect(page.getByTestId('trial-quota')).toContainText('App: 1 of 2 grants used');
  await expect(page.getByTestId('trial-quota')).toContainText('Account: 2 of 10 grants used');
  await expect(page.getByTestId('trial-quota')).toContainText('TRTC service on');
  await expect(page.getByRole('table', { name: 'Audio/video call trial' })).toContainText('2026-11-23 – 2027-01-21');
  await expect(page.getByRole('button', { name: 'Grant trial' })).toHaveCount(0);
  await screenshot(page, 'plans-07-trial-granted');

  // Broadcast push on a Pro app: approve the pending application; it switches on 48 hours later.
  await page.goto(`/accounts/${CURRENT}/apps/1400000006`);
  await expect(page.getByTestId('broadcast-push-state')).toContainText('Application pending');
  await expect(page.getByTestId('community-state')).toContainText('Not offered in this data center');
  await screenshot(page, 'plans-08-application-pending');
  await page.getByRole('button', { name: 'Approve' }).click();
  await expect(page.getByTestId('broadcast-push-state')).toContainText('Approved: switches on at');
  await expect(page.getByRole('table', { name: 'Broadcast push applications' })).toContainText('Approved');
  await screenshot(page, 'plans-09-application-approved');

  // Everything is in the audit log, filterable by account and action.
  await page.goto(`/audit?account=${LEGACY}`);
  const log = page.getByRole('table').first();
  for (const action of ['Edition changed', 'Downgrade scheduled', 'Scheduled downgrade cancelled', 'Add-on started', 'Audio/video call trial granted']) {
    await expect(log.getByText(action, { exact: true })).toBeVisible();
  }
  await screenshot(page, 'plans-10-audit-account');
  await page.goto('/audit');
  await page.getByLabel('Action').selectOption('feature.approve');
  await expect(page).toHaveURL(/action=feature\.approve/);
  await expect(log.locator(':scope > tbody > tr')).toHaveCount(1);
  await expect(log).toContainText('ops@demo.test');
  await expect(log).toContainText(`${CURRENT} · ${DEMO_ACCOUNTS.currentCustomer.name}`);
  await expect(log).toContainText(/status\s*PENDING\s*→\s*APPROVED/);
  await screenshot(page, 'plans-11-audit-approval');
});

test('[ACCOUNT_MANAGER][PLANS]: an account manager sees the app but none of the plan actions', async ({ page }) => {
  await signIn(page, 'am@demo.test');
  await page.goto(`/accounts/${LEGACY}/apps/1400000003`);
  await expect(page.getByTestId('trial-quota')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Plan operations' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Grant trial' })).toHaveCount(0);
  await page.goto(`/accounts/${LEGACY}`);
  await expect(page.getByRole('button', { name: 'Create app' })).toHaveCount(0);
  await screenshot(page, 'plans-12-manager-read-only');
});

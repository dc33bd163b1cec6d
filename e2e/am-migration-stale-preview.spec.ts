import { expect, test, type Browser, type Page } from '@playwright/test';
import { screenshot, signIn } from './fixtures';

/** A legacy account of am@demo.test with no ticket in the demo data (prisma/seed, seed 20261123). */
const ACCOUNT = { id: 5, name: 'Mosaic Learning Ltd.' };

async function pageAs(browser: Browser, email: string, locale?: 'zh'): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email);
  if (locale) await context.addCookies([{ name: 'locale', value: locale, url: new URL(page.url()).origin }]);
  return page;
}

test('[ACCOUNT_MANAGER][MIGRATION]: a form changed after its preview cannot be executed: the preview turns stale at once, Execute waits for a new preview, the dialog restates it', async ({ browser }) => {
  test.setTimeout(180_000);
  const am = await pageAs(browser, 'am@demo.test');
  await am.goto(`/migrations/new?accountId=${ACCOUNT.id}`);
  await am.getByLabel("Customer's request reference").fill('CRM-STALE-1');
  await am.getByRole('button', { name: 'Open ticket' }).click();
  await expect(am.getByRole('heading', { level: 1, name: /Migration ticket #\d+/ })).toBeVisible();
  const ticketUrl = am.url();

  // Preview with the defaults: Mosaic Test (Flagship) -> Pro, Mosaic Inbox (Professional) -> Standard.
  const form = am.getByRole('form', { name: 'Preview' });
  await expect(form.getByLabel('Mosaic Test')).toHaveValue('PRO');
  await expect(form.getByLabel('Mosaic Inbox')).toHaveValue('STANDARD');
  await form.getByRole('button', { name: 'Preview' }).click();
  const fresh = am.getByText('The preview matches the data as it is now.');
  await expect(fresh).toBeVisible();
  const frame = am.getByTestId('preview-frame');
  await expect(frame).toHaveAttribute('data-stale', 'false');
  const execute = am.getByRole('button', { name: 'Execute migration…' });
  await expect(execute).toBeEnabled();

  // What the account manager did: change an edition in the form, without previewing again.
  await form.getByLabel('Mosaic Test').selectOption('STANDARD');
  // At once, with no round trip: the preview is marked out of date, and Execute is disabled.
  await expect(fresh).toHaveCount(0);
  await expect(am.getByTestId('preview-stale')).toContainText(
    'The form no longer matches the preview below (Mosaic Test: Pro 进阶版 previewed, Standard 标准版 in the form).',
  );
  await expect(frame).toHaveAttribute('data-stale', 'true');
  await expect(frame.getByText('Out of date: not what the form says')).toBeVisible();
  await expect(execute).toBeDisabled();
  await expect(am.getByText('Preview the form’s choices to execute.')).toBeVisible();
  await screenshot(am, 'migration-stale-01-form-changed');
  await am.setViewportSize({ width: 390, height: 844 });
  await am.getByTestId('preview-stale').scrollIntoViewIfNeeded();
  await am.screenshot({ path: 'e2e/screenshots/migration-stale-01-form-changed-mobile.png' });
  await am.setViewportSize({ width: 1400, height: 900 });
  // The months too.
  await form.getByLabel('Months to re-rate').selectOption('6');
  await expect(am.getByTestId('preview-stale')).toContainText('months to re-rate: 3 previewed, 6 in the form');
  await form.getByLabel('Months to re-rate').selectOption('3');
  // Back to exactly what was previewed: it matches again.
  await form.getByLabel('Mosaic Test').selectOption('PRO');
  await expect(fresh).toBeVisible();
  await expect(execute).toBeEnabled();

  // The new choice, previewed: now that is what the page shows and what Execute would do.
  await form.getByLabel('Mosaic Test').selectOption('STANDARD');
  await form.getByRole('button', { name: 'Preview again' }).click();
  await expect(fresh).toBeVisible();
  await expect(frame).toHaveAttribute('data-stale', 'false');
  await expect(am.getByTestId('preview-figures').getByRole('row', { name: /Mosaic Test/ })).toContainText('Standard 标准版');
  await expect(execute).toBeEnabled();

  // Meanwhile, in another tab, the ticket is previewed again with another choice.
  const other = await am.context().newPage();
  await other.goto(ticketUrl);
  const otherForm = other.getByRole('form', { name: 'Preview' });
  await expect(otherForm.getByLabel('Mosaic Test')).toHaveValue('STANDARD');
  await otherForm.getByLabel('Mosaic Inbox').selectOption('PRO');
  await otherForm.getByRole('button', { name: 'Preview again' }).click();
  await expect(other.getByText('The preview matches the data as it is now.')).toBeVisible();
  await expect(other.getByTestId('preview-figures').getByRole('row', { name: /Mosaic Inbox/ })).toContainText('Pro 进阶版');
  await other.close();

  // The first tab still shows the older preview: the dialog restates it, the server refuses it.
  await execute.click();
  const dialog = am.getByRole('dialog', { name: `Execute the migration of ${ACCOUNT.name}` });
  const restate = dialog.getByTestId('execute-restate');
  await expect(restate.getByRole('row', { name: /Mosaic Test/ })).toContainText('Standard 标准版');
  await expect(restate.getByRole('row', { name: /Mosaic Inbox/ })).toContainText('Standard 标准版');
  await dialog.getByLabel(`Type the account id (${ACCOUNT.id}) to confirm`).fill(String(ACCOUNT.id));
  await dialog.getByLabel('I understand that this migration is final and cannot be undone').check();
  await dialog.getByRole('button', { name: 'Execute migration' }).click();
  await expect(dialog.getByRole('alert')).toContainText('was previewed again since this page was loaded: reload it, check the new figures, then execute');
  await screenshot(am, 'migration-stale-02-older-preview-refused');

  // Reloaded: the latest preview, restated in full, is what executes.
  await am.goto(ticketUrl);
  await expect(form.getByLabel('Mosaic Inbox')).toHaveValue('PRO');
  await expect(fresh).toBeVisible();
  const legacyTotal = (await am.getByTestId('legacy-total').textContent())?.trim() ?? '';
  const currentTotal = (await am.getByTestId('current-total').textContent())?.trim() ?? '';
  await execute.click();
  await expect(restate.getByRole('row', { name: /Mosaic Inbox/ })).toContainText('Professional 专业版');
  await expect(restate.getByRole('row', { name: /Mosaic Inbox/ })).toContainText('Pro 进阶版');
  await expect(restate.getByRole('row', { name: /Mosaic Test/ })).toContainText('Flagship 旗舰版');
  await expect(restate.getByRole('row', { name: /Mosaic Test/ })).toContainText('Standard 标准版');
  await expect(restate.getByRole('row')).toHaveCount(5);
  await expect(dialog.getByTestId('execute-totals')).toHaveText(`Re-rated 2026-08 – 2026-10: ${legacyTotal} on the legacy scheme, ${currentTotal} on the current scheme.`);
  await screenshot(am, 'migration-stale-03-dialog-restates');

  // Chinese, before executing: the stale notice and the restatement.
  const ops = await pageAs(browser, 'ops@demo.test', 'zh');
  await ops.goto(ticketUrl);
  const zhForm = ops.getByRole('form', { name: '预览' });
  await zhForm.getByLabel('Mosaic Test').selectOption('PRO');
  await expect(ops.getByTestId('preview-stale')).toContainText('表单已与下方预览不一致（Mosaic Test：预览为 Standard 标准版，表单为 Pro 进阶版）');
  await expect(ops.getByText('已过时：与表单不一致')).toBeVisible();
  await expect(ops.getByRole('button', { name: '执行迁移…' })).toBeDisabled();
  await screenshot(ops, 'migration-stale-04-zh');
  await zhForm.getByLabel('Mosaic Test').selectOption('STANDARD');
  await ops.getByRole('button', { name: '执行迁移…' }).click();
  await expect(ops.getByRole('dialog').getByTestId('execute-restate')).toContainText('执行将完全按此预览进行：');
  await expect(ops.getByRole('dialog').getByTestId('execute-totals')).toContainText('重算 2026-08 – 2026-10：原方案');
  await screenshot(ops, 'migration-stale-05-zh-dialog');

  await dialog.getByLabel(`Type the account id (${ACCOUNT.id}) to confirm`).fill(String(ACCOUNT.id));
  await dialog.getByLabel('I understand that this migration is final and cannot be undone').check();
  await dialog.getByRole('button', { name: 'Execute migration' }).click();
  await expect(am.getByText(/^Executed on 2026-11-23/)).toBeVisible();
  // What executed is the preview shown, not an earlier choice of the form.
  const stored = am.getByTestId('preview-figures');
  await expect(stored.getByRole('row', { name: /Mosaic Test/ })).toContainText('Standard 标准版');
  await expect(stored.getByRole('row', { name: /Mosaic Inbox/ })).toContainText('Pro 进阶版');
  await screenshot(am, 'migration-stale-06-executed');
});

import { expect, test, type Page } from '@playwright/test';
import { screenshot, signIn } from './fixtures';

const csv = (text: string) => ({ name: 'usage.csv', mimeType: 'text/csv', buffer: Buffer.from(text) });

/** The usage row of that day (other rows' recording times may fall on the same date). */
function dayRow(page: Page, day: string) {
  return page.getByRole('row').filter({ has: page.getByRole('cell', { name: day, exact: true }) });
}

test('[OPS][USAGE]: ops creates an API key, a client sends usage with it, and ops imports a CSV after fixing its errors', async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, 'ops@demo.test');

  // An ingestion key: the secret is shown once.
  await page.getByRole('link', { name: 'API keys' }).click();
  await page.getByLabel('Name').fill('usage collector (e2e)');
  await page.getByRole('button', { name: 'Create key' }).click();
  const secret = (await page.getByTestId('api-key-secret').textContent())?.trim() ?? '';
  expect(secret).toMatch(/^imk_/);
  await expect(page.getByRole('cell', { name: 'usage collector (e2e)' })).toBeVisible();
  await screenshot(page, 'ops-api-key-created');

  // A machine client sends a batch with it: no session, only the key.
  const body = { rows: [{ sdkAppId: 1400000004, date: '2026-11-20', mau: 7100, pcc: 300 }] };
  const sent = await page.request.post('/api/v1/usage', { data: body, headers: { Authorization: `Bearer ${secret}` } });
  expect(sent.status()).toBe(200);
  expect(await sent.json()).toMatchObject({ ok: true, rows: 1 });
  const bad = await page.request.post('/api/v1/usage', { data: { rows: [{ sdkAppId: 1499999999, date: '2026-11-31', dau: -1 }] }, headers: { Authorization: `Bearer ${secret}` } });
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error.details.length).toBeGreaterThanOrEqual(2);
  expect((await page.request.post('/api/v1/usage', { data: body })).status()).toBe(401);

  // The CSV import shows every error first, then commits the fixed file.
  await page.getByRole('link', { name: 'Usage' }).click();
  await page.getByLabel('CSV file').setInputFiles(
    csv('sdkAppId,date,mau,pcc\n1400000004,2026-11-21,7200,310\n1499999999,2026-11-21,5,1\n1400000004,2026-11-32,7300,\n1400000004,2026-11-22,-4,\n'),
  );
  const errors = page.getByTestId('csv-errors');
  await expect(errors).toContainText('no app 1499999999 exists');
  await expect(errors).toContainText('must be a calendar date YYYY-MM-DD');
  await expect(errors).toContainText('must not be negative');
  await expect(page.getByRole('button', { name: /^Import/ })).toHaveCount(0);
  await screenshot(page, 'ops-usage-csv-errors');

  // The seed reported usage up to yesterday: the 22nd is replaced, today's row is new.
  await page.getByLabel('CSV file').setInputFiles(csv('sdkAppId,date,mau,pcc\n1400000004,2026-11-22,7350,305\n1400000004,2026-11-23,7400,290\n'));
  await expect(page.getByRole('status')).toContainText('2 rows for 1 app,');
  await page.getByRole('button', { name: 'Import 2 rows' }).click();
  await expect(page.getByText(/Imported 2 rows: 1 new, 1 replaced, 0 unchanged/)).toBeVisible();

  await page.getByRole('searchbox', { name: 'Search' }).fill('1400000004');
  await page.getByRole('searchbox', { name: 'Search' }).press('Enter');
  await expect(page).toHaveURL(/app=1400000004/);
  await expect(dayRow(page, '2026-11-23')).toContainText('CSV');
  await expect(dayRow(page, '2026-11-22')).toContainText('ops@demo.test');
  await expect(dayRow(page, '2026-11-20')).toContainText('API');
  await screenshot(page, 'ops-usage-imported');
});

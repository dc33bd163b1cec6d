import { request as httpRequest } from 'node:http';
import { expect, test } from '@playwright/test';
import { screenshot, signIn } from './fixtures';

/**
 * Sends `total` bytes of a JSON array padded with spaces, chunked (no Content-Length), the way a
 * streaming client does; resolves with the answer and how many bytes the server let through.
 */
function postChunked(url: string, secret: string, total: number): Promise<{ status: number; body: string; sent: number }> {
  return new Promise((resolve, reject) => {
    let sent = 0;
    let answered = false;
    const req = httpRequest(url, { method: 'POST', headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json', 'transfer-encoding': 'chunked' } }, (res) => {
      // The server may answer before the upload ends: stop sending, read the answer.
      answered = true;
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, sent }));
    });
    // A socket closed by the server after its answer is not a failure of the test.
    req.on('error', (error) => (answered ? undefined : reject(error)));
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    const pump = () => {
      while (sent < total && !answered) {
        const bytes = sent === 0 ? Buffer.concat([Buffer.from('['), chunk.subarray(1)]) : chunk;
        sent += bytes.length;
        if (!req.write(bytes)) return void req.once('drain', pump);
      }
      req.end(answered ? undefined : ']');
    };
    pump();
  });
}

/**
 * Apps of the deterministic demo data created before 2024 (prisma/seed, seed 20261123): their
 * 2024 days have no usage and no invoice, so importing them disturbs no other journey.
 */
const APPS = [
  1400000001, 1400000002, 1400000003, 1400000004, 1400000005, 1400000006, 1400000007, 1400000008, 1400000009, 1400000010, 1400000013, 1400000014,
  1400000015, 1400000016, 1400000017, 1400000018, 1400000019, 1400000020, 1400000021, 1400000022, 1400000023, 1400000024, 1400000025, 1400000026,
  1400000027, 1400000028, 1400000032, 1400000033, 1400000034, 1400000035, 1400000037, 1400000038, 1400000041, 1400000042, 1400000043, 1400000048,
  1400000049, 1400000050, 1400000051, 1400000052,
];
const DAYS = 250;

function day(offset: number): string {
  return new Date(Date.UTC(2024, 0, 1 + offset)).toISOString().slice(0, 10);
}

/** `rows` rows (40 apps x 250 days of 2024 at most), every cell quoted and padded, CRLF line ends. */
function bigCsv(rows: number): string {
  const lines = ['"sdkAppId","date","dau","peakGroups","mau","pcc","barrageDomesticMbps","barrageIntlMbps"'];
  for (let i = 0; i < rows; i++) {
    const app = APPS[i % APPS.length]!;
    const date = day(Math.floor(i / APPS.length) % DAYS);
    lines.push(`"  ${app}  ","  ${date}  ","   ${1000 + i}   ","   ${150000 + i}   ","   ${7000 + (i % 50)}   ","   ${300 + (i % 7)}   ","   3.500   ","   0.250   "`);
  }
  return `${lines.join('\r\n')}\r\n`;
}

const file = (name: string, text: string | Buffer) => ({ name, mimeType: 'text/csv', buffer: typeof text === 'string' ? Buffer.from(text) : text });

test('[OPS][USAGE]: ops imports a 10,000-row CSV (quoted cells, CRLF, over 1 MB) and sees a message for every file that cannot be taken', async ({ page }) => {
  test.setTimeout(240_000);
  await signIn(page, 'ops@demo.test');
  await page.goto('/usage');
  const input = page.getByLabel('CSV file');

  // 10,000 rows, every cell quoted, CRLF: about 1.15 MB, past the 1 MB a server action takes.
  const text = bigCsv(10_000);
  expect(Buffer.byteLength(text)).toBeGreaterThan(1_100_000);
  await input.setInputFiles(file('usage-10000.csv', text));
  await expect(page.getByRole('status')).toContainText('usage-10000.csv: 10,000 rows for 40 apps, 2024-01-01 to 2024-09-06, all valid.', { timeout: 60_000 });
  await screenshot(page, 'usage-csv-10000-ready');
  await page.getByRole('button', { name: 'Import 10,000 rows' }).click();
  await expect(page.getByText('Imported 10,000 rows: 10,000 new, 0 replaced, 0 unchanged.')).toBeVisible({ timeout: 60_000 });
  await screenshot(page, 'usage-csv-10000-imported');
  // They are stored: the table finds the last app's last day.
  await page.goto('/usage?app=1400000052&month=2024-09');
  await expect(page.getByRole('row', { name: /2024-09-06/ })).toContainText('CSV');

  // One row too many: the page names the rule, nothing is imported.
  await page.goto('/usage');
  await input.setInputFiles(file('usage-10001.csv', `${bigCsv(10_000)}" 1400000053 "," 2024-01-01 ","1",,,,,\r\n`));
  await expect(page.getByTestId('csv-errors')).toContainText('a file holds at most 10,000 rows (got 10,001); split it');
  await expect(page.getByRole('button', { name: /^Import/ })).toHaveCount(0);
  await screenshot(page, 'usage-csv-too-many-rows');

  // A file past the 8 MiB limit: said on the page before anything is sent...
  await input.setInputFiles(file('huge.csv', Buffer.alloc(9 * 1024 * 1024, 0x20)));
  await expect(page.getByText('The file is 9.0 MiB: at most 8 MiB (10,000 rows) can be imported at once. Split it.')).toBeVisible();
  // ...and refused by the server on the bytes it reads, as JSON, for a client that sends it anyway.
  const refused = await page.request.post('/api/usage/csv?step=preview', { headers: { 'content-type': 'text/csv' }, data: Buffer.alloc(9 * 1024 * 1024, 0x20) });
  expect(refused.status()).toBe(413);
  expect((await refused.json()).error.message).toContain('file: too large; at most 8,388,608 bytes (8 MiB)');
  // Not ops, or not this site: refused.
  expect((await page.request.post('/api/usage/csv?step=preview', { headers: { 'content-type': 'text/csv', origin: 'https://evil.example' }, data: 'sdkAppId,date\n' })).status()).toBe(403);

  // The connection drops while checking: a message, never the error page.
  await page.route('**/api/usage/csv**', (route) => route.abort('connectionreset'));
  await input.setInputFiles(file('usage-small.csv', 'sdkAppId,date,mau\r\n1400000001,2024-10-01,5\r\n'));
  await expect(page.getByText('The server could not be reached: nothing was checked or imported. Try again.')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Usage' })).toBeVisible();
  await screenshot(page, 'usage-csv-unreachable');
  await page.unroute('**/api/usage/csv**');

  // The ingestion API, through the real server: a chunked body past 8 MiB is cut off with 413.
  await page.goto('/api-keys');
  await page.getByLabel('Name').fill('chunked sender (e2e)');
  await page.getByRole('button', { name: 'Create key' }).click();
  const secret = (await page.getByTestId('api-key-secret').textContent())?.trim() ?? '';
  const chunked = await postChunked(new URL('/api/v1/usage', page.url()).toString(), secret, 24 * 1024 * 1024);
  expect(chunked.status).toBe(413);
  expect(JSON.parse(chunked.body).error).toMatchObject({ code: 'invalid', field: 'body', message: expect.stringContaining('too large; at most 8,388,608 bytes (8 MiB)') });

  // In Chinese too.
  await page.context().addCookies([{ name: 'locale', value: 'zh', url: new URL(page.url()).origin }]);
  await page.goto('/usage');
  await page.getByLabel('CSV 文件').setInputFiles(file('huge.csv', Buffer.alloc(9 * 1024 * 1024, 0x20)));
  await expect(page.getByText('文件大小为 9.0 MiB：一次最多导入 8 MiB（10,000 行）。请拆分后再导入。')).toBeVisible();
});

import { connect, setDatabase } from '../lib/db/client';
const database = connect({ url: 'postgresql://postgres:postgres@127.0.0.1:5432/im_billing_bench', poolSize: 4 });
setDatabase(database);
const { loadAccountInputsWith } = await import('../lib/rating/inputs');
const ids = (await database.driver.query<{ id: number }>('SELECT id FROM "Account" ORDER BY id')).map((r) => r.id);
const w: Record<string, number> = {};
let t0 = performance.now();
for (let i = 0; i < ids.length; i += 500) {
  const chunk = ids.slice(i, i + 500);
  await loadAccountInputsWith(async (text, params) => { const s = performance.now(); const r = await database.driver.query(text, [...params]); const k = text.trim().slice(0, 60).replace(/\s+/g,' '); w[k] = (w[k] ?? 0) + performance.now() - s; return r; }, { accountIds: chunk, usageFrom: '2026-10-01', usageTo: '2026-10-31' });
}
console.log(performance.now() - t0, w);
t0 = performance.now();
for (let i = 0; i < ids.length; i += 500) {
  const chunk = ids.slice(i, i + 500);
  const s = performance.now();
  await database.driver.query(`SELECT u."sdkAppId"::text AS "sdkAppId",
         string_agg(concat_ws(',', u."date" - $2::date, u."dau", u."peakGroups", u."mau", u."pcc",
                              u."barrageDomesticMbps", u."barrageIntlMbps"), ';' ORDER BY u."date") AS "days"
    FROM "UsageDaily" u JOIN "App" p ON p."sdkAppId" = u."sdkAppId"
   WHERE p."accountId" = ANY($1::int[])
     AND u."date" BETWEEN $2::date AND $3::date
   GROUP BY u."sdkAppId"`, [chunk, '2026-10-01', '2026-10-31']);
}
console.log('usage only sequential', performance.now() - t0);
process.exit(0);

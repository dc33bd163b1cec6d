import pg from 'pg';
const client = new pg.Client({ connectionString: 'postgresql://postgres:postgres@127.0.0.1:5432/im_billing_bench' });
await client.connect();
const ids = (await client.query('SELECT id FROM "Account" ORDER BY id')).rows.map((r) => r.id);
let t = performance.now();
for (let i = 0; i < ids.length; i += 500) {
  const chunk = ids.slice(i, i + 500);
  await client.query(`SELECT u."sdkAppId",
             array_agg(to_char(u."date", 'YYYY-MM-DD') ORDER BY u."date") AS "dates",
             array_agg(u."dau" ORDER BY u."date") AS "dau",
             array_agg(u."peakGroups" ORDER BY u."date") AS "peakGroups",
             array_agg(u."mau" ORDER BY u."date") AS "mau",
             array_agg(u."pcc" ORDER BY u."date") AS "pcc",
             array_agg(u."barrageDomesticMbps"::text ORDER BY u."date") AS "domestic",
             array_agg(u."barrageIntlMbps"::text ORDER BY u."date") AS "intl"
        FROM "UsageDaily" u JOIN "App" p ON p."sdkAppId" = u."sdkAppId"
       WHERE p."accountId" = ANY($1::int[])
         AND u."date" BETWEEN '2026-10-01' AND '2026-10-31'
       GROUP BY u."sdkAppId"`, [chunk]);
}
console.log('raw array_agg', performance.now() - t);
t = performance.now();
for (let i = 0; i < ids.length; i += 500) {
  const chunk = ids.slice(i, i + 500);
  await client.query(`SELECT u."sdkAppId"::text AS id,
             string_agg(concat_ws(',', u."date" - DATE '2026-10-01', u."dau", u."peakGroups", u."mau", u."pcc", u."barrageDomesticMbps", u."barrageIntlMbps"), ';') AS d
        FROM "UsageDaily" u JOIN "App" p ON p."sdkAppId" = u."sdkAppId"
       WHERE p."accountId" = ANY($1::int[])
         AND u."date" BETWEEN '2026-10-01' AND '2026-10-31'
       GROUP BY u."sdkAppId"`, [chunk]);
}
console.log('raw string_agg', performance.now() - t);
t = performance.now();
const r = await client.query(`SELECT u."sdkAppId"::text AS id,
             string_agg(concat_ws(',', u."date" - DATE '2026-10-01', u."dau", u."peakGroups", u."mau", u."pcc", u."barrageDomesticMbps", u."barrageIntlMbps"), ';') AS d
        FROM "UsageDaily" u 
       WHERE u."date" BETWEEN '2026-10-01' AND '2026-10-31'
       GROUP BY u."sdkAppId"`);
console.log('one pass string_agg', performance.now() - t, r.rowCount);
t = performance.now();
const r2 = await client.query(`SELECT "sdkAppId", count(*)::int AS days, max("dau") AS dau, max("peakGroups") AS groups, max("mau") AS mau,
            sum("barrageDomesticMbps")::text AS dom, sum("barrageIntlMbps")::text AS intl
       FROM "UsageDaily" WHERE "date" BETWEEN '2026-10-01' AND '2026-10-31' GROUP BY "sdkAppId"`);
console.log('floor agg', performance.now() - t, r2.rowCount);
t = performance.now();
const r3 = await client.query(`SELECT "sdkAppId", "date", "dau", "peakGroups", "mau", "pcc", "barrageDomesticMbps", "barrageIntlMbps"
       FROM "UsageDaily" WHERE "date" BETWEEN '2026-10-01' AND '2026-10-31' ORDER BY "sdkAppId", "date"`);
console.log('plain rows', performance.now() - t, r3.rowCount);
await client.end();

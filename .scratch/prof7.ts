import pg from 'pg';
const client = new pg.Client({ connectionString: 'postgresql://postgres:postgres@127.0.0.1:5432/im_billing_bench' });
await client.connect();
const time = async (label: string, f: () => Promise<unknown>) => { const t = performance.now(); const r = await f(); console.log(label, Math.round(performance.now() - t), 'ms'); return r; };
const ENC = `string_agg(concat_ws(',', u."date" - DATE '2026-10-01', u."dau", u."peakGroups", u."mau", u."pcc", u."barrageDomesticMbps", u."barrageIntlMbps"), ';' ORDER BY u."date")`;
await time('floor agg', () => client.query(`SELECT "sdkAppId", count(*)::int AS days, max("dau") AS dau, max("peakGroups") AS groups, max("mau") AS mau, sum("barrageDomesticMbps")::text AS dom, sum("barrageIntlMbps")::text AS intl FROM "UsageDaily" WHERE "date" BETWEEN '2026-10-01' AND '2026-10-31' GROUP BY "sdkAppId"`));
await time('one pass by app (strings)', () => client.query(`SELECT u."sdkAppId"::text, ${ENC} FROM "UsageDaily" u WHERE u."date" BETWEEN '2026-10-01' AND '2026-10-31' GROUP BY u."sdkAppId"`));
await client.query('BEGIN');
await client.query(`SET LOCAL work_mem = '256MB'`);
await time('sorted by account (cursor fetch all)', async () => {
  await client.query(`DECLARE c NO SCROLL CURSOR FOR SELECT p."accountId", u."sdkAppId"::text, ${ENC} FROM "UsageDaily" u JOIN "App" p ON p."sdkAppId" = u."sdkAppId" WHERE u."date" BETWEEN '2026-10-01' AND '2026-10-31' GROUP BY p."accountId", u."sdkAppId" ORDER BY p."accountId"`);
  let n = 0; for (;;) { const r = await client.query('FETCH 5000 FROM c'); n += r.rowCount ?? 0; if (!r.rowCount) break; }
  return n;
});
await client.query('COMMIT');
console.log((await client.query(`EXPLAIN SELECT p."accountId", u."sdkAppId"::text, ${ENC} FROM "UsageDaily" u JOIN "App" p ON p."sdkAppId" = u."sdkAppId" WHERE u."date" BETWEEN '2026-10-01' AND '2026-10-31' GROUP BY p."accountId", u."sdkAppId" ORDER BY p."accountId"`)).rows.map((r) => r['QUERY PLAN']).join('\n'));
await client.end();

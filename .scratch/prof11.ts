import pg from 'pg';
const client = new pg.Client({ connectionString: 'postgresql://postgres:postgres@127.0.0.1:5432/im_billing_bench' });
await client.connect();
const ids = (await client.query('SELECT id FROM "Account" ORDER BY id')).rows.map((r) => r.id);
const SQL = `
WITH "usage" AS MATERIALIZED (
  SELECT u."sdkAppId", string_agg(ROW(u."date" - $2::date, u."dau", u."peakGroups", u."mau", u."pcc", u."barrageDomesticMbps", u."barrageIntlMbps")::text, ';') AS "usage"
    FROM "UsageDaily" u WHERE u."date" BETWEEN $2::date AND $3::date GROUP BY u."sdkAppId")
SELECT a."id" AS "accountId", a."scheme"::text AS "scheme", to_char(t."executedOn", 'YYYY-MM-DD') AS "executedOn",
       to_char(t."effectiveOn", 'YYYY-MM-DD') AS "effectiveOn", t."editions", p."sdkAppId"::text AS "sdkAppId", ev."events", us."usage"
  FROM "Account" a
  LEFT JOIN "MigrationTicket" t ON t."accountId" = a."id" AND t."status" = 'EXECUTED'
  LEFT JOIN "App" p ON p."accountId" = a."id"
  LEFT JOIN "usage" us ON us."sdkAppId" = p."sdkAppId"
  LEFT JOIN LATERAL (
    SELECT string_agg(ROW(to_char(e."date", 'YYYY-MM-DD'), e."type", e."edition", e."addon", e."action", e."retentionDays")::text, ';' ORDER BY e."date", e."id") AS "events"
      FROM "PlanEvent" e WHERE e."sdkAppId" = p."sdkAppId") ev ON TRUE
 WHERE a."id" = ANY($1::int[])
 ORDER BY a."id", p."sdkAppId"`;
for (const wm of ['4MB', '256MB']) {
  await client.query('BEGIN');
  await client.query(`SET LOCAL work_mem = '${wm}'`);
  let t = performance.now();
  await client.query(`DECLARE c NO SCROLL CURSOR FOR ${SQL}`, [ids, '2026-10-01', '2026-10-31']);
  let n = 0, first = 0;
  for (;;) { const r = await client.query('FETCH 4000 FROM c'); if (!first) first = performance.now() - t; n += r.rowCount ?? 0; if (!r.rowCount) break; }
  console.log(wm, 'first fetch', Math.round(first), 'total', Math.round(performance.now() - t), n);
  await client.query('COMMIT');
}
let t = performance.now();
await client.query(`SELECT u."sdkAppId", string_agg(ROW(u."date" - '2026-10-01'::date, u."dau", u."peakGroups", u."mau", u."pcc", u."barrageDomesticMbps", u."barrageIntlMbps")::text, ';') AS "usage" FROM "UsageDaily" u WHERE u."date" BETWEEN '2026-10-01' AND '2026-10-31' GROUP BY u."sdkAppId"`);
console.log('transfer floor', Math.round(performance.now() - t));
t = performance.now();
await client.query(`SELECT "sdkAppId", count(*)::int AS days, max("dau") AS dau, max("peakGroups") AS groups, max("mau") AS mau, sum("barrageDomesticMbps")::text AS dom, sum("barrageIntlMbps")::text AS intl FROM "UsageDaily" WHERE "date" BETWEEN '2026-10-01' AND '2026-10-31' GROUP BY "sdkAppId"`);
console.log('agg floor', Math.round(performance.now() - t));
await client.end();

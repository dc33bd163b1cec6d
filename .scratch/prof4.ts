import { connect, setDatabase, db } from '../lib/db/client';
const database = connect({ url: 'postgresql://postgres:postgres@127.0.0.1:5432/im_billing_bench', poolSize: 4 });
setDatabase(database);
const ids = (await database.driver.query<{ id: number }>('SELECT id FROM "Account" ORDER BY id')).map((r) => r.id);
const sql = `SELECT u."sdkAppId"::text AS id,
             string_agg(concat_ws(',', u."date" - DATE '2026-10-01', u."dau", u."peakGroups", u."mau", u."pcc", u."barrageDomesticMbps", u."barrageIntlMbps"), ';') AS d
        FROM "UsageDaily" u JOIN "App" p ON p."sdkAppId" = u."sdkAppId"
       WHERE p."accountId" = ANY($1::int[])
         AND u."date" BETWEEN '2026-10-01' AND '2026-10-31'
       GROUP BY u."sdkAppId"`;
let t = performance.now();
for (let i = 0; i < ids.length; i += 500) await db.$queryRawUnsafe(sql, ids.slice(i, i + 500));
console.log('prisma string_agg', performance.now() - t);
t = performance.now();
for (let i = 0; i < ids.length; i += 500) await database.driver.query(sql, [ids.slice(i, i + 500)]);
console.log('driver string_agg', performance.now() - t);
// write test: lines insert with big arrays
const n = 2000;
const arr = (f: (i: number) => unknown) => Array.from({ length: n }, (_, i) => f(i));
const params = [arr((i) => i), arr((i) => i), arr(() => '1400000001'), arr(() => 'PACKAGE'), arr(() => null), arr(() => null), arr(() => '2026-10-01'), arr(() => '2026-10-31'), arr(() => '1'), arr(() => '999'), arr(() => '999.00'), arr(() => 'some explanation text of moderate length, 25,310 on 2026-10-14 etc etc')];
const q = `SELECT count(*) FROM unnest($1::int[], $2::int[], $3::bigint[], $4::text[], $5::text[], $6::text[], $7::date[], $8::date[], $9::numeric[], $10::numeric[], $11::numeric[], $12::text[])`;
t = performance.now();
for (let k = 0; k < 5; k++) await db.$queryRawUnsafe(q, ...params);
console.log('prisma 5x2000 unnest params', performance.now() - t);
t = performance.now();
for (let k = 0; k < 5; k++) await database.driver.query(q, params);
console.log('driver 5x2000 unnest params', performance.now() - t);
process.exit(0);

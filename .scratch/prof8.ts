import { connect, setDatabase, db } from '../lib/db/client';
const database = connect({ url: 'postgresql://postgres:postgres@127.0.0.1:5432/im_billing_bench', poolSize: 4 });
setDatabase(database);
await database.driver.exec('TRUNCATE "InvoiceLine", "Invoice", "BillingRunFailure" CASCADE; ANALYZE "Invoice"; ANALYZE "InvoiceLine";');
const { loadAccountInputsWith, loadPriceBooks } = await import('../lib/rating/inputs');
const { rateAccounts, writeDrafts } = await import('../lib/billing-runs/drafts');
const { driverSql, driverTransaction } = await import('../lib/billing-runs/raw');
const ids = (await database.driver.query<{ id: number }>('SELECT id FROM "Account" ORDER BY id')).map((r) => r.id).slice(0, Number(process.argv[2] ?? 40000));
const books = await loadPriceBooks(db);
const read = driverSql();
let tLoad = 0, tRate = 0, tWrite = 0;
const w: Record<string, number> = {};
const q: Record<string, number> = {};
for (let i = 0; i < ids.length; i += 500) {
  const chunk = ids.slice(i, i + 500);
  let t = performance.now();
  const loaded = await loadAccountInputsWith(async (text, params) => { const s = performance.now(); const r = await read(text, params); const k = text.trim().slice(0, 40).replace(/\s+/g, ' '); q[k] = (q[k] ?? 0) + performance.now() - s; return r; }, { accountIds: chunk, usageFrom: '2026-10-01', usageTo: '2026-10-31' });
  tLoad += performance.now() - t; t = performance.now();
  const { rated } = rateAccounts(chunk, loaded, '2026-10', books);
  tRate += performance.now() - t; t = performance.now();
  await driverTransaction((sql) => writeDrafts(async (text, params) => { const s = performance.now(); const r = await sql(text, params); const k = text.trim().slice(0, 30); w[k] = (w[k] ?? 0) + performance.now() - s; return r as never; }, { month: '2026-10', billingRunId: null, accountIds: chunk, rated }));
  tWrite += performance.now() - t;
  if (i % 10000 === 0) console.log(i, Math.round(tLoad), Math.round(tRate), Math.round(tWrite));
}
console.log({ tLoad, tRate, tWrite, w, q, rss: process.memoryUsage().rss / 1e6 });
process.exit(0);

import { connect, setDatabase, db } from '../lib/db/client';
const database = connect({ url: 'postgresql://postgres:postgres@127.0.0.1:5432/im_billing_bench', poolSize: 4 });
setDatabase(database);
const { loadAccountInputs, loadPriceBooks } = await import('../lib/rating/inputs');
const { rateAccounts, writeDrafts } = await import('../lib/billing-runs/drafts');
const ids = (await database.driver.query<{ id: number }>('SELECT id FROM "Account" ORDER BY id')).map((r) => r.id);
const books = await loadPriceBooks(db);
let tLoad = 0, tRate = 0, tWrite = 0;
for (let i = 0; i < ids.length; i += 500) {
  const chunk = ids.slice(i, i + 500);
  let t = performance.now();
  const loaded = await loadAccountInputs(db, { accountIds: chunk, usageFrom: '2026-10-01', usageTo: '2026-10-31' });
  tLoad += performance.now() - t; t = performance.now();
  const { rated } = rateAccounts(chunk, loaded, '2026-10', books);
  tRate += performance.now() - t; t = performance.now();
  await db.$transaction((tx) => writeDrafts(tx, { month: '2026-10', billingRunId: null, accountIds: chunk, rated }), { timeout: 60000 });
  tWrite += performance.now() - t;
}
console.log({ tLoad, tRate, tWrite, rss: process.memoryUsage().rss / 1e6 });
process.exit(0);

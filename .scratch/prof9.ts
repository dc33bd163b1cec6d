import { connect, setDatabase, db } from '../lib/db/client';
const database = connect({ url: 'postgresql://postgres:postgres@127.0.0.1:5432/im_billing_bench', poolSize: 4 });
setDatabase(database);
await database.driver.exec('TRUNCATE "InvoiceLine", "Invoice", "BillingRunFailure" CASCADE;');
const { loadPriceBooks, assembleAccountInputs, INPUTS_SQL } = await import('../lib/rating/inputs');
const { rateAccounts, writeDrafts } = await import('../lib/billing-runs/drafts');
const { driverTransaction } = await import('../lib/billing-runs/raw');
const ids = (await database.driver.query<{ id: number }>('SELECT id FROM "Account" ORDER BY id')).map((r) => r.id);
const books = await loadPriceBooks(db);
const T: Record<string, number> = {};
const add = (k: string, t: number) => { T[k] = (T[k] ?? 0) + performance.now() - t; };
if (database.driver.kind !== 'postgres') throw new Error();
const client = await database.driver.pool.connect();
await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
let t = performance.now();
await client.query(`DECLARE c NO SCROLL CURSOR FOR ${INPUTS_SQL}`, [ids, '2026-10-01', '2026-10-31']);
add('declare', t);
const t0 = performance.now();
let rowsAll: any[] = [];
for (;;) {
  t = performance.now();
  const r = await client.query('FETCH 4000 FROM c');
  add('fetch', t);
  if (!r.rowCount) break;
  rowsAll = rowsAll.concat(r.rows);
  if (rowsAll.length >= 1250) {
    t = performance.now();
    const loaded = assembleAccountInputs(rowsAll, { usageFrom: '2026-10-01', usageTo: '2026-10-31' });
    add('assemble', t);
    const accountIds = [...loaded.keys()];
    t = performance.now();
    const { rated } = rateAccounts(accountIds, loaded, '2026-10', books);
    add('rate', t);
    t = performance.now();
    await driverTransaction((sql) => writeDrafts(sql, { month: '2026-10', billingRunId: null, accountIds, rated }));
    add('write', t);
    rowsAll = [];
  }
}
console.log('total', performance.now() - t0, T);
process.exit(0);

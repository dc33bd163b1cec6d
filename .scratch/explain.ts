import pg from 'pg';
import { INPUTS_SQL } from '../lib/rating/inputs';
const client = new pg.Client({ connectionString: 'postgresql://postgres:postgres@127.0.0.1:5432/im_billing_bench' });
await client.connect();
const ids = (await client.query('SELECT id FROM "Account" ORDER BY id')).rows.map((r) => r.id);
const r = await client.query(`EXPLAIN (ANALYZE, BUFFERS) ${INPUTS_SQL}`, [ids, '2026-10-01', '2026-10-31']);
console.log(r.rows.map((x) => x['QUERY PLAN']).join('\n'));
await client.end();

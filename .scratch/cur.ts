import pg from 'pg';
const client = new pg.Client({ connectionString: 'postgresql://postgres:postgres@127.0.0.1:5432/im_billing_bench' });
await client.connect();
await client.query('BEGIN');
await client.query('DECLARE c NO SCROLL CURSOR FOR SELECT id FROM "Account" WHERE id = ANY($1::int[]) ORDER BY id', [[1, 2, 3]]);
console.log((await client.query('FETCH 2 FROM c')).rows);
await client.query('COMMIT');
await client.end();

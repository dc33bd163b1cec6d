import { beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../../lib/api-keys/commands';
import { handleUsagePost, MAX_BODY_BYTES } from '../../lib/usage/api';
import { createAccount, createUser } from './billing-helpers';
import { useTestDatabase } from './db';

const getDb = useTestDatabase();
let secret: string;
let sdkAppId: bigint;

beforeAll(async () => {
  process.env.CONSOLE_TODAY = '2026-11-23';
  const db = getDb();
  const ops = await createUser(db, 'OPS');
  secret = (await db.prisma.$transaction((tx) => createApiKey(tx, ops, { name: 'limits' }))).secret;
  sdkAppId = (await createAccount(db, { scheme: 'CURRENT' })).apps[0]!;
});

/**
 * A chunked body (no Content-Length) of `total` bytes: a JSON array whose rows are padded with
 * spaces, so only its size is wrong. `pulled()` says how much of it the server asked for.
 */
function chunkedBody(total: number, chunk = 64 * 1024): { stream: ReadableStream<Uint8Array>; pulled: () => number } {
  const row = JSON.stringify({ sdkAppId: String(sdkAppId), date: '2026-11-20', mau: 10 });
  const head = new TextEncoder().encode(`[${row}`);
  let sent = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= total) {
        controller.enqueue(new TextEncoder().encode(']'));
        controller.close();
        return;
      }
      const bytes = sent === 0 ? head : new Uint8Array(Math.min(chunk, total - sent)).fill(0x20);
      sent += bytes.byteLength;
      controller.enqueue(bytes);
    },
  });
  return { stream, pulled: () => sent };
}

function postStream(stream: ReadableStream<Uint8Array>): Promise<Response> {
  return handleUsagePost(
    new Request('http://localhost/api/v1/usage', {
      method: 'POST',
      headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
      body: stream,
      duplex: 'half',
    } as RequestInit),
  );
}

describe('POST /api/v1/usage body limit', () => {
  it('answers 413 to a chunked body past the limit, and stops reading it there', async () => {
    const body = chunkedBody(MAX_BODY_BYTES * 3);
    const response = await postStream(body.stream);
    expect(response.status).toBe(413);
    const json = await response.json();
    expect(json.error).toMatchObject({ code: 'invalid', field: 'body' });
    expect(json.error.message).toMatch(/too large; at most 8,388,608 bytes \(8 MiB\)/);
    // Read up to the limit and at most one chunk beyond it, never the whole 24 MiB.
    expect(body.pulled()).toBeLessThanOrEqual(MAX_BODY_BYTES + 2 * 64 * 1024);
  });

  it('takes a chunked body under the limit', async () => {
    const body = chunkedBody(MAX_BODY_BYTES - 1024);
    const response = await postStream(body.stream);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ ok: true, rows: 1 });
  });

  it('refuses a declared Content-Length past the limit without reading', async () => {
    const body = chunkedBody(1024);
    const request = new Request('http://localhost/api/v1/usage', {
      method: 'POST',
      headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json', 'content-length': String(MAX_BODY_BYTES + 1) },
      body: body.stream,
      duplex: 'half',
    } as RequestInit);
    const response = await handleUsagePost(request);
    expect(response.status).toBe(413);
  });
});

import { describe, expect, it } from 'vitest';
import { createApiKey, revokeApiKey } from '../../lib/api-keys/commands';
import { authenticateApiKey, listApiKeys } from '../../lib/api-keys/queries';
import { hashSecret } from '../../lib/api-keys/secret';
import { createUser } from './billing-helpers';
import { useTestDatabase } from './db';

const getDb = useTestDatabase();

describe('API keys', () => {
  it('shows the secret once, keeps only its hash and prefix, and authenticates with it', async () => {
    const { prisma } = getDb();
    const ops = await createUser(getDb(), 'OPS');
    const key = await prisma.$transaction((tx) => createApiKey(tx, ops, { name: 'collector' }));
    expect(key.secret).toMatch(/^imk_[A-Za-z0-9_-]{43}$/);
    expect(key.prefix).toBe(key.secret.slice(0, 12));
    const stored = await prisma.apiKey.findUniqueOrThrow({ where: { id: key.id } });
    expect(stored).toMatchObject({ name: 'collector', prefix: key.prefix, hash: hashSecret(key.secret), scope: 'USAGE_INGEST', createdById: ops.id, revokedAt: null });
    expect(JSON.stringify(stored)).not.toContain(key.secret);
    expect(await authenticateApiKey(`Bearer ${key.secret}`)).toEqual({ id: key.id, prefix: key.prefix, name: 'collector' });
    expect(await authenticateApiKey(`bearer  ${key.secret}  `)).not.toBeNull();
    expect(await authenticateApiKey(`Bearer ${key.secret}x`)).toBeNull();
    expect(await authenticateApiKey(key.secret)).toBeNull();
    expect(await authenticateApiKey(null)).toBeNull();
    const listed = await listApiKeys();
    expect(listed.find((k) => k.id === key.id)).toMatchObject({ prefix: key.prefix, createdBy: ops.email, revokedAt: null });
    expect(JSON.stringify(listed)).not.toContain(stored.hash);
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { action: 'apiKey.create', entityId: key.id } });
    expect(JSON.stringify(audit.after)).not.toContain(key.secret);
  });

  it('revokes at once and for good; the database keeps a revoked key revoked', async () => {
    const { prisma } = getDb();
    const ops = await createUser(getDb(), 'OPS');
    const key = await prisma.$transaction((tx) => createApiKey(tx, ops, { name: 'temporary' }));
    await prisma.$transaction((tx) => revokeApiKey(tx, ops, { id: key.id }));
    expect(await authenticateApiKey(`Bearer ${key.secret}`)).toBeNull();
    await expect(prisma.$transaction((tx) => revokeApiKey(tx, ops, { id: key.id }))).rejects.toThrow(/already revoked/);
    await expect(prisma.$transaction((tx) => revokeApiKey(tx, ops, { id: '00000000-0000-4000-8000-000000000000' }))).rejects.toThrow(/no such API key/);
    await expect(prisma.apiKey.update({ where: { id: key.id }, data: { revokedAt: null } })).rejects.toThrow(/stays revoked/);
    await expect(prisma.apiKey.update({ where: { id: key.id }, data: { hash: 'f'.repeat(64) } })).rejects.toThrow(/can never change/);
    await expect(prisma.apiKey.delete({ where: { id: key.id } })).rejects.toThrow(/never deleted/);
    expect(await prisma.auditLog.count({ where: { action: 'apiKey.revoke', entityId: key.id } })).toBe(1);
  });

  it('refuses a key without a name', async () => {
    const { prisma } = getDb();
    await expect(prisma.apiKey.create({ data: { name: '  ', prefix: 'imk_abcdefgh', hash: 'a'.repeat(64) } })).rejects.toThrow(/ApiKey_shape|violates/);
  });
});

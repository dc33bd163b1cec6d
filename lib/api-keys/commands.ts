import 'server-only';
import type { Tx } from '../db/client';
import type { Actor } from '../auth/guard';
import { auditActor, writeAudit } from '../db/audit';
import { DomainError } from '../errors';
import type { CreateApiKeyInput, RevokeApiKeyInput } from './schemas';
import { generateSecret } from './secret';

export type CreatedApiKey = { id: string; name: string; prefix: string; secret: string };

/** Creates an ingestion key. The secret is returned once; only its sha256 is stored. */
export async function createApiKey(tx: Tx, actor: Actor, input: CreateApiKeyInput): Promise<CreatedApiKey> {
  const { secret, prefix, hash } = generateSecret();
  const key = await tx.apiKey.create({
    data: { name: input.name, prefix, hash, scope: 'USAGE_INGEST', createdById: actor.id },
    select: { id: true, name: true, prefix: true, scope: true, createdAt: true },
  });
  await writeAudit(tx, auditActor(actor), {
    action: 'apiKey.create',
    entityType: 'ApiKey',
    entityId: key.id,
    after: { name: key.name, prefix: key.prefix, scope: key.scope },
  });
  return { id: key.id, name: key.name, prefix: key.prefix, secret };
}

/** Revokes a key at once: the next request made with it gets 401. */
export async function revokeApiKey(tx: Tx, actor: Actor, input: RevokeApiKeyInput): Promise<void> {
  const key = await tx.apiKey.findUnique({ where: { id: input.id }, select: { id: true, name: true, prefix: true, revokedAt: true } });
  if (!key) throw new DomainError('not_found', 'error.apiKey.notFound', { field: 'id' });
  if (key.revokedAt) throw new DomainError('conflict', 'error.apiKey.alreadyRevoked', { params: { prefix: key.prefix }, field: 'id' });
  const revoked = await tx.apiKey.update({ where: { id: key.id }, data: { revokedAt: new Date() }, select: { revokedAt: true } });
  await writeAudit(tx, auditActor(actor), {
    action: 'apiKey.revoke',
    entityType: 'ApiKey',
    entityId: key.id,
    before: { name: key.name, prefix: key.prefix, revokedAt: null },
    after: { revokedAt: revoked.revokedAt },
  });
}

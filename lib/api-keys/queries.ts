import 'server-only';
import { db } from '../db/client';
import { bearerSecret, hashSecret } from './secret';

export type ApiKeyRow = {
  id: string;
  name: string;
  prefix: string;
  scope: string;
  createdBy: string | null;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
};

export async function listApiKeys(): Promise<ApiKeyRow[]> {
  const keys = await db.apiKey.findMany({
    orderBy: [{ revokedAt: { sort: 'desc', nulls: 'first' } }, { createdAt: 'desc' }],
    include: { createdBy: { select: { email: true } } },
    take: 500,
  });
  return keys.map((k) => ({
    id: k.id,
    name: k.name,
    prefix: k.prefix,
    scope: k.scope,
    createdBy: k.createdBy?.email ?? null,
    createdAt: k.createdAt.toISOString(),
    lastUsedAt: k.lastUsedAt?.toISOString() ?? null,
    revokedAt: k.revokedAt?.toISOString() ?? null,
  }));
}

export type ApiKeyPrincipal = { id: string; prefix: string; name: string };

/**
 * The key an `Authorization: Bearer …` header names, if it exists, is not revoked and may ingest
 * usage; null otherwise (the caller answers 401 without saying which).
 */
export async function authenticateApiKey(authorization: string | null | undefined): Promise<ApiKeyPrincipal | null> {
  const secret = bearerSecret(authorization);
  if (!secret) return null;
  const key = await db.apiKey.findUnique({
    where: { hash: hashSecret(secret) },
    select: { id: true, prefix: true, name: true, scope: true, revokedAt: true },
  });
  if (!key || key.revokedAt || key.scope !== 'USAGE_INGEST') return null;
  return { id: key.id, prefix: key.prefix, name: key.name };
}

import 'server-only';
import type { Prisma } from '../generated/prisma/client';
import type { Tx } from './client';

export type AuditActor = { id: string | null; label: string };

export type AuditEntry = {
  action: string;
  entityType: string;
  entityId: string | number | bigint;
  accountId?: number | null;
  before?: unknown;
  after?: unknown;
};

/** Plain JSON for the audit columns: bigint -> string, Decimal/Date -> their string forms. */
function toJson(value: unknown): Prisma.InputJsonValue | undefined {
  if (value === undefined) return undefined;
  return JSON.parse(
    JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)),
  ) as Prisma.InputJsonValue;
}

/** Appends one audit entry inside the caller's transaction: it commits or rolls back with the change. */
export async function writeAudit(tx: Tx, actor: AuditActor, entry: AuditEntry): Promise<void> {
  await tx.auditLog.create({
    data: {
      actorId: actor.id,
      actorLabel: actor.label,
      action: entry.action,
      entityType: entry.entityType,
      entityId: String(entry.entityId),
      accountId: entry.accountId ?? null,
      before: toJson(entry.before),
      after: toJson(entry.after),
    },
  });
}

/** A signed-in user as the audit log names them; a system actor (`system:calendar`) as it is. */
export function auditActor(user: { id: string; email: string } | AuditActor): AuditActor {
  return 'label' in user ? user : { id: user.id, label: user.email };
}

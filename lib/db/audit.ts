import 'server-only';
import type { Sql } from './sql';
import type { Tx } from './client';

export type AuditActor = { id: string | null; label: string };

export type AuditEntry = {
  action: string;
  entityType: string;
  entityId: string | number | bigint;
  accountId?: number | null;
  before?: unknown;
  after?: unknown;
  /** When it happened; default: now (the seed dates its entry in the demo's calendar). */
  at?: Date;
};

/** Plain JSON for the audit columns: bigint -> string, Decimal/Date -> their string forms. */
function json(value: unknown): string | null {
  if (value === undefined) return null;
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
}

/**
 * The one audit writer: the INSERT of audit entries as a statement and its parameters, numbered
 * from `$${first}`. Every path writes audit rows through it, to run alone (writeAuditSql,
 * writeAudit) or as the last part of a larger statement (the billing run's chunk).
 */
export function auditInsert(actor: AuditActor, entries: readonly AuditEntry[], first = 1): { text: string; params: unknown[] } {
  const $ = (k: number) => `$${first + k}`;
  return {
    text: `INSERT INTO "AuditLog" ("at", "actorId", "actorLabel", "action", "entityType", "entityId", "accountId", "before", "after")
     SELECT COALESCE(u."at", CURRENT_TIMESTAMP), ${$(0)}::uuid, ${$(1)}, u."action", u."entityType", u."entityId", u."accountId", u."before"::jsonb, u."after"::jsonb
       FROM unnest(${$(2)}::text[], ${$(3)}::text[], ${$(4)}::text[], ${$(5)}::int[], ${$(6)}::text[], ${$(7)}::text[], ${$(8)}::timestamptz[]) WITH ORDINALITY
            AS u("action", "entityType", "entityId", "accountId", "before", "after", "at", "ord")
      ORDER BY u."ord"`,
    params: [
      actor.id,
      actor.label,
      entries.map((e) => e.action),
      entries.map((e) => e.entityType),
      entries.map((e) => String(e.entityId)),
      entries.map((e) => e.accountId ?? null),
      entries.map((e) => json(e.before)),
      entries.map((e) => json(e.after)),
      entries.map((e) => e.at?.toISOString() ?? null),
    ],
  };
}

/** Audit entries written through an Sql executor: they commit or roll back with the change. */
export async function writeAuditSql(sql: Sql, actor: AuditActor, entries: readonly AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const { text, params } = auditInsert(actor, entries);
  await sql(text, params);
}

/** Appends one audit entry inside the caller's Prisma transaction: the same statement as writeAuditSql. */
export async function writeAudit(tx: Pick<Tx, '$queryRawUnsafe'>, actor: AuditActor, entry: AuditEntry): Promise<void> {
  const { text, params } = auditInsert(actor, [entry]);
  await tx.$queryRawUnsafe(text, ...params);
}

/** A signed-in user as the audit log names them; a system actor (`system:calendar`) as it is. */
export function auditActor(user: { id: string; email: string } | AuditActor): AuditActor {
  return 'label' in user ? user : { id: user.id, label: user.email };
}

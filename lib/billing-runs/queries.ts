import 'server-only';
import { db } from '../db/client';
import { Prisma } from '../generated/prisma/client';
import type { BillingRunSummary } from './commands';
import { stallSeconds } from './progress';
import type { RunSortKey, RunsSearch } from './schemas';

export type BillingRunRow = BillingRunSummary & {
  startedBy: string;
  startedAt: string;
  heartbeatAt: string;
  finishedAt: string | null;
  /** RUNNING without progress for three shard leases: no worker is taking its shards. */
  stale: boolean;
  shards: number;
  shardsDone: number;
  /** A shard was taken again after a worker stopped. */
  resumed: boolean;
};

const ORDER_BY: Record<RunSortKey, Prisma.Sql> = {
  startedAt: Prisma.sql`r."startedAt"`,
  month: Prisma.sql`r."month"`,
  status: Prisma.sql`r."status"`,
};

type RawRun = Omit<BillingRunRow, 'startedAt' | 'heartbeatAt' | 'finishedAt' | 'startedBy'> & {
  startedAt: Date;
  heartbeatAt: Date;
  finishedAt: Date | null;
  startedBy: string | null;
};

function toRow(r: RawRun): BillingRunRow {
  return {
    ...r,
    startedBy: r.startedBy ?? 'system',
    startedAt: r.startedAt.toISOString(),
    heartbeatAt: r.heartbeatAt.toISOString(),
    finishedAt: r.finishedAt?.toISOString() ?? null,
  };
}

const COLUMNS = Prisma.sql`
  r."id", r."month", r."status"::text AS "status", r."totalAccounts", r."doneAccounts", r."failedAccounts", r."skippedAccounts",
  r."invoiceCount", r."error", u."email" AS "startedBy", r."startedAt", r."heartbeatAt", r."finishedAt",
  (r."status" = 'RUNNING' AND greatest(r."heartbeatAt", s."lastStart") < now() - make_interval(secs => ${stallSeconds()})) AS "stale",
  COALESCE(s."shards", 0) AS "shards", COALESCE(s."shardsDone", 0) AS "shardsDone", COALESCE(s."resumed", false) AS "resumed"`;
const SHARDS = Prisma.sql`LEFT JOIN LATERAL (
    SELECT count(*)::int AS "shards", (count(*) FILTER (WHERE x."state" = 'DONE'))::int AS "shardsDone",
           bool_or(x."attempt" > 1) AS "resumed", max(x."startedAt") AS "lastStart"
      FROM "BillingRunShard" x WHERE x."runId" = r."id") s ON TRUE`;

export async function listBillingRuns(search: RunsSearch): Promise<{ rows: BillingRunRow[]; rowCount: number; pageCount: number }> {
  const conditions: Prisma.Sql[] = [Prisma.sql`TRUE`];
  if (search.month) conditions.push(Prisma.sql`r."month" = ${search.month}`);
  if (search.status) conditions.push(Prisma.sql`r."status" = ${search.status}::"BillingRunStatus"`);
  const where = Prisma.sql`WHERE ${Prisma.join(conditions, ' AND ')}`;
  const direction = search.sort.desc ? Prisma.sql`DESC` : Prisma.sql`ASC`;
  const [rows, counted] = await Promise.all([
    db.$queryRaw<RawRun[]>`
      SELECT ${COLUMNS} FROM "BillingRun" r LEFT JOIN "User" u ON u."id" = r."startedById" ${SHARDS} ${where}
       ORDER BY ${ORDER_BY[search.sort.id]} ${direction}, r."id" ${direction}
       LIMIT ${search.perPage} OFFSET ${(search.page - 1) * search.perPage}`,
    db.$queryRaw<{ count: number }[]>`SELECT count(*)::int AS "count" FROM "BillingRun" r ${where}`,
  ]);
  const rowCount = counted[0]?.count ?? 0;
  return { rows: rows.map(toRow), rowCount, pageCount: Math.max(1, Math.ceil(rowCount / search.perPage)) };
}

export async function getBillingRun(id: number): Promise<BillingRunRow | null> {
  const [row] = await db.$queryRaw<RawRun[]>`
    SELECT ${COLUMNS} FROM "BillingRun" r LEFT JOIN "User" u ON u."id" = r."startedById" ${SHARDS} WHERE r."id" = ${id}`;
  return row ? toRow(row) : null;
}

export type RunFailureRow = { id: number; accountId: number; accountName: string | null; message: string };

/** The run's failures with their reasons (the first 500; the count is on the run). */
export async function listRunFailures(runId: number, limit = 500): Promise<RunFailureRow[]> {
  return db.$queryRaw<RunFailureRow[]>`
    SELECT f."id", f."accountId", a."name" AS "accountName", f."message"
      FROM "BillingRunFailure" f LEFT JOIN "Account" a ON a."id" = f."accountId"
     WHERE f."runId" = ${runId} ORDER BY f."id" LIMIT ${limit}`;
}

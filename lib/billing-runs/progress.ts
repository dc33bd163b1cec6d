import 'server-only';
import type { Tx } from '../db/client';
import { shardLeaseSeconds } from '../jobs/boss';

/**
 * Where a RUNNING run stands, from its shards: how many are done, whether a worker stopped and
 * another resumed one, and whether no worker has made progress for longer than a lease (then
 * it waits for a worker: none is running, or none can reach the database).
 */
export type RunProgress = {
  id: number;
  month: string;
  shards: number;
  shardsDone: number;
  resumed: boolean;
  stalled: boolean;
  lastProgressAt: Date;
};

/** Progress without a lease's worth of silence: three leases, so a slow shard is not "stalled". */
export function stallSeconds(): number {
  return shardLeaseSeconds() * 3;
}

export async function runningRunProgress(tx: Pick<Tx, '$queryRawUnsafe'>, month: string): Promise<RunProgress | null> {
  const [row] = await tx.$queryRawUnsafe<RunProgress[]>(
    `SELECT r."id", r."month", count(s."id")::int AS "shards", (count(s."id") FILTER (WHERE s."state" = 'DONE'))::int AS "shardsDone",
            COALESCE(bool_or(s."attempt" > 1), false) AS "resumed",
            (greatest(r."heartbeatAt", max(s."startedAt")) < now() - make_interval(secs => $2::int)) AS "stalled",
            greatest(r."heartbeatAt", max(s."startedAt")) AS "lastProgressAt"
       FROM "BillingRun" r LEFT JOIN "BillingRunShard" s ON s."runId" = r."id"
      WHERE r."month" = $1 AND r."status" = 'RUNNING'
      GROUP BY r."id"`,
    month,
    stallSeconds(),
  );
  return row ?? null;
}


import { randomInt, randomUUID } from 'node:crypto';
import bcrypt from 'bcryptjs';
import { CURRENCY, RETENTION_TIERS } from '../../lib/billing/catalog';
import { billingDay } from '../../lib/clock';
import type { Tx } from '../../lib/db/client';
import {
  Prisma,
  type Account,
  type AddonAction,
  type AddonCode,
  type App,
  type DataCenter,
  type Edition,
  type PlanEvent,
  type Role,
  type Scheme,
  type UsageSource,
  type User,
} from '../../lib/generated/prisma/client';

/**
 * Small factories for integration and end-to-end tests: each writes one valid row (valid under
 * the schema's CHECKs and triggers) with sensible defaults, and unique ids and emails so tests
 * can share a database. Pass a PrismaClient or a transaction client.
 *
 * A LEGACY account must have created an app before 2022-12-26; createApp
 * defaults an app's creation to one hour after its account's, so `createAccount({ scheme:
 * 'LEGACY' })` followed by `createApp({ accountId })` is a consistent legacy customer.
 */

export type FactoryDb = Tx;

/** A `YYYY-MM-DD` calendar date as Prisma writes `@db.Date` columns (UTC midnight). */
export function dateColumn(date: string): Date {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new RangeError(`not a date (YYYY-MM-DD): ${date}`);
  return new Date(`${date}T00:00:00.000Z`);
}

const uniqueTag = () => randomUUID().slice(0, 8);

// Factory SDKAppIDs live far from the seed's (1400000001 upwards): a random block per process,
// then consecutive, so parallel test processes sharing one database do not collide.
let nextSdkAppId = 2_000_000_000 + randomInt(0, 7_000_000) * 1_000;

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';
}

export interface CreateUserInput {
  role?: Role;
  email?: string;
  name?: string;
  /** Plain password; hashed with bcrypt (cost 10) like real users. */
  password?: string;
  /** Required for CUSTOMER (a CURRENT account is created when absent); ignored for staff. */
  accountId?: number;
}

export const FACTORY_PASSWORD = 'factory-password-1';

export async function createUser(db: FactoryDb, input: CreateUserInput = {}): Promise<User & { password: string }> {
  const role = input.role ?? 'OPS';
  const password = input.password ?? FACTORY_PASSWORD;
  const tag = uniqueTag();
  let accountId: number | null = null;
  if (role === 'CUSTOMER') accountId = input.accountId ?? (await createAccount(db, { scheme: 'CURRENT' })).id;
  const user = await db.user.create({
    data: {
      email: input.email ?? `${role.toLowerCase().replace('_', '-')}-${tag}@factory.test`,
      name: input.name ?? `Factory ${role.toLowerCase()} ${tag}`,
      passwordHash: await bcrypt.hash(password, 10),
      role,
      accountId,
    },
  });
  return { ...user, password };
}

export interface CreateAccountInput {
  scheme?: Scheme;
  name?: string;
  contactEmail?: string;
  /** Default: 2021-06-01 10:00 +08 (LEGACY, before the close) or 2024-01-10 10:00 +08 (CURRENT). */
  createdAt?: Date;
  /** CURRENT only; default: the creation day in the billing calendar. */
  currentFrom?: string;
  managerId?: string | null;
}

export async function createAccount(db: FactoryDb, input: CreateAccountInput = {}): Promise<Account> {
  const scheme = input.scheme ?? 'CURRENT';
  const createdAt =
    input.createdAt ?? new Date(scheme === 'LEGACY' ? '2021-06-01T10:00:00+08:00' : '2024-01-10T10:00:00+08:00');
  const tag = uniqueTag();
  return db.account.create({
    data: {
      name: input.name ?? `Factory ${scheme === 'LEGACY' ? 'Legacy' : 'Current'} ${tag}`,
      contactEmail: input.contactEmail ?? `billing-${tag}@factory.example`,
      scheme,
      currency: CURRENCY[scheme],
      currentFrom: scheme === 'CURRENT' ? dateColumn(input.currentFrom ?? billingDay(createdAt)) : null,
      managerId: input.managerId ?? null,
      createdAt,
    },
  });
}

export interface CreateAppInput {
  accountId: number;
  sdkAppId?: number | bigint;
  name?: string;
  dataCenter?: DataCenter;
  /** Default: one hour after the account's creation. */
  createdAt?: Date;
  trtcEnabled?: boolean;
}

export async function createApp(db: FactoryDb, input: CreateAppInput): Promise<App> {
  let createdAt = input.createdAt;
  if (!createdAt) {
    const account = await db.account.findUniqueOrThrow({ where: { id: input.accountId }, select: { createdAt: true } });
    createdAt = new Date(account.createdAt.getTime() + 3_600_000);
  }
  for (let attempt = 0; ; attempt++) {
    const sdkAppId = BigInt(input.sdkAppId ?? nextSdkAppId++);
    try {
      return await db.app.create({
        data: {
          sdkAppId,
          accountId: input.accountId,
          name: input.name ?? `Factory app ${sdkAppId}`,
          dataCenter: input.dataCenter ?? 'SINGAPORE',
          createdAt,
          trtcEnabled: input.trtcEnabled ?? false,
        },
      });
    } catch (error) {
      // Another process took this id: move on, unless the caller chose it.
      if (input.sdkAppId !== undefined || attempt >= 5 || !isUniqueViolation(error)) throw error;
    }
  }
}

type PlanEventCommon = {
  /** `YYYY-MM-DD`; default: the app's creation day in the billing calendar. */
  date?: string;
  actorId?: string | null;
};

/** One plan request without its app, e.g. a test's list of events to replay on a new app. */
export type PlanEventSpec =
  | (PlanEventCommon & { edition: Edition })
  | (PlanEventCommon & {
      addon: AddonCode;
      /** Default START. */
      action?: AddonAction;
      /** HISTORY_RETENTION starts only; default 90. */
      retentionDays?: number;
    });

export type AddPlanEventInput = PlanEventSpec & { sdkAppId: number | bigint };

/** Appends one request to the app's plan-event log (the scheme trigger still applies). */
export async function addPlanEvent(db: FactoryDb, input: AddPlanEventInput): Promise<PlanEvent> {
  const sdkAppId = BigInt(input.sdkAppId);
  let date = input.date;
  if (!date) {
    const app = await db.app.findUniqueOrThrow({ where: { sdkAppId }, select: { createdAt: true } });
    date = billingDay(app.createdAt);
  }
  const base = { sdkAppId, date: dateColumn(date), actorId: input.actorId ?? null };
  if ('edition' in input) {
    return db.planEvent.create({ data: { ...base, type: 'EDITION', edition: input.edition } });
  }
  const action = input.action ?? 'START';
  const retentionDays = input.addon === 'HISTORY_RETENTION' && action === 'START' ? (input.retentionDays ?? 90) : null;
  if (retentionDays !== null && !(RETENTION_TIERS as readonly number[]).includes(retentionDays)) {
    throw new RangeError(`retentionDays must be one of ${RETENTION_TIERS.join(', ')} (got ${retentionDays})`);
  }
  return db.planEvent.create({ data: { ...base, type: 'ADDON', addon: input.addon, action, retentionDays } });
}

export interface AddUsageInput {
  sdkAppId: number | bigint;
  /** `YYYY-MM-DD`. */
  date: string;
  dau?: number | null;
  peakGroups?: number | null;
  mau?: number | null;
  pcc?: number | null;
  /** Decimal strings (up to 3 decimals), e.g. '3.5'. */
  barrageDomesticMbps?: string | null;
  barrageIntlMbps?: string | null;
  source?: UsageSource;
  sentBy?: string;
}

/** Writes daily usage rows (one per app and day; a second row for the same day is refused). */
export async function addUsage(db: FactoryDb, rows: AddUsageInput | readonly AddUsageInput[]): Promise<number> {
  const list = Array.isArray(rows) ? rows : [rows as AddUsageInput];
  const result = await db.usageDaily.createMany({
    data: list.map((r) => ({
      sdkAppId: BigInt(r.sdkAppId),
      date: dateColumn(r.date),
      dau: r.dau ?? null,
      peakGroups: r.peakGroups ?? null,
      mau: r.mau ?? null,
      pcc: r.pcc ?? null,
      barrageDomesticMbps: r.barrageDomesticMbps ?? null,
      barrageIntlMbps: r.barrageIntlMbps ?? null,
      source: r.source ?? 'SEED',
      sentBy: r.sentBy ?? 'factory',
    })),
  });
  return result.count;
}

import type { PrismaClient } from '../../lib/generated/prisma/client';
import { addPlanEvent, addUsage, createAccount, createApp, createUser } from './factories';

/** The end-to-end phone journeys' own customers: one account per language, so they run in any order. */
export const PHONE_CUSTOMERS = {
  en: { email: 'phone-en@e2e.test', password: 'phone-e2e-2026', account: 'Pocket Arcade' },
  zh: { email: 'phone-zh@e2e.test', password: 'phone-e2e-2026', account: '掌上游戏' },
} as const;

/**
 * The money journey's own customer: a current-scheme account with one Pro app since 2026-07-01,
 * whose July 2026 no other journey bills (its invoice is one Pro package, 699.00 USD).
 */
export const MONEY_CUSTOMER = { email: 'money@e2e.test', password: 'money-e2e-2026', account: 'Ledger Labs' } as const;

/**
 * Adds the phone journeys' accounts (legacy, managed by am@demo.test): a Professional app with
 * this month's usage over its DAU quota and a Trial app. Idempotent: an existing customer is kept.
 */
export async function addE2eFixtures(prisma: PrismaClient, today: string): Promise<void> {
  const manager = await prisma.user.findUnique({ where: { email: 'am@demo.test' }, select: { id: true } });
  for (const fixture of Object.values(PHONE_CUSTOMERS)) {
    if (await prisma.user.findUnique({ where: { email: fixture.email } })) continue;
    const account = await createAccount(prisma, { scheme: 'LEGACY', name: fixture.account, managerId: manager?.id ?? null });
    const pro = await createApp(prisma, { accountId: account.id, name: `${fixture.account} Live`, dataCenter: 'CHINA' });
    await addPlanEvent(prisma, { sdkAppId: pro.sdkAppId, edition: 'PROFESSIONAL', date: '2026-10-15' });
    await createApp(prisma, { accountId: account.id, name: `${fixture.account} Lab`, dataCenter: 'SINGAPORE' });
    const month = today.slice(0, 8);
    const days = Number(today.slice(8)) - 1;
    await addUsage(
      prisma,
      Array.from({ length: days }, (_, i) => ({
        sdkAppId: pro.sdkAppId,
        date: `${month}${String(i + 1).padStart(2, '0')}`,
        dau: 8_000 + ((i * 733) % 6_000),
        peakGroups: 60_000 + ((i * 3_100) % 50_000),
        barrageDomesticMbps: String((1 + (i % 5) * 0.75).toFixed(2)),
        barrageIntlMbps: i % 3 === 0 ? '0.5' : '0',
      })),
    );
    await createUser(prisma, { role: 'CUSTOMER', email: fixture.email, password: fixture.password, name: `${fixture.account} owner`, accountId: account.id });
  }
  if (!(await prisma.user.findUnique({ where: { email: MONEY_CUSTOMER.email } }))) {
    const account = await createAccount(prisma, { scheme: 'CURRENT', name: MONEY_CUSTOMER.account, managerId: manager?.id ?? null });
    const app = await createApp(prisma, { accountId: account.id, name: `${MONEY_CUSTOMER.account} Chat`, dataCenter: 'SINGAPORE' });
    await addPlanEvent(prisma, { sdkAppId: app.sdkAppId, edition: 'PRO', date: '2026-07-01' });
    await createUser(prisma, { role: 'CUSTOMER', email: MONEY_CUSTOMER.email, password: MONEY_CUSTOMER.password, name: `${MONEY_CUSTOMER.account} owner`, accountId: account.id });
  }
}

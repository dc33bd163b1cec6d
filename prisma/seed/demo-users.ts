/**
 * The demo sign-ins the seed creates, as data: the README lists them and the end-to-end tests
 * sign in with them. Plain data only (no Prisma, no Node APIs), so any test runner can import it.
 *
 * The demo accounts are fixed: the seed always writes them first, so their ids are the same for
 * every --accounts / --seed / --today (1, 2 and 3 on a fresh or --reset database).
 */

export type DemoRole = 'OPS' | 'ACCOUNT_MANAGER' | 'CUSTOMER';

export interface DemoAccount {
  id: number;
  name: string;
  scheme: 'LEGACY' | 'CURRENT';
  /** What the demo shows with it. */
  about: string;
}

export const DEMO_ACCOUNTS = {
  /** customer@demo.test: legacy, paid apps with add-ons, usage over the free quotas. */
  legacyCustomer: {
    id: 1,
    name: 'Lumen Games',
    scheme: 'LEGACY',
    about: 'Legacy (CNY): a Flagship app over its DAU and peak-group quotas with add-ons, a Professional app, a Trial app',
  },
  /** customer2@demo.test: current, Standard and Pro apps, broadcast push applications. */
  currentCustomer: {
    id: 2,
    name: 'Brightwave Health',
    scheme: 'CURRENT',
    about: 'Current (USD): Pro apps (broadcast push approved / pending), a Standard app over its MAU quota, a Developer app',
  },
  /** Holds the OPEN migration ticket; managed by am@demo.test; no customer sign-in. */
  migrationTicket: {
    id: 3,
    name: '星河互娱',
    scheme: 'LEGACY',
    about: 'Legacy (CNY) with an OPEN migration ticket (TKT-YYYY-1107) handled by am@demo.test',
  },
} as const satisfies Record<string, DemoAccount>;

export interface DemoUser {
  email: string;
  password: string;
  role: DemoRole;
  name: string;
  /** The customer's own account; null for staff. */
  accountId: number | null;
  /** What this sign-in shows in the demo. */
  about: string;
}

export const DEMO_USERS = [
  {
    email: 'ops@demo.test',
    password: 'ops-demo-2026',
    role: 'OPS',
    name: 'Mei Lin (Ops)',
    accountId: null,
    about: 'Ops staff: every account, catalog, usage, billing runs, approvals',
  },
  {
    email: 'am@demo.test',
    password: 'am-demo-2026',
    role: 'ACCOUNT_MANAGER',
    name: 'Chen Jie (Account manager)',
    accountId: null,
    about: 'Manages about half of the accounts, the three demo accounts and the open migration ticket included',
  },
  {
    email: 'am2@demo.test',
    password: 'am2-demo-2026',
    role: 'ACCOUNT_MANAGER',
    name: 'Daniel Park (Account manager)',
    accountId: null,
    about: 'Manages about a third of the accounts, none of the demo accounts',
  },
  {
    email: 'customer@demo.test',
    password: 'customer-demo-2026',
    role: 'CUSTOMER',
    name: 'Zhou Lei (Lumen Games)',
    accountId: DEMO_ACCOUNTS.legacyCustomer.id,
    about: DEMO_ACCOUNTS.legacyCustomer.about,
  },
  {
    email: 'customer2@demo.test',
    password: 'customer2-demo-2026',
    role: 'CUSTOMER',
    name: 'Sarah Kim (Brightwave Health)',
    accountId: DEMO_ACCOUNTS.currentCustomer.id,
    about: DEMO_ACCOUNTS.currentCustomer.about,
  },
] as const satisfies readonly DemoUser[];

export type DemoUserEmail = (typeof DEMO_USERS)[number]['email'];

export function demoUser(email: DemoUserEmail): DemoUser {
  const user = DEMO_USERS.find((u) => u.email === email);
  if (!user) throw new Error(`no demo user ${email}`);
  return user;
}

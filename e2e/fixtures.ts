import { mkdirSync } from 'node:fs';
import { expect, type Page } from '@playwright/test';
import { DEMO_USERS } from '../prisma/seed/demo-users';

export const SCREENSHOTS = 'e2e/screenshots';

type DemoUser = (typeof DEMO_USERS)[number];

export function demoUser(email: string): DemoUser {
  const user = DEMO_USERS.find((u) => u.email === email);
  if (!user) throw new Error(`no demo user ${email}`);
  return user;
}

/** Signs in through the real form, as a person would. */
export async function signIn(page: Page, email: string, password: string = demoUser(email).password): Promise<void> {
  // Wait for hydration: a form submitted before React attaches would post natively.
  await page.goto('/signin', { waitUntil: 'networkidle' });
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('whoami')).toContainText(email, { timeout: 60_000 });
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: `${SCREENSHOTS}/${name}.png`, fullPage: true });
}

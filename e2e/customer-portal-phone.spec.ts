import { expect, test, type Page } from '@playwright/test';
import { MESSAGES, type Locale } from '../lib/i18n/messages';
import { DEMO_ACCOUNTS, demoUser } from '../prisma/seed/demo-users';
import { PHONE_CUSTOMERS } from '../prisma/seed/e2e-fixtures';
import { screenshot } from './fixtures';

const PHONE = { width: 390, height: 844 };
test.use({ viewport: PHONE });

/** The page itself never scrolls sideways: tables scroll inside themselves, dialogs fit. */
async function expectFitsPhone(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  const { scrollWidth, width, culprits } = await page.evaluate(() => {
    const width = window.innerWidth;
    // The deepest elements sticking out of the screen that no scroll container holds, to name in the failure.
    const sticksOut = (el: Element) => el.getBoundingClientRect().right > width + 0.5;
    const scrolled = (el: Element) => {
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) if (getComputedStyle(p).overflowX !== 'visible') return true;
      return false;
    };
    const culprits = Array.from(document.body.querySelectorAll('*'))
      .filter((el) => sticksOut(el) && !scrolled(el) && !Array.from(el.children).some((c) => sticksOut(c) && !scrolled(c)))
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}.${String(el.getAttribute('class') ?? '').slice(0, 80)} (${Math.round(el.getBoundingClientRect().right)}px)`);
    return { scrollWidth: document.documentElement.scrollWidth, width, culprits };
  });
  expect(scrollWidth, `${page.url()} is ${scrollWidth}px wide on a ${width}px screen: ${culprits.join('; ')}`).toBeLessThanOrEqual(width);
}

async function signInAs(page: Page, locale: Locale, email: string, password: string): Promise<void> {
  const m = MESSAGES[locale];
  await page.goto('/signin', { waitUntil: 'networkidle' });
  await page.getByLabel(m['signin.email']).fill(email);
  await page.getByLabel(m['signin.password']).fill(password);
  await page.getByRole('button', { name: m['signin.submit'] }).click();
  await expect(page.getByTestId('whoami')).toContainText(email, { timeout: 60_000 });
}

async function signOut(page: Page, locale: Locale): Promise<void> {
  await page.getByRole('button', { name: MESSAGES[locale]['nav.signOut'] }).click();
  await expect(page).toHaveURL(/\/signin/);
}

/** Opens the phone menu and follows one of its links. */
async function menuTo(page: Page, locale: Locale, label: string): Promise<void> {
  const m = MESSAGES[locale];
  await page.getByRole('button', { name: m['nav.menu'] }).click();
  await page.locator('#mobile-nav').getByRole('link', { name: label, exact: true }).click();
}

test('[CUSTOMER][PHONE]: every portal page fits a 390-pixel phone, menu and bell included', async ({ page }) => {
  test.setTimeout(180_000);
  const customer = demoUser('customer@demo.test');
  await signInAs(page, 'en', customer.email, customer.password);
  await expect(page).toHaveURL(/\/portal$/);
  await expectFitsPhone(page);
  await screenshot(page, 'phone-portal-home');

  await page.getByRole('button', { name: 'Menu' }).click();
  await expect(page.locator('#mobile-nav')).toBeVisible();
  await screenshot(page, 'phone-portal-menu');
  await page.locator('#mobile-nav').getByRole('link', { name: 'This month', exact: true }).click();
  await expect(page).toHaveURL(/\/portal\/month$/);
  await expect(page.locator('#mobile-nav')).toHaveCount(0);
  await expect(page.getByTestId('month-estimate-total')).toContainText('¥');
  await expect(page.getByTestId('usage-chart').first()).toBeVisible();
  await expectFitsPhone(page);
  await screenshot(page, 'phone-portal-month');

  await menuTo(page, 'en', 'Bills');
  await expect(page).toHaveURL(/\/portal\/invoices$/);
  // The demo seed's past bills: a newcomer sees them at once.
  const bill = page.getByRole('link', { name: /INV-2026-\d{6}/ }).first();
  await expect(bill).toBeVisible();
  await expectFitsPhone(page);
  await screenshot(page, 'phone-portal-bills');
  await bill.click();
  await expect(page).toHaveURL(/\/portal\/invoices\/\d+$/);
  await expectFitsPhone(page);
  await screenshot(page, 'phone-portal-bill');

  await menuTo(page, 'en', 'Migration');
  await expect(page).toHaveURL(/\/portal\/migration$/);
  await expectFitsPhone(page);
  await screenshot(page, 'phone-portal-migration');

  await menuTo(page, 'en', 'My account');
  const appLink = page.locator('a[href^="/portal/apps/"]').first();
  await appLink.click();
  await expect(page).toHaveURL(/\/portal\/apps\/\d{10}$/);
  await expect(page.getByTestId('app-plan-panel')).toBeVisible();
  await expectFitsPhone(page);
  await screenshot(page, 'phone-portal-app');

  await page.getByTestId('notification-bell').click();
  await expect(page.getByRole('region', { name: 'Notifications' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Notifications' })).toContainText(/Invoice INV-2026-\d{6} for 2026-0\d was issued/);
  await expectFitsPhone(page);
  await screenshot(page, 'phone-portal-notifications');
});

test('[OPS][PHONE]: the console\'s main pages fit a 390-pixel phone', async ({ page }) => {
  test.setTimeout(180_000);
  const ops = demoUser('ops@demo.test');
  await signInAs(page, 'en', ops.email, ops.password);
  for (const [path, name] of [
    ['/accounts', 'accounts'],
    [`/accounts/${DEMO_ACCOUNTS.legacyCustomer.id}`, 'account'],
    ['/invoices', 'invoices'],
    ['/billing-runs', 'billing-runs'],
    ['/usage', 'usage'],
    ['/migrations', 'migrations'],
    ['/catalog', 'catalog'],
    ['/audit', 'audit'],
    ['/api-keys', 'api-keys'],
  ] as const) {
    await page.goto(path);
    await expectFitsPhone(page);
    await screenshot(page, `phone-console-${name}`);
  }
});

for (const locale of ['en', 'zh'] as const) {
  const m = MESSAGES[locale];
  const me = PHONE_CUSTOMERS[locale];

  test.describe(`in ${locale === 'en' ? 'English' : 'Chinese'}`, () => {
    test.use({ locale: locale === 'en' ? 'en-US' : 'zh-CN' });

    test(`[CUSTOMER][PHONE][${locale.toUpperCase()}]: a customer reads this month's estimate, starts a trial, upgrades after the confirmation and asks for migration; the account manager sees the ticket`, async ({ page }) => {
      test.setTimeout(240_000);
      await signInAs(page, locale, me.email, me.password);
      await expect(page).toHaveURL(/\/portal$/);

      // This month: the estimate, labelled as one, with its lines and explanations.
      await menuTo(page, locale, m['nav.month']);
      await expect(page.getByText(m['month.estimate.label'], { exact: true })).toBeVisible();
      await expect(page.getByTestId('month-estimate-total')).toContainText('¥');
      await expect(page.getByTestId('estimate-line').first()).toBeVisible();
      await expect(page.getByTestId('line-explain').first()).not.toBeEmpty();
      await expectFitsPhone(page);
      await screenshot(page, `phone-journey-${locale}-month`);

      // A free trial on the Trial app.
      await menuTo(page, locale, m['nav.home']);
      await page.getByRole('row', { name: new RegExp(`${me.account} Lab`) }).getByRole('link').click();
      await page.getByRole('button', { name: m['trial.portal.start'] }).click();
      const trialDialog = page.getByRole('dialog');
      await expect(trialDialog).toBeVisible();
      await expectFitsPhone(page);
      await screenshot(page, `phone-journey-${locale}-trial-confirm`);
      await trialDialog.getByRole('button', { name: m['trial.portal.confirm'] }).click();
      // The grant is listed as the customer's own (never a staff name).
      const grants = page.getByRole('table', { name: m['trial.title'] });
      await expect(grants).toContainText(m['trial.active']);
      await expect(grants).toContainText(m['portal.who.you']);
      await screenshot(page, `phone-journey-${locale}-trial-started`);

      // Professional -> Flagship, after reading the engine's confirmation.
      await menuTo(page, locale, m['nav.home']);
      await page.getByRole('row', { name: new RegExp(`${me.account} Live`) }).getByRole('link').click();
      await page.getByLabel(m['plan.edition.new']).selectOption('FLAGSHIP');
      await page.getByRole('button', { name: m['plan.review'] }).click();
      const confirm = page.getByRole('dialog', { name: m['plan.confirm.title'] });
      await expect(confirm).toBeVisible();
      await expect(confirm).toContainText('¥');
      await expectFitsPhone(page);
      await screenshot(page, `phone-journey-${locale}-upgrade-confirm`);
      await confirm.getByRole('button', { name: m['plan.confirm.submit'] }).click();
      await expect(page.getByText(m['plan.done'].replace(/\{date\}.*$/, '').trim(), { exact: false })).toBeVisible();
      await screenshot(page, `phone-journey-${locale}-upgraded`);

      // Ask for migration; the ticket shows as the customer's own.
      await menuTo(page, locale, m['nav.migration']);
      await page.getByLabel(m['migration.portal.wish']).fill(locale === 'en' ? 'Move us next month; the Live app to Pro.' : '下月迁移；Live 应用改为进阶版。');
      await page.getByRole('button', { name: m['migration.portal.submit'] }).click();
      const ticket = page.getByTestId('customer-ticket');
      await expect(ticket).toContainText(m['migration.portal.statusText.OPEN']);
      await expect(ticket).toContainText(m['portal.who.you']);
      await expect(page.getByTestId('notification-count')).toBeVisible();
      await expectFitsPhone(page);
      await screenshot(page, `phone-journey-${locale}-migration-ticket`);
      await signOut(page, locale);

      // The account manager finds the ticket.
      const am = demoUser('am@demo.test');
      await signInAs(page, locale, am.email, am.password);
      await page.goto('/migrations');
      const row = page.getByRole('row', { name: new RegExp(me.account) });
      await expect(row).toHaveCount(1);
      await expectFitsPhone(page);
      await screenshot(page, `phone-journey-${locale}-manager-tickets`);
      await row.getByRole('link').first().click();
      await expect(page.getByText(locale === 'en' ? 'Move us next month; the Live app to Pro.' : '下月迁移；Live 应用改为进阶版。')).toBeVisible();
      await screenshot(page, `phone-journey-${locale}-manager-ticket`);
    });
  });
}

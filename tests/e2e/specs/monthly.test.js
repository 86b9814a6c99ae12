// Monthly counts (1A) with JavaScript disabled: an admin creates an IHK account; the IHK user
// sees the reminder tile for missing months, enters the oldest month (first with a KMU figure
// above the total, then through the review page); the admin closes it and the IHK user can no
// longer change it. axe on every page.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';

import { startServer, createAdmin } from '../lib/server.js';
import { launch, newNoJsPage, checkA11y, assertAllVisitedChecked, go } from '../lib/browser.js';
import { completeSetup } from '../lib/accounts.js';
import { firstLogin } from '../lib/login.js';

const PASSWORD = 'Browser-Test-Passwort-42';

/** `JJJJ-MM` of the month `back` months before the current one in Europe/Berlin (as the app). */
function monthsAgo(back) {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin', year: 'numeric', month: 'numeric' })
    .formatToParts(new Date());
  const year = Number(parts.find((p) => p.type === 'year').value);
  const month = Number(parts.find((p) => p.type === 'month').value) - 1 - back;
  const d = new Date(Date.UTC(year, month, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

describe('monthly counts (JavaScript off)', () => {
  let server;
  let browser;

  before(async () => {
    // Months are due from two months ago: at least one past month is missing.
    server = await startServer({ env: { HIH_MONTHLY_COUNTS_START: monthsAgo(2) } });
    browser = await launch();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('reminder → entry with review → admin closes the month', async () => {
    await createAdmin(server, { username: 'team', email: 'team@example.org', password: PASSWORD });
    const admin = await newNoJsPage(browser);
    await firstLogin(admin, server.baseUrl, { username: 'team', password: PASSWORD }, checkA11y);

    // An IHK account for IHK Erfurt, activated; its setup link comes from the outbox.
    await admin.goto(new URL('/benutzer/neu', server.baseUrl).href);
    await checkA11y(admin, 'new user form');
    await admin.selectOption('#salutation', 'herr');
    await admin.fill('#first_name', 'Jörg');
    await admin.fill('#last_name', 'Thüringer');
    await admin.fill('#position', 'Projektkoordination');
    await admin.fill('#email', 'joerg@ihk-erfurt.example');
    await admin.fill('#phone', '+49 361 3484-0');
    await admin.fill('#username', 'j.thueringer');
    await admin.selectOption('#institution_id', { label: 'IHK Erfurt' });
    await admin.selectOption('#role', 'ihk_staff');
    await go(admin, admin.locator('button[value=review]'));
    assert.match(admin.url(), /\/benutzer\/neu\/pruefen$/, await admin.locator('main').innerText());
    await checkA11y(admin, 'new user review');
    await go(admin, admin.locator('button[value=save]'));
    await checkA11y(admin, 'new user detail');
    await go(admin, admin.locator('a[href$="/aktion/aktivieren"]'));
    await checkA11y(admin, 'activate confirmation');
    await go(admin, admin.locator('button[type=submit]').filter({ hasText: 'Ja, freischalten' }));
    await checkA11y(admin, 'activated user');
    await admin.goto(new URL('/admin/postausgang', server.baseUrl).href);
    await checkA11y(admin, 'outbox');
    await go(admin, admin.locator('tbody a.kern-link').first());
    await checkA11y(admin, 'setup mail');
    const link = (await admin.locator('#mail-body').innerText()).match(/\/konto\/einrichten\/\S+/);
    assert.ok(link, 'setup link in the mail');

    const ihk = await newNoJsPage(browser);
    await completeSetup(ihk, server.baseUrl, link[0], PASSWORD, checkA11y);
    const tile = ihk.locator('main a.kern-link', { hasText: /Monatszahlen für .+ fehlen/ });
    assert.equal(await tile.count(), 1, 'reminder tile on the start page');
    await checkA11y(ihk, 'start page with reminder');

    // The tile opens the oldest missing month; first with a wrong KMU figure.
    await go(ihk, tile);
    assert.match(ihk.url(), new RegExp(`/monatszahlen/\\d+/${monthsAgo(2)}/bearbeiten$`));
    await checkA11y(ihk, 'monthly form');
    await ihk.fill('#addressed_telefon', '3');
    await ihk.fill('#kmu_telefon', '5');
    await ihk.fill('#addressed_veranstaltung', '12');
    await ihk.fill('#kmu_veranstaltung', '9');
    await go(ihk, ihk.locator('button[value=review]'));
    assert.match(await ihk.locator('#error-summary').innerText(), /nicht mehr KMU/);
    assert.equal(await ihk.locator('#kmu_telefon').getAttribute('aria-invalid'), 'true');
    assert.equal(await ihk.inputValue('#addressed_veranstaltung'), '12', 'input kept');
    await checkA11y(ihk, 'monthly form with errors');
    await ihk.fill('#kmu_telefon', '2');
    await go(ihk, ihk.locator('button[value=review]'));
    assert.match(ihk.url(), /\/bearbeiten\/pruefen$/);
    assert.match(await ihk.locator('#monthly-figures tfoot').innerText(), /15\s+11/);
    await checkA11y(ihk, 'monthly review');
    await go(ihk, ihk.locator('button[value=save]'));
    assert.match(await ihk.locator('#month-status').innerText(), /offen/);
    await checkA11y(ihk, 'monthly detail');
    // Cancelling another month asks first.
    await ihk.goto(new URL('/monatszahlen/neu', server.baseUrl).href);
    await checkA11y(ihk, 'choose a month');
    await go(ihk, ihk.locator('form button[type=submit]').filter({ hasText: 'Weiter zur Erfassung' }));
    assert.match(ihk.url(), new RegExp(`/${monthsAgo(1)}/bearbeiten$`), 'last month by default');
    await checkA11y(ihk, 'monthly form of last month');
    await go(ihk, ihk.locator('button[value=cancel]'));
    await checkA11y(ihk, 'cancel confirmation');
    await go(ihk, ihk.locator('main form button[type=submit]').first());
    assert.match(ihk.url(), /\/monatszahlen$/);
    await checkA11y(ihk, 'monthly list (IHK)');

    // The admin closes the month.
    await admin.goto(new URL('/monatszahlen?status=offen', server.baseUrl).href);
    await checkA11y(admin, 'monthly list (admin, open months)');
    await go(admin, admin.locator('tbody a.kern-link').first());
    await go(admin, admin.locator('a[href$="/aktion/abschliessen"]'));
    await checkA11y(admin, 'close confirmation');
    await go(admin, admin.locator('button[type=submit]').filter({ hasText: 'Ja, abschließen' }));
    assert.match(await admin.locator('#month-status').innerText(), /abgeschlossen/);
    await checkA11y(admin, 'closed month (admin)');

    // Read-only for the IHK user now.
    await ihk.goto(new URL('/monatszahlen?status=abgeschlossen', server.baseUrl).href);
    await checkA11y(ihk, 'monthly list (IHK, closed months)');
    await go(ihk, ihk.locator('tbody a.kern-link').first());
    assert.match(await ihk.locator('main').innerText(), /Dieser Monat ist abgeschlossen/);
    assert.equal(await ihk.locator('a[href$="/bearbeiten"]').count(), 0, 'no edit link');
    await checkA11y(ihk, 'closed month (IHK)');
    assertAllVisitedChecked(admin);
    assertAllVisitedChecked(ihk);
    await admin.context().close();
    await ihk.context().close();
  });
});

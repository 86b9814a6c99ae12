// The retention status page with JavaScript disabled (R-RET-1, R-GEN-3): the admin enters an
// applicant and deactivates it; the data-protection officer opens "Aufbewahrung und
// Löschfristen" and sees the deactivated applicant with its deletion date (today + 90 days),
// the next log purge on 1 January and that no programme end is set. axe at 1280 and 320 px,
// and the page does not scroll sideways at 320 px.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';

import { startServer, createAdmin } from '../lib/server.js';
import { launch, newNoJsPage, checkA11y, assertAllVisitedChecked, setScriptingEnabled, go } from '../lib/browser.js';
import { accountSetupLink, completeSetup } from '../lib/accounts.js';
import { firstLogin } from '../lib/login.js';

const PASSWORD = 'Browser-Test-Passwort-42';
const PAGE = '/protokoll/aufbewahrung';

/** Evaluates `fn` in the page with scripting on for just that moment. */
async function measure(page, fn) {
  await setScriptingEnabled(page, true);
  try {
    return await page.evaluate(fn);
  } finally {
    await setScriptingEnabled(page, false);
  }
}

/** A date as TT.MM.JJJJ in Europe/Berlin. */
function dateDe(ms) {
  return new Intl.DateTimeFormat('de-DE', {
    timeZone: 'Europe/Berlin', day: '2-digit', month: '2-digit', year: 'numeric',
  }).format(new Date(ms));
}

/** The year in Europe/Berlin. */
function berlinYear(ms) {
  return Number(new Intl.DateTimeFormat('de-DE', { timeZone: 'Europe/Berlin', year: 'numeric' }).format(new Date(ms)));
}

describe('retention status (JavaScript off)', () => {
  let server;
  let browser;

  before(async () => {
    server = await startServer();
    browser = await launch();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('the dpo sees what is deleted when', async () => {
    await createAdmin(server, { username: 'leitung', email: 'leitung@example.org', password: PASSWORD });
    const admin = await newNoJsPage(browser);
    await firstLogin(admin, server.baseUrl, { username: 'leitung', password: PASSWORD }, checkA11y);
    const dpoLink = await accountSetupLink(admin, server.baseUrl, {
      first: 'Dana', last: 'Schutz', email: 'dsb@dihk.example', username: 'd.schutz',
      institution: 'HiH-Projektteam', role: 'dpo', position: 'Datenschutz', phone: '+49 30 20308',
    });

    // An applicant, entered and deactivated by the admin.
    await admin.goto(new URL('/bewerber/neu', server.baseUrl).href);
    await admin.selectOption('#salutation', 'herr');
    await admin.fill('#first_names', 'Văn Minh');
    await admin.fill('#last_name', 'Lê');
    await admin.fill('#birth_date', '1997-02-03');
    await admin.selectOption('#country', 'VN');
    await admin.selectOption('#status', 'bewerber');
    await go(admin, admin.locator('button[value=review]'));
    assert.match(admin.url(), /\/bewerber\/neu\/pruefen$/, await admin.locator('main').innerText());
    await go(admin, admin.locator('button[value=save]'));
    assert.match(await admin.locator('#applicant-id').innerText(), /HIH-VN-0001/);
    await go(admin, admin.locator('a[href$="/aktion/deaktivieren"]'));
    await go(admin, admin.locator('button[type=submit]').filter({ hasText: 'Ja, deaktivieren' }));
    const deactivatedAt = Date.now();

    // The dpo: activate the account.
    const dpo = await newNoJsPage(browser);
    await completeSetup(dpo, server.baseUrl, dpoLink, PASSWORD, checkA11y, 'dpo ');
    await checkA11y(dpo, 'dpo start page');

    // The retention status at 1280 px.
    await dpo.setViewportSize({ width: 1280, height: 900 });
    await dpo.goto(new URL(PAGE, server.baseUrl).href);
    assert.equal(await dpo.locator('h1').innerText(), 'Aufbewahrung und Löschfristen');
    assert.equal(await dpo.locator('#retention-applicants').innerText(), '1');
    assert.equal(await dpo.locator('#retention-companies').innerText(), '0');
    const rows = dpo.locator('#retention-deletions tbody tr');
    assert.equal(await rows.count(), 1);
    assert.equal(await rows.first().locator('th').innerText(), 'Bewerber/innen');
    assert.equal(await rows.first().locator('td').first().innerText(), dateDe(deactivatedAt + 90 * 86_400_000));
    assert.equal(await rows.first().locator('td').nth(1).innerText(), '1');
    assert.equal(await dpo.locator('#retention-next-date').innerText(), `01.01.${berlinYear(Date.now()) + 1}`);
    assert.match(await dpo.locator('#retention-anchor').innerText(), /noch keine Einträge/);
    assert.match(await dpo.locator('#retention-programme-end').innerText(), /kein Programmende festgelegt/);
    assert.match(await dpo.locator('#retention-notifications').innerText(), /nach 90 Tagen/);
    await checkA11y(dpo, 'retention status at 1280 px');

    // The same page at 320 px: axe again, and no sideways scrolling.
    await dpo.setViewportSize({ width: 320, height: 640 });
    await dpo.reload();
    const overflow = await measure(dpo, () => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `the retention status scrolls sideways by ${overflow}px at 320px`);
    await checkA11y(dpo, 'retention status at 320 px');

    // The admin sees the page too.
    await admin.goto(new URL(PAGE, server.baseUrl).href);
    assert.equal(await admin.locator('#retention-applicants').innerText(), '1');
    await checkA11y(admin, 'retention status as admin');

    assertAllVisitedChecked(dpo);
    for (const p of [dpo, admin]) await p.context().close();
  });
});

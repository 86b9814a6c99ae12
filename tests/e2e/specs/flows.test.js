// Form flows with JavaScript disabled (issue 19): an administrator walks the create and edit
// pages that gained a review and a cancel confirmation — an institution, a partner export
// profile, a contact entry on a company, a match, a UI text, an invitation — and the password
// change with its own confirmation page. Each flow: fill, review (values shown), back (input
// kept), cancel (asks; "no" keeps the input; "yes" discards it and leaves to the cancel
// target), then review and save (flash shown, record there). axe at 1280 and 320 px on the
// form, review and cancel confirmation pages, axe on every other page visited.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';

import { startServer, createAdmin } from '../lib/server.js';
import { launch, newNoJsPage, checkA11y, checkA11yAtBothWidths, assertAllVisitedChecked, go } from '../lib/browser.js';
import { firstLogin, login } from '../lib/login.js';

const PASSWORD = 'Browser-Test-Passwort-42';
const NEW_PASSWORD = 'Neues-Browser-Passwort-43';

/** The path of the page's address. */
function pathOf(page) {
  return new URL(page.url()).pathname;
}

/** The text of the page's main region. */
function mainText(page) {
  return page.locator('main').innerText();
}

/**
 * Walks one form flow from its form at `path` and ends on the page shown after saving.
 * @param {import('playwright-core').Page} page a logged-in admin's no-JS page
 * @param {string} baseUrl
 * @param {{what: string, path: string, fill: (page: import('playwright-core').Page) => Promise<void>,
 *   kept: [string, string], marker: RegExp, cancelTarget: string, flash: RegExp}} flow
 *   `kept`: a field filled by `fill` and its value, checked after going back and declining;
 *   `marker`: text of the filled values shown on the review page
 * @param {number} [cancelTargetAxeMs] axe's time limit on the cancel target (a long list takes longer)
 */
async function walkFlow(page, baseUrl, { what, path, fill, kept: [field, value], marker, cancelTarget, flash }, cancelTargetAxeMs = 30_000) {
  await page.goto(new URL(path, baseUrl).href);
  assert.equal(pathOf(page), path, await mainText(page));
  await checkA11yAtBothWidths(page, `${what} form`);
  assert.equal(await page.locator('button[value=save]').count(), 0, `${what}: the form itself does not save`);

  // Review shows the values; back keeps the input.
  await fill(page);
  await go(page, page.locator('button[value=review]'));
  assert.equal(pathOf(page), `${path}/pruefen`, await mainText(page));
  assert.match(await mainText(page), marker, `${what} review shows the values`);
  await checkA11yAtBothWidths(page, `${what} review`);
  await go(page, page.locator('button[value=edit]'));
  assert.equal(pathOf(page), path);
  assert.equal(await page.inputValue(field), value, `${what}: input kept after going back`);

  // Cancel asks; "no" keeps the input.
  await go(page, page.locator('button[value=cancel]'));
  assert.equal(pathOf(page), `${path}/abbrechen`);
  assert.match(await mainText(page), /Möchten Sie die Bearbeitung abbrechen\?/);
  await checkA11yAtBothWidths(page, `${what} cancel confirmation`);
  await go(page, page.locator(`main a[href="${path}"]`));
  assert.equal(pathOf(page), path);
  assert.equal(await page.inputValue(field), value, `${what}: input kept after declining`);

  // "Yes" discards the input and leaves to the cancel target.
  await go(page, page.locator('button[value=cancel]'));
  await go(page, page.locator('main button[type=submit]').filter({ hasText: 'Ja, Eingaben verwerfen' }));
  assert.equal(pathOf(page), cancelTarget, `${what}: cancelling leaves to ${cancelTarget}`);
  await checkA11y(page, `${what} after cancelling`, { timeoutMs: cancelTargetAxeMs });
  await page.goto(new URL(path, baseUrl).href);
  assert.notEqual(await page.inputValue(field), value, `${what}: input discarded after cancelling`);

  // Review and save.
  await fill(page);
  await go(page, page.locator('button[value=review]'));
  assert.equal(pathOf(page), `${path}/pruefen`, await mainText(page));
  await go(page, page.locator('button[value=save]'));
  assert.match(await page.locator('main .kern-alert--success').innerText(), flash, `${what}: flash after saving`);
  await checkA11y(page, `${what} after saving`);
}

/** Opens `list` and checks that it shows `text`. */
async function listed(page, baseUrl, list, text, what) {
  await page.goto(new URL(list, baseUrl).href);
  assert.match(await mainText(page), text, `${what} in ${list}`);
  await checkA11y(page, `${what} list`);
}

describe('form flows (JavaScript off)', () => {
  let server;
  let browser;
  let page;

  before(async () => {
    server = await startServer();
    browser = await launch();
    await server.run(['demo-data', '--companies', '2', '--applicants', '2', '--seed', '7']);
    await createAdmin(server, { username: 'ablauf', email: 'ablauf@example.org', password: PASSWORD });
    page = await newNoJsPage(browser);
    await firstLogin(page, server.baseUrl, { username: 'ablauf', password: PASSWORD }, checkA11y);
  });

  after(async () => {
    await page?.context().close();
    await browser?.close();
    await server?.stop();
  });

  it('an institution', async () => {
    await walkFlow(page, server.baseUrl, {
      what: 'institution',
      path: '/institutionen/neu',
      fill: async (p) => {
        await p.fill('#name', 'Flussinstitut');
        await p.selectOption('#kind', 'team');
      },
      kept: ['#name', 'Flussinstitut'],
      marker: /Flussinstitut/,
      cancelTarget: '/institutionen',
      flash: /Die Änderungen wurden gespeichert\./,
    });
    await listed(page, server.baseUrl, '/institutionen', /Flussinstitut/, 'institution');
    assertAllVisitedChecked(page);
  });

  it('a partner export profile', async () => {
    await walkFlow(page, server.baseUrl, {
      what: 'partner export profile',
      path: '/partnerexporte/neu',
      fill: async (p) => {
        await p.fill('#name', 'Flussprofil');
        await p.selectOption('#partner_category', 'ba');
        await p.check('input[name=fields][value=last_name]');
        await p.selectOption('#without_consent', 'pseudonym');
        await p.selectOption('#format', 'xlsx');
      },
      kept: ['#name', 'Flussprofil'],
      marker: /Flussprofil/,
      cancelTarget: '/partnerexporte',
      flash: /Das Exportprofil wurde gespeichert\./,
    });
    await listed(page, server.baseUrl, '/partnerexporte', /Flussprofil/, 'partner export profile');
    assertAllVisitedChecked(page);
  });

  it('a contact entry on a company and a match', async () => {
    // A match needs an applicant who has not dropped out: take the first of the statuses that
    // can be matched which the demo data holds (the list's order does not decide).
    let found = false;
    for (const status of ['bewerber', 'zukuenftige_fachkraft', 'fachkraft', 'interessent']) {
      await page.goto(new URL(`/bewerber?status=${status}`, server.baseUrl).href);
      await checkA11y(page, `applicant list (${status})`);
      if ((await page.locator('tbody a.kern-link').count()) > 0) {
        found = true;
        break;
      }
    }
    assert.ok(found, 'the demo data holds an applicant who can be matched');
    await go(page, page.locator('tbody a.kern-link').first());
    await checkA11y(page, 'applicant');
    const code = (await page.locator('#applicant-id strong').innerText()).trim();
    assert.match(code, /^HIH-[A-Z]{2}-\d+$/);
    await page.goto(new URL('/unternehmen', server.baseUrl).href);
    await checkA11y(page, 'company list');
    await go(page, page.locator('tbody a.kern-link').first());
    const company = pathOf(page);
    await checkA11y(page, 'company');

    await walkFlow(page, server.baseUrl, {
      what: 'contact entry',
      path: `${company}/kontakte/neu`,
      fill: async (p) => {
        await p.fill('#contact_date', '2025-03-14');
        await p.selectOption('#contact_type', 'telefon');
        await p.selectOption('#topic', 'erstkontakt');
        await p.fill('#remarks', 'Telefonat Flussufer');
      },
      kept: ['#remarks', 'Telefonat Flussufer'],
      marker: /Telefonat Flussufer/,
      cancelTarget: `${company}/kontakte`,
      flash: /Der Eintrag wurde gespeichert\./,
    });
    await listed(page, server.baseUrl, `${company}/kontakte`, /Telefonat Flussufer/, 'contact entry');

    await walkFlow(page, server.baseUrl, {
      what: 'match',
      path: `${company}/vermittlungen/neu`,
      fill: async (p) => {
        await p.fill('#applicant_code', code);
        await p.fill('#placed_on', '2025-06-02');
        await p.selectOption('#status', 'vermittelt');
        await p.fill('#remarks', 'Probearbeit Flusshafen');
      },
      kept: ['#remarks', 'Probearbeit Flusshafen'],
      marker: /Probearbeit Flusshafen/,
      cancelTarget: `${company}/vermittlungen`,
      flash: /Die Vermittlung wurde gespeichert\./,
    });
    await listed(page, server.baseUrl, `${company}/vermittlungen`, new RegExp(code), 'match');
    assertAllVisitedChecked(page);
  });

  it('a UI text', async () => {
    await walkFlow(page, server.baseUrl, {
      what: 'UI text',
      path: '/admin/texte/de/admin-texts-intro',
      fill: (p) => p.fill('#value', 'Alle Texte am Flussufer.'),
      kept: ['#value', 'Alle Texte am Flussufer.'],
      marker: /Alle Texte am Flussufer\./,
      cancelTarget: '/admin/texte',
      flash: /Der Text wurde gespeichert\./,
    }, 180_000); // the cancel target lists every text
    await listed(page, server.baseUrl, '/admin/texte?q=admin-texts', /Alle Texte am Flussufer\./, 'UI text');
    assertAllVisitedChecked(page);
  });

  it('an invitation', async () => {
    await walkFlow(page, server.baseUrl, {
      what: 'invitation',
      path: '/bewerber/einladungen/neu',
      fill: async (p) => {
        await p.fill('#name', 'Lan Flussgast');
        await p.selectOption('#country', 'VN');
        await p.selectOption('#locale', 'de');
      },
      kept: ['#name', 'Lan Flussgast'],
      marker: /Lan Flussgast/,
      cancelTarget: '/bewerber/einladungen',
      flash: /Die Einladung wurde erstellt\./,
    });
    await listed(page, server.baseUrl, '/bewerber/einladungen', /Lan Flussgast/, 'invitation');
    assertAllVisitedChecked(page);
  });

  it('the password change through its confirmation page', async () => {
    await createAdmin(server, { username: 'kennwort', email: 'kennwort@example.org', password: PASSWORD });
    const own = await newNoJsPage(browser);
    const secret = await firstLogin(own, server.baseUrl, { username: 'kennwort', password: PASSWORD }, checkA11y);
    const fill = async () => {
      await own.fill('#current_password', PASSWORD);
      await own.fill('#password', NEW_PASSWORD);
      await own.fill('#password_repeat', NEW_PASSWORD);
      await go(own, own.locator('form[action="/passwort/aendern"] button[type=submit]'));
      assert.equal(pathOf(own), '/passwort/aendern/bestaetigen', await mainText(own));
    };

    await own.goto(new URL('/passwort/aendern', server.baseUrl).href);
    await checkA11yAtBothWidths(own, 'password change form');
    // Declining returns to the form and saves nothing.
    await fill();
    await checkA11yAtBothWidths(own, 'password change confirmation');
    await go(own, own.locator('button[value=back]'));
    assert.equal(pathOf(own), '/passwort/aendern');
    assert.equal(await own.locator('main .kern-alert--success').count(), 0, 'nothing saved after declining');
    await own.goto(new URL('/passwort/aendern/bestaetigen', server.baseUrl).href);
    assert.equal(pathOf(own), '/passwort/aendern', 'the declined change is gone');

    // Confirming saves it; the next login takes the new password.
    await fill();
    await go(own, own.locator('button[value=save]'));
    assert.equal(pathOf(own), '/');
    assert.match(await own.locator('main .kern-alert--success').innerText(), /Ihr Passwort wurde geändert\./);
    await checkA11y(own, 'start page after the password change');
    assertAllVisitedChecked(own);
    await own.context().close();

    const again = await newNoJsPage(browser);
    await login(again, server.baseUrl, { username: 'kennwort', password: PASSWORD, totpSecret: secret });
    assert.equal(pathOf(again), '/login', 'the old password no longer works');
    await login(again, server.baseUrl, { username: 'kennwort', password: NEW_PASSWORD, totpSecret: secret });
    assert.notEqual(pathOf(again), '/login', 'logged in with the new password');
    await again.context().close();
  });
});

// Browser tests of the foundation and the users feature against the real `hih` binary, with
// JavaScript disabled, and axe-core (WCAG 2.1 A/AA) on every page visited.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';

import { startServer, createAdmin } from '../lib/server.js';
import { launch, newNoJsPage, checkA11y, assertAllVisitedChecked, openUserMenu } from '../lib/browser.js';
import { login, enrolTotp, submitForm, firstLogin } from '../lib/login.js';

const PASSWORD = 'Browser-Test-Passwort-42';

describe('foundation (JavaScript off)', () => {
  /** @type {Awaited<ReturnType<typeof startServer>>} */
  let server;
  /** @type {import('playwright-core').Browser} */
  let browser;

  before(async () => {
    server = await startServer();
    browser = await launch();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('first start prints a setup link: password → TOTP → recovery codes → start page', async () => {
    const match = server.logs().match(/http:\/\/127\.0\.0\.1:\d+\/konto\/einrichten\/\S+/);
    assert.ok(match, `setup link printed on first start:\n${server.logs()}`);
    const page = await newNoJsPage(browser);
    await page.goto(match[0]);
    await checkA11y(page, 'setup link');
    // A password that breaks the policy: messages next to the field and in the summary.
    await page.fill('#password', 'kurz');
    await page.fill('#password_repeat', 'kurz');
    await submitForm(page, '#password');
    assert.match(await page.locator('#error-summary').innerText(), /mindestens 10 Zeichen/);
    assert.equal(await page.locator('#password').getAttribute('aria-invalid'), 'true');
    await checkA11y(page, 'setup link with errors');
    await page.fill('#password', PASSWORD);
    await page.fill('#password_repeat', PASSWORD);
    await submitForm(page, '#password');
    assert.match(page.url(), /\/login\/totp-einrichten$/);
    await checkA11y(page, 'TOTP enrolment');
    // R-GEN-1: the browser's back button lands on a real page, never on an expired POST result.
    await page.goBack();
    assert.match(await page.locator('h1').innerText(), /Link nicht gültig|Konto einrichten/);
    await checkA11y(page, 'setup link after use (back button)');
    await page.goForward();
    await enrolTotp(page);
    assert.match(page.url(), /\/login\/wiederherstellungscodes$/);
    assert.equal(await page.locator('#recovery-codes li').count(), 10);
    await checkA11y(page, 'recovery codes');
    await Promise.all([page.waitForEvent('load'), page.locator('main a.kern-btn').click()]);
    assert.equal(new URL(page.url()).pathname, '/');
    assert.match(await page.locator('h1').innerText(), /Startseite/);
    await checkA11y(page, 'start page');
    assertAllVisitedChecked(page);
    await page.context().close();
  });

  it('admin created on the command line logs in, edits a text, sees it, logs out', async () => {
    const out = await createAdmin(server, { username: 'e2e-admin', email: 'e2e-admin@example.org', password: PASSWORD });
    assert.match(out, /Administrator „e2e-admin“ angelegt/);
    const page = await newNoJsPage(browser);
    await page.goto(new URL('/login', server.baseUrl).href);
    await checkA11y(page, 'login');
    // Wrong password: one uniform message.
    await page.fill('#username', 'e2e-admin');
    await page.fill('#password', 'Falsch-Passwort-00');
    await submitForm(page, '#password');
    assert.match(await page.locator('main').innerText(), /Die Anmeldung ist fehlgeschlagen/);
    await checkA11y(page, 'login failed');
    await page.fill('#password', PASSWORD);
    await submitForm(page, '#password');
    assert.match(page.url(), /\/login\/totp-einrichten$/);
    const secret = await enrolTotp(page);
    await Promise.all([page.waitForEvent('load'), page.locator('main a.kern-btn').click()]);
    // Log out and in again with the enrolled secret (second factor step).
    await openUserMenu(page);
    await checkA11y(page, 'start page with the user menu open');
    await Promise.all([page.waitForEvent('load'), page.locator('form.logout button').click()]);
    assert.match(page.url(), /\/login$/);
    await checkA11y(page, 'logged out');
    await page.goto(new URL('/login', server.baseUrl).href);
    await page.fill('#username', 'e2e-admin');
    await page.fill('#password', PASSWORD);
    await submitForm(page, '#password');
    assert.match(page.url(), /\/login\/code$/);
    await checkA11y(page, 'second factor');
    await login(page, server.baseUrl, { username: 'e2e-admin', password: PASSWORD, totpSecret: secret });
    assert.equal(new URL(page.url()).pathname, '/');

    await page.goto(new URL('/admin/texte?q=startseite&locale=de', server.baseUrl).href);
    await checkA11y(page, 'texts list');
    await Promise.all([page.waitForEvent('load'), page.locator('a[href*="key=home-title"]').first().click()]);
    await checkA11y(page, 'text edit');
    await page.fill('#value', 'Übersicht für das Projektteam');
    await Promise.all([page.waitForEvent('load'), page.locator('button[value=review]').click()]);
    assert.match(await page.locator('#preview').innerText(), /Übersicht für das Projektteam/);
    await checkA11y(page, 'text preview');
    await Promise.all([page.waitForEvent('load'), page.locator('button[value=save]').click()]);
    await checkA11y(page, 'texts list after save');
    await page.goto(server.baseUrl + '/');
    assert.equal(await page.locator('h1').innerText(), 'Übersicht für das Projektteam');

    await page.goto(new URL('/admin/postausgang', server.baseUrl).href);
    await checkA11y(page, 'outbox');
    await page.goto(new URL('/gibt-es-nicht', server.baseUrl).href);
    await checkA11y(page, 'not found page');

    // Switch to English without JavaScript.
    await page.goto(server.baseUrl + '/');
    await openUserMenu(page);
    await Promise.all([page.waitForEvent('load'), page.locator('form.lang-switch button').click()]);
    assert.equal(await page.locator('html').getAttribute('lang'), 'en');
    await checkA11y(page, 'start page in English');
    assertAllVisitedChecked(page);
    await page.context().close();

    const verify = await server.run(['verify-audit']);
    assert.match(verify, /Audit-Protokoll intakt/);
  });

  it('a lockout shows in the admin\'s bell; the list marks everything read (R-NOT-1)', async () => {
    await createAdmin(server, { username: 'e2e-bell', email: 'e2e-bell@example.org', password: PASSWORD });
    await createAdmin(server, { username: 'e2e-locked', email: 'e2e-locked@example.org', password: PASSWORD });
    const page = await newNoJsPage(browser);
    await firstLogin(page, server.baseUrl, { username: 'e2e-bell', password: PASSWORD }, checkA11y);
    const bell = page.locator('header a.site-bell');
    assert.equal(await bell.locator('.site-bell__count').innerText(), '0 ungelesen');
    // Five wrong passwords lock the other account; every active admin is told.
    const intruder = await newNoJsPage(browser);
    for (let i = 0; i < 5; i++) {
      await intruder.goto(new URL('/login', server.baseUrl).href);
      await intruder.fill('#username', 'e2e-locked');
      await intruder.fill('#password', 'Falsch-Passwort-00');
      await submitForm(intruder, '#password');
    }
    await intruder.context().close();
    await page.goto(server.baseUrl + '/');
    assert.equal(await bell.locator('.site-bell__count').innerText(), '1 ungelesen');
    assert.equal(await page.getByRole('link', { name: 'Benachrichtigungen, 1 ungelesen' }).count(), 1);
    await checkA11y(page, 'start page with an unread notification');
    await Promise.all([page.waitForEvent('load'), bell.click()]);
    assert.equal(new URL(page.url()).pathname, '/benachrichtigungen');
    assert.match(await page.locator('main').innerText(), /Das Konto „e2e-locked“ wurde/);
    await checkA11y(page, 'notification list');
    await Promise.all([
      page.waitForEvent('load'),
      page.locator('form[action="/benachrichtigungen/alle-gelesen"] button').click(),
    ]);
    assert.match(await page.locator('main').innerText(), /Alle Benachrichtigungen sind als gelesen markiert/);
    assert.equal(await bell.locator('.site-bell__count').innerText(), '0 ungelesen');
    await checkA11y(page, 'notification list, all read');
    assertAllVisitedChecked(page);
    await page.context().close();
  });

  it('password forgotten: neutral answer, accessible pages', async () => {
    const page = await newNoJsPage(browser);
    await page.goto(new URL('/login', server.baseUrl).href);
    await Promise.all([page.waitForEvent('load'), page.locator('a[href="/passwort/vergessen"]').click()]);
    await checkA11y(page, 'password forgotten');
    await page.fill('#email', 'niemand@example.org');
    await submitForm(page, '#email');
    assert.match(await page.locator('main').innerText(), /Wenn die Adresse zu einem aktiven Konto gehört/);
    await checkA11y(page, 'reset requested');
    await page.goto(new URL('/passwort/zuruecksetzen/ungueltig', server.baseUrl).href);
    await checkA11y(page, 'invalid link');
    assertAllVisitedChecked(page);
    await page.context().close();
  });
});

// Accounts created through the admin's HTML forms (JavaScript off).
import assert from 'node:assert/strict';

import { go, newNoJsPage } from './browser.js';
import { enrolTotp, firstLogin, submitForm } from './login.js';
import { createAdmin } from './server.js';

/**
 * An AHK Vietnam staff account created and activated by a logged-in admin; the new user's
 * first login (setup link from the outbox, password, TOTP, recovery codes) runs on `ahk`,
 * with axe (`checkA11y`) on each of its pages. Ends on the AHK user's start page.
 * @param {import('playwright-core').Page} admin a logged-in admin's page
 * @param {import('playwright-core').Page} ahk a fresh no-JS page for the new user
 * @param {string} baseUrl
 * @param {{username: string, password: string}} credentials
 * @param {(page: import('playwright-core').Page, label: string) => Promise<void>} checkA11y
 */
export async function createAhkVietnamUser(admin, ahk, baseUrl, { username, password }, checkA11y) {
  await admin.goto(new URL('/benutzer/neu', baseUrl).href);
  await admin.selectOption('#salutation', 'frau');
  await admin.fill('#first_name', 'Lan');
  await admin.fill('#last_name', 'Phạm');
  await admin.fill('#position', 'Projektkoordination');
  await admin.fill('#email', `${username}@ahk-vietnam.example`);
  await admin.fill('#phone', '+84 24 3825 1420');
  await admin.fill('#username', username);
  await admin.selectOption('#institution_id', { label: 'AHK Vietnam' });
  await admin.selectOption('#role', 'ahk_staff');
  await go(admin, admin.locator('button[value=review]'));
  assert.match(admin.url(), /\/benutzer\/neu\/pruefen$/, await admin.locator('main').innerText());
  await checkA11y(admin, 'new user review');
  await go(admin, admin.locator('button[value=save]'));
  await go(admin, admin.locator('a[href$="/aktion/aktivieren"]'));
  await go(admin, admin.locator('button[type=submit]').filter({ hasText: 'Ja, freischalten' }));
  await admin.goto(new URL('/admin/postausgang', baseUrl).href);
  await go(admin, admin.locator('tbody a.kern-link').first());
  const link = (await admin.locator('#mail-body').innerText()).match(/\/konto\/einrichten\/\S+/);
  assert.ok(link, 'setup link in the mail');

  await completeSetup(ahk, baseUrl, link[0], password, checkA11y);
  await checkA11y(ahk, 'AHK start page');
}

/**
 * A new user's first login through the setup link on `page`: the password twice, the TOTP
 * enrolment, the recovery codes, then on to the start page; axe on each page (labels start
 * with `who`).
 * @param {import('playwright-core').Page} page
 * @param {string} baseUrl
 * @param {string} link the setup link's path
 * @param {string} password
 * @param {(page: import('playwright-core').Page, label: string) => Promise<void>} checkA11y
 * @param {string} [who] label prefix, e.g. `dpo `
 */
export async function completeSetup(page, baseUrl, link, password, checkA11y, who = '') {
  await page.goto(new URL(link, baseUrl).href);
  await checkA11y(page, `${who}setup link`);
  await page.fill('#password', password);
  await page.fill('#password_repeat', password);
  await submitForm(page, '#password');
  await checkA11y(page, `${who}TOTP enrolment`);
  await enrolTotp(page);
  await checkA11y(page, `${who}recovery codes`);
  await go(page, page.locator('main a.kern-btn'));
}

/**
 * An administrator `team` (created on the command line, first login done) who then creates
 * the AHK Vietnam user `l.pham`; both logged in on their own no-JS pages.
 * @param {import('playwright-core').Browser} browser
 * @param {{baseUrl: string}} server
 * @param {string} password for both accounts
 * @param {(page: import('playwright-core').Page, label: string) => Promise<void>} checkA11y
 * @returns {Promise<{admin: import('playwright-core').Page, ahk: import('playwright-core').Page}>}
 */
export async function adminAndAhkVietnam(browser, server, password, checkA11y) {
  await createAdmin(server, { username: 'team', email: 'team@example.org', password });
  const admin = await newNoJsPage(browser);
  await firstLogin(admin, server.baseUrl, { username: 'team', password }, checkA11y);
  const ahk = await newNoJsPage(browser);
  await createAhkVietnamUser(admin, ahk, server.baseUrl, { username: 'l.pham', password }, checkA11y);
  return { admin, ahk };
}

/**
 * The admin creates and activates an account through the HTML forms; returns the account's
 * setup link (`/konto/einrichten/…`) from the mail outbox.
 * @param {import('playwright-core').Page} admin a logged-in admin's page
 * @param {string} baseUrl
 * @param {{first: string, last: string, email: string, username: string, institution: string,
 *   role: string, position?: string, phone?: string}} account
 */
export async function accountSetupLink(admin, baseUrl, {
  first, last, email, username, institution, role,
  position = 'Projektkoordination', phone = '+49 361 34840',
}) {
  await admin.goto(new URL('/benutzer/neu', baseUrl).href);
  await admin.selectOption('#salutation', 'frau');
  await admin.fill('#first_name', first);
  await admin.fill('#last_name', last);
  await admin.fill('#position', position);
  await admin.fill('#email', email);
  await admin.fill('#phone', phone);
  await admin.fill('#username', username);
  await admin.selectOption('#institution_id', { label: institution });
  await admin.selectOption('#role', role);
  await go(admin, admin.locator('button[value=review]'));
  assert.match(admin.url(), /\/benutzer\/neu\/pruefen$/, await admin.locator('main').innerText());
  await go(admin, admin.locator('button[value=save]'));
  await go(admin, admin.locator('a[href$="/aktion/aktivieren"]'));
  await go(admin, admin.locator('button[type=submit]').filter({ hasText: 'Ja, freischalten' }));
  await admin.goto(new URL('/admin/postausgang', baseUrl).href);
  await go(admin, admin.locator('tbody a.kern-link').first());
  const link = (await admin.locator('#mail-body').innerText()).match(/\/konto\/einrichten\/\S+/);
  assert.ok(link, 'setup link in the mail');
  return link[0];
}

// The log viewer with JavaScript disabled (R-AUD-1..3): the admin opens the audit log from
// the navigation, filters it by entity and period (an impossible period first), opens an
// entry with its field changes and hash chain, downloads the filtered list as CSV, then opens
// the access log, filters it by action, opens an entry, and looks at the error view. axe on
// every page at 1280 and at 320 px, and no page scrolls sideways at 320 px.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';

import { startServer, createAdmin } from '../lib/server.js';
import {
  launch, newNoJsPage, checkA11y, checkInPlaceAtBothWidths as checkBoth, assertAllVisitedChecked, go, navigate,
} from '../lib/browser.js';
import { firstLogin, submitForm } from '../lib/login.js';

const PASSWORD = 'Browser-Test-Passwort-42';

describe('log viewer (JavaScript off)', () => {
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

  it('admin: audit log and access log with filters, details and export; error view', async () => {
    await createAdmin(server, { username: 'protokoll', email: 'protokoll@example.org', password: PASSWORD });
    const admin = await newNoJsPage(browser);
    await firstLogin(admin, server.baseUrl, { username: 'protokoll', password: PASSWORD }, checkA11y);

    // The audit log from the main navigation: the account's creation is in it.
    await navigate(admin, '/protokoll/aenderungen');
    assert.match(admin.url(), /\/protokoll\/aenderungen$/);
    await checkBoth(admin, 'audit log');
    assert.ok((await admin.locator('#audit-entries tbody a').count()) > 0, 'entries listed');

    // An impossible period is refused next to the field.
    await admin.fill('#from', '2030-01-02');
    await admin.fill('#to', '2030-01-01');
    await submitForm(admin, '#from');
    assert.match(await admin.locator('#error-summary').innerText(), /Ende des Zeitraums/);
    assert.equal(await admin.locator('#to').getAttribute('aria-invalid'), 'true');
    await checkBoth(admin, 'audit log with an impossible period');

    // Entries about user accounts in a period that holds today.
    await admin.goto(new URL('/protokoll/aenderungen', server.baseUrl).href);
    await checkA11y(admin, 'audit log again');
    await admin.selectOption('#entity', 'user');
    await admin.fill('#from', '2000-01-01');
    await admin.fill('#to', '2100-12-31');
    await submitForm(admin, '#entity');
    assert.match(admin.url(), /entity=user/);
    await checkBoth(admin, 'audit log filtered by entity and period');
    const listed = await admin.locator('#audit-entries tbody a').count();
    assert.ok(listed > 0, 'entries about users');
    const entities = await admin.locator('#audit-entries tbody td:nth-child(4)').allInnerTexts();
    assert.ok(entities.every((e) => e.trim() === 'user'), `only user entries: ${entities}`);
    const count = (await admin.locator('main p[role=status]').innerText()).match(/^(\d+) Eintr/);
    assert.ok(count, 'the count is shown');
    const total = Number(count[1]);
    assert.ok(listed <= total);

    // The CSV export holds exactly the listed entries.
    const [csv] = await Promise.all([
      admin.waitForEvent('download'),
      admin.locator('a[href^="/protokoll/aenderungen/export/export.csv"]').click(),
    ]);
    const lines = (await fs.readFile(await csv.path(), 'utf8')).trim().split(/\r\n/);
    assert.equal(lines.length, 1 + total, 'header and every filtered row');

    // One entry: field changes (old → new) and its place in the chain.
    await go(admin, admin.locator('#audit-entries tbody a').last());
    assert.match(admin.url(), /\/protokoll\/aenderungen\/\d+$/);
    const entry = await admin.locator('main').innerText();
    assert.match(entry, /Alter Wert/);
    assert.match(entry, /der Kette/);
    assert.match(entry, /Der Hash passt zum Inhalt/);
    assert.equal(await admin.locator('#audit-changes').count(), 1);
    await checkBoth(admin, 'audit entry');

    // The access log through the protocol navigation, filtered by action.
    await go(admin, admin.locator('#protocol-subnav a[href="/protokoll/zugriffe"]'));
    await checkBoth(admin, 'access log');
    await admin.selectOption('#action', 'search');
    await submitForm(admin, '#action');
    assert.match(admin.url(), /action=search/);
    await checkBoth(admin, 'access log filtered by action');
    const actions = await admin.locator('#access-entries tbody td:nth-child(4)').allInnerTexts();
    assert.ok(actions.length > 0 && actions.every((a) => a.trim() === 'Suche'), `only searches: ${actions}`);
    await go(admin, admin.locator('#access-entries tbody a').first());
    assert.match(admin.url(), /\/protokoll\/zugriffe\/\d+$/);
    assert.match(await admin.locator('#access-entry').innerText(), /Suche/);
    await checkBoth(admin, 'access entry');

    // The error view.
    await go(admin, admin.locator('#protocol-subnav a[href="/protokoll/fehler"]'));
    await checkBoth(admin, 'error view');
    await admin.selectOption('#kind', 'request');
    await submitForm(admin, '#kind');
    assert.match(admin.url(), /kind=request/);
    await checkBoth(admin, 'error view filtered by kind');

    assertAllVisitedChecked(admin);
    await admin.context().close();
  });
});

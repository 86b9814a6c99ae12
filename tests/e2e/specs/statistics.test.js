// Statistics and cross-tabulation with JavaScript disabled: on synthetic demo data an admin
// opens the statistics page (SVG charts with their tables), builds a cross-tab, is refused
// when choosing the same parameter twice (message next to the field, no table), and downloads
// the CSV export. axe on every page.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';

import { startServer, createAdmin, E2E_DIR } from '../lib/server.js';
import { launch, newNoJsPage, checkA11y, assertAllVisitedChecked, go, navigate } from '../lib/browser.js';
import { firstLogin } from '../lib/login.js';

const PASSWORD = 'Browser-Test-Passwort-42';

describe('statistics and cross-tabulation (JavaScript off)', () => {
  let server;
  let browser;

  before(async () => {
    server = await startServer();
    browser = await launch();
    const fixture = path.resolve(E2E_DIR, '../fixtures/plz_ort_landkreis.csv');
    await server.run(['import-plz', fixture]);
    await server.run(['demo-data', '--companies', '60', '--applicants', '80']);
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('statistics page, cross-tab, same-parameter refusal, export', async () => {
    await createAdmin(server, { username: 'leitung', email: 'leitung@example.org', password: PASSWORD });
    const admin = await newNoJsPage(browser);
    await firstLogin(admin, server.baseUrl, { username: 'leitung', password: PASSWORD }, checkA11y);

    await navigate(admin, '/statistik');
    await checkA11y(admin, 'statistics page');
    assert.match(await admin.locator('#stat-scope').innerText(), /gesamte Programm/);
    assert.match(await admin.locator('#stat-as-of').innerText(), /Stand:/);
    const charts = admin.locator('figure svg[role=img]');
    assert.ok((await charts.count()) >= 10, 'one chart per topic');
    const labelled = await charts.first().getAttribute('aria-labelledby');
    assert.match(labelled, /^chart-\S+-title chart-\S+-desc$/);
    assert.match(await admin.locator('#table-by-country tr').last().innerText(), /Gesamt\s+80/);
    assert.match(await admin.locator('#table-companies-district tr').last().innerText(), /Gesamt\s+60/);

    await go(admin, admin.locator('main a[href="/statistik/kreuztabelle"]'));
    await checkA11y(admin, 'cross-tab form');
    await admin.selectOption('#subject', 'applicants');
    await admin.selectOption('#row', 'country');
    await admin.selectOption('#col', 'status');
    await go(admin, admin.locator('main form button[type=submit]'));
    await checkA11y(admin, 'cross-tab result');
    assert.equal(await admin.locator('#xtab-grand-total').innerText(), '80');

    // The same parameter twice: refused next to the field, no table.
    await admin.selectOption('#col', 'country');
    await go(admin, admin.locator('main form button[type=submit]'));
    await checkA11y(admin, 'cross-tab same parameter refused');
    assert.match(await admin.locator('#col-error-1').innerText(), /verschiedene Merkmale/);
    assert.equal(await admin.locator('#xtab-table').count(), 0);

    // Back to a valid table; the CSV export holds its header, rows and totals.
    await admin.selectOption('#col', 'status');
    await go(admin, admin.locator('main form button[type=submit]'));
    await checkA11y(admin, 'cross-tab result again');
    const href = await admin.locator('a[href*="/export/kreuztabelle.csv"]').getAttribute('href');
    const response = await admin.request.get(new URL(href, server.baseUrl).href);
    assert.equal(response.status(), 200);
    const text = await response.text();
    assert.ok(text.startsWith('\uFEFF'), 'the CSV starts with a byte order mark for Excel');
    const lines = text.slice(1).trim().split(/\r?\n/);
    assert.match(lines[0], /^Land \/ Status,/);
    assert.match(lines[lines.length - 1], /^Summe,.*,80$/);
    assertAllVisitedChecked(admin);
  });
});

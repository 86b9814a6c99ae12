// Statistics and cross-tabulation with JavaScript disabled: on synthetic demo data an admin
// opens the statistics page (SVG charts with their tables), builds a cross-tab, is refused
// when choosing the same parameter twice (message next to the field, no table), and downloads
// the CSV export. axe on every page.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';

import { startServer, createAdmin, E2E_DIR } from '../lib/server.js';
import {
  launch, newNoJsPage, checkA11y, assertAllVisitedChecked, go, navigate, setScriptingEnabled,
} from '../lib/browser.js';
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
    // The programme targets come first, as figures with progress bars.
    assert.equal(await admin.locator('main progress.figure__bar').count(), 4, 'four programme targets');
    // Each table sits behind its disclosure; opened, it shows the figures.
    for (const id of ['by-country', 'companies-district']) {
      await admin.locator(`#topic-${id} details.stat-table > summary`).click();
    }
    assert.match(await admin.locator('#table-by-country tr').last().innerText(), /Gesamt\s+80/);
    assert.match(await admin.locator('#table-companies-district tr').last().innerText(), /Gesamt\s+60/);
    // Charts keep a readable size: no chart text below 12 px, at 1280 px and at 320 px (the
    // chart scrolls inside its own region there, the page does not).
    for (const width of [1280, 320]) {
      await admin.setViewportSize({ width, height: 900 });
      await setScriptingEnabled(admin, true);
      const smallest = await admin.evaluate(() => Math.min(...[...document.querySelectorAll('figure svg text')].map((t) => {
        const svg = t.ownerSVGElement;
        const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
        return parseFloat(getComputedStyle(t).fontSize) * scale;
      })));
      const sideways = await admin.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      await setScriptingEnabled(admin, false);
      assert.ok(smallest >= 12, `chart text ${smallest}px at ${width} px`);
      assert.ok(sideways <= 0, `the statistics page scrolls sideways by ${sideways}px at ${width} px`);
    }
    await admin.setViewportSize({ width: 1280, height: 900 });
    // The period filter works without JavaScript; a wrong order is refused next to the field.
    await admin.fill('#from', '2026-03');
    await admin.fill('#to', '2026-01');
    await go(admin, admin.locator('form.stat-period button[type=submit]'));
    assert.match(await admin.locator('#to-error-1').innerText(), /nicht vor seinem Beginn/);
    assert.match(await admin.title(), /^Fehler:/);
    await checkA11y(admin, 'statistics with a wrong period');
    const now = new Date();
    const thisMonth = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`;
    await admin.fill('#from', `${now.getFullYear()}-01`);
    await admin.fill('#to', thisMonth);
    await go(admin, admin.locator('form.stat-period button[type=submit]'));
    assert.match(await admin.locator('#stat-period').innerText(), new RegExp(`01\\.${now.getFullYear()} bis`));
    assert.equal(await admin.locator('#to-error-1').count(), 0);
    await checkA11y(admin, 'statistics for a period');

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

// Reports with JavaScript disabled (R-STA-4): an admin opens the reports page, asks for a
// period whose last month lies before its first (refused next to the field), then for October 2026; the
// status page offers a refresh link until the job has built the report, then the XLSX is
// downloaded (a zip with the report's file name). axe on every page.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';

import { startServer, createAdmin, E2E_DIR } from '../lib/server.js';
import { launch, newNoJsPage, checkA11y, assertAllVisitedChecked, go, navigate } from '../lib/browser.js';
import { firstLogin } from '../lib/login.js';

const PASSWORD = 'Browser-Test-Passwort-42';

describe('reports (JavaScript off)', () => {
  let server;
  let browser;

  before(async () => {
    server = await startServer();
    browser = await launch();
    const fixture = path.resolve(E2E_DIR, '../fixtures/plz_ort_landkreis.csv');
    await server.run(['import-plz', fixture]);
    await server.run(['demo-data', '--companies', '40', '--applicants', '60']);
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('admin: refused period, on-demand report, status page, download', async () => {
    await createAdmin(server, { username: 'leitung', email: 'leitung@example.org', password: PASSWORD });
    const admin = await newNoJsPage(browser);
    await firstLogin(admin, server.baseUrl, { username: 'leitung', password: PASSWORD }, checkA11y);

    await navigate(admin, '/berichte');
    await checkA11y(admin, 'reports list (empty)');

    // The end before the start: refused, the message next to the field.
    await admin.fill('#from', '2026-10');
    await admin.fill('#to', '2026-09');
    await go(admin, admin.locator('form[action="/berichte"] button[type=submit]'));
    assert.match(admin.url(), /\/berichte(#.*)?$/);
    assert.match(await admin.locator('#to-error-1').innerText(), /vor seinem Beginn/);
    assert.equal(await admin.locator('#from').inputValue(), '2026-10', 'typed values kept');
    await checkA11y(admin, 'reports list with a refused period');

    await admin.fill('#from', '2026-10');
    await admin.fill('#to', '2026-10');
    await go(admin, admin.locator('form[action="/berichte"] button[type=submit]'));
    assert.match(admin.url(), /\/berichte\/\d+$/);
    assert.match(await admin.locator('h1').innerText(), /Bericht 2026-10/);
    await checkA11y(admin, 'report status page');

    // The worker builds it; the page is looked at again through its own link.
    for (let i = 0; i < 60; i += 1) {
      const refresh = admin.locator('main a', { hasText: 'Status aktualisieren' });
      if ((await refresh.count()) === 0) break;
      await new Promise((r) => setTimeout(r, 500));
      await go(admin, refresh);
    }
    assert.match(await admin.locator('[role=status]').innerText(), /Der Bericht ist fertig/);
    await checkA11y(admin, 'report ready');
    const link = admin.locator('main a[href$="/download"]');
    const href = await link.getAttribute('href');
    const res = await admin.request.get(new URL(href, server.baseUrl).href);
    assert.equal(res.status(), 200);
    assert.match(res.headers()['content-type'], /spreadsheetml/);
    assert.match(res.headers()['content-disposition'], /hih-bericht-2026-10\.xlsx/);
    const body = await res.body();
    assert.equal(body.subarray(0, 2).toString(), 'PK', 'an XLSX is a zip file');

    await go(admin, admin.locator('main a[href="/berichte"]'));
    assert.match(await admin.locator('table').innerText(), /2026-10/);
    await checkA11y(admin, 'reports list with the report');
    assertAllVisitedChecked(admin);
  });
});

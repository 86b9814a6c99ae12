// The backup page with JavaScript disabled (R-OPS-3): on a fresh server the administrator opens
// "Sicherungen" (no backup yet), asks for one with "Sicherung jetzt anlegen" on its confirmation
// page, and sees it in the list once the background job has written and verified it; a backup
// taken with `hih backup` shows next to it with its own trigger. The page offers no download.
// axe at 1280 and 320 px (list and confirmation page), and no sideways scroll at 320 px.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';

import { startServer, createAdmin } from '../lib/server.js';
import {
  launch, newNoJsPage, checkA11y, checkBothWidths as bothWidths, assertAllVisitedChecked, go,
} from '../lib/browser.js';
import { firstLogin } from '../lib/login.js';

const PASSWORD = 'Browser-Test-Passwort-42';
const PAGE = '/system/backups';

describe('backups (JavaScript off)', () => {
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

  it('an administrator asks for a backup and sees it verified in the list', async () => {
    await createAdmin(server, { username: 'sicherung', email: 'sicherung@example.org', password: PASSWORD });
    const admin = await newNoJsPage(browser);
    await firstLogin(admin, server.baseUrl, { username: 'sicherung', password: PASSWORD }, checkA11y);

    await admin.goto(new URL(PAGE, server.baseUrl).href);
    assert.equal(await admin.locator('h1').innerText(), 'Sicherungen');
    assert.match(await admin.locator('#backups tbody').innerText(), /Noch keine Sicherung verzeichnet/);
    assert.match(await admin.locator('#backup-interval').innerText(), /alle 24 Stunden/);
    assert.match(await admin.locator('#backup-no-download').innerText(), /nicht über das Web ausgeliefert/);
    assert.equal(await admin.locator('a[download], a[href$=".sqlite3"], a[href$=".pgdump"]').count(), 0);
    await bothWidths(admin, 'empty backup list');

    // "Sicherung jetzt anlegen" asks first; the confirmation queues the job.
    await go(admin, admin.locator('#backup-now'));
    assert.equal(new URL(admin.url()).pathname, '/system/backups/anlegen');
    assert.equal(await admin.locator('h1').innerText(), 'Sicherung jetzt anlegen?');
    await bothWidths(admin, 'backup confirmation');
    await go(admin, admin.locator('main button[type=submit]'));
    assert.equal(new URL(admin.url()).pathname, PAGE);
    assert.match(await admin.locator('main').innerText(), /Sicherung angefordert/);

    // The worker writes and verifies it in the background.
    let row = '';
    for (let i = 0; i < 60; i += 1) {
      row = await admin.locator('#backups tbody tr').first().innerText();
      if (/geprüft/.test(row)) break;
      await new Promise((resolve) => setTimeout(resolve, 500));
      await admin.reload();
    }
    assert.match(row, /auf dieser Seite angefordert/, row);
    assert.match(row, /geprüft/, row);
    assert.match(row, /hih-(sqlite|postgres)-\d{8}T\d{6}Z\.(sqlite3|pgdump)/, row);
    assert.match(row, /[0-9a-f]{64}/, row);

    // A backup by command shows next to it.
    await server.run(['backup']);
    await admin.reload();
    assert.equal(await admin.locator('#backups tbody tr').count(), 2);
    assert.match(await admin.locator('#backups tbody tr').first().innerText(), /Befehl hih backup/);
    await bothWidths(admin, 'backup list with two backups');

    assertAllVisitedChecked(admin);
    await admin.context().close();
  });
});

// Partner exports with JavaScript disabled: an admin creates an applicant profile (first with
// no field selected → German message next to the field, then through the review page),
// generates a file ("Jetzt erzeugen"), follows the status page with "Status aktualisieren"
// until the server's worker has built it, downloads it directly, creates an expiring download
// link and fetches the file through it without login, edits the profile through the review
// page and deactivates it; an unknown link shows the neutral 410 page. axe on every page.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';

import { startServer, createAdmin } from '../lib/server.js';
import { launch, newNoJsPage, checkA11y, assertAllVisitedChecked, go, navigate } from '../lib/browser.js';
import { firstLogin } from '../lib/login.js';

const PASSWORD = 'Browser-Test-Passwort-42';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe('partner exports (JavaScript off)', () => {
  let server;
  let browser;

  before(async () => {
    server = await startServer();
    browser = await launch();
    await server.run(['demo-data', '--applicants', '6', '--seed', '5']);
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('profile with review → generate → status page → download → link without login', async () => {
    await createAdmin(server, { username: 'team', email: 'team@example.org', password: PASSWORD });
    const admin = await newNoJsPage(browser);
    await firstLogin(admin, server.baseUrl, { username: 'team', password: PASSWORD }, checkA11y);

    await navigate(admin, '/partnerexporte');
    await checkA11y(admin, 'partner export list (empty)');
    await go(admin, admin.locator('a[href="/partnerexporte/neu?art=applicant"]'));
    await checkA11y(admin, 'new profile form');

    // Nothing selected: the message stands next to the field list.
    await admin.fill('#name', 'Anerkennungsberatung');
    await admin.selectOption('#partner_category', 'prorecognition');
    await go(admin, admin.locator('button[value=review]'));
    assert.match(admin.url(), /\/partnerexporte\/neu$/);
    assert.match(await admin.locator('#fields').innerText(), /Bitte wählen Sie mindestens ein Feld\./);
    await checkA11y(admin, 'new profile form with errors');

    await admin.check('#field-last_name');
    await admin.check('#field-country');
    await admin.check('#field-status');
    await go(admin, admin.locator('button[value=review]'));
    assert.match(admin.url(), /\/partnerexporte\/neu\/pruefen$/, await admin.locator('main').innerText());
    await checkA11y(admin, 'profile review');
    assert.match(await admin.locator('#selected-fields').innerText(), /Nachname/);
    await go(admin, admin.locator('button[value=save]'));
    assert.match(admin.url(), /\/partnerexporte\/\d+$/);
    await checkA11y(admin, 'profile page');

    await go(admin, admin.locator('button').filter({ hasText: 'Jetzt erzeugen' }));
    assert.match(admin.url(), /\/partnerexporte\/dateien\/\d+$/);
    await checkA11y(admin, 'file status page');
    assert.equal(await admin.locator('meta[http-equiv]').count(), 0, 'no meta refresh');

    // The server's worker builds the file; the status link reloads the page.
    for (let i = 0; i < 60 && (await admin.locator('#refresh').count()) > 0; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      await go(admin, admin.locator('#refresh'));
    }
    assert.equal(await admin.locator('#file-status').innerText(), 'Fertig');
    await checkA11y(admin, 'file status page (done)');
    assert.equal(await admin.locator('#file-rows').innerText(), '6');
    const sha = await admin.locator('#file-sha').innerText();
    assert.match(sha, /^[0-9a-f]{64}$/);

    // Direct download (the admin's session).
    const href = await admin.locator('#download').getAttribute('href');
    const direct = await admin.request.get(new URL(href, server.baseUrl).href);
    assert.equal(direct.status(), 200);
    assert.equal(direct.headers()['content-type'], XLSX);
    const bytes = await direct.body();
    assert.equal(bytes.subarray(0, 2).toString(), 'PK', 'an XLSX (zip) file');
    const { createHash } = await import('node:crypto');
    assert.equal(createHash('sha256').update(bytes).digest('hex'), sha);

    // A download link, shown once; it works without login.
    await go(admin, admin.locator('button').filter({ hasText: 'Download-Link erzeugen' }));
    assert.match(admin.url(), /\/link\/erstellt$/);
    await checkA11y(admin, 'download link page');
    const link = await admin.locator('#download-link').inputValue();
    const path = new URL(link).pathname;
    assert.match(path, /^\/download\/[A-Za-z0-9_-]{43}$/);
    const anonymous = await fetch(new URL(path, server.baseUrl).href);
    assert.equal(anonymous.status, 200);
    const viaLink = Buffer.from(await anonymous.arrayBuffer());
    assert.equal(createHash('sha256').update(viaLink).digest('hex'), sha);

    // Back on the file: the link is listed with its download, never its token.
    await go(admin, admin.locator('main a[href^="/partnerexporte/dateien/"]').last());
    await checkA11y(admin, 'file status page with link');
    const links = await admin.locator('#links').innerText();
    assert.match(links, /team/);
    assert.ok(!links.includes(path.split('/').pop()), 'the token is not shown again');

    await admin.goto(new URL('/partnerexporte/dateien', server.baseUrl).href);
    await checkA11y(admin, 'all partner files');
    assert.match(await admin.locator('main').innerText(), /Anerkennungsberatung/);
    await admin.goto(new URL('/partnerexporte', server.baseUrl).href);
    await checkA11y(admin, 'partner export list');

    // Edit through the review page, then deactivate with confirmation.
    await go(admin, admin.locator('#profiles a.kern-link').first());
    await go(admin, admin.locator('a[href$="/bearbeiten"]'));
    await checkA11y(admin, 'edit profile form');
    await admin.check('#monthly');
    await go(admin, admin.locator('button[value=review]'));
    assert.match(admin.url(), /\/bearbeiten\/pruefen$/);
    await checkA11y(admin, 'edit profile review');
    await go(admin, admin.locator('button[value=save]'));
    await go(admin, admin.locator('a[href$="/deaktivieren"]'));
    await checkA11y(admin, 'deactivate profile');
    await go(admin, admin.locator('button').filter({ hasText: 'Ja, deaktivieren' }));
    await checkA11y(admin, 'deactivated profile page');
    assert.ok(await admin.locator('#inactive-note').isVisible());
    assertAllVisitedChecked(admin);

    // An unknown link: the neutral page, 410.
    const guest = await newNoJsPage(browser);
    const gone = await guest.goto(new URL('/download/unbekannt', server.baseUrl).href);
    assert.equal(gone.status(), 410);
    await checkA11y(guest, 'download gone page');
    assert.match(await guest.locator('#download-gone').innerText(), /ungültig oder abgelaufen/);
    assertAllVisitedChecked(guest);
  });
});

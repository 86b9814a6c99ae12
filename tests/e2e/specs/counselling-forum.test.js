// The staff exchange with JavaScript disabled (R-CNS-2, issue 18): an AHK Vietnam user opens a
// topic through the form flow (error, review, save), writes a post and replies to it (the
// reply form sits in a <details> disclosure); the admin finds the topic by a folded word of a
// post; a program named like a PDF is refused by its content, a real PDF is uploaded to the
// materials library, found by its description and downloaded as an attachment. axe at 1280
// and 320 px on every page.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';

import { serverAndBrowser } from '../lib/suite.js';
import {
  checkA11y,
  checkBothWidths,
  checkInPlaceAtBothWidths,
  assertAllVisitedChecked,
  go,
  navigate,
} from '../lib/browser.js';
import { adminAndAhkVietnam } from '../lib/accounts.js';

const PASSWORD = 'Browser-Test-Passwort-42';

describe('staff exchange (JavaScript off)', () => {
  const env = serverAndBrowser();

  it('topic through the flow → post → reply → folded search → material upload and download', async () => {
    const { server, browser } = env;
    const { admin, ahk } = await adminAndAhkVietnam(browser, server, PASSWORD, checkA11y);
    const url = (p) => new URL(p, server.baseUrl).href;

    // The exchange from the navigation; a new topic through the form flow.
    await navigate(ahk, '/beratung/austausch');
    await checkBothWidths(ahk, 'staff exchange (empty)');
    await go(ahk, ahk.locator('main a[href="/beratung/austausch/neu"]'));
    await checkBothWidths(ahk, 'new topic');
    await go(ahk, ahk.locator('main button[value=review]'));
    assert.match(await ahk.locator('#error-summary').innerText(), /Titel/);
    await checkBothWidths(ahk, 'new topic with errors');
    await ahk.fill('#title', 'Anerkennung für Pflegekräfte');
    await ahk.fill('#body', 'Wer kennt die zuständige Stelle in Thüringen?');
    await go(ahk, ahk.locator('main button[value=review]'));
    assert.match(ahk.url(), /\/beratung\/austausch\/neu\/pruefen$/);
    await checkBothWidths(ahk, 'new topic review');
    await go(ahk, ahk.locator('main button[value=save]'));
    assert.match(ahk.url(), /\/beratung\/austausch\/\d+$/);
    const topic = ahk.url();
    await checkBothWidths(ahk, 'topic with its first post');

    // A post, then a reply to the first post (the disclosure opens without JavaScript).
    await ahk.fill('#body', 'Das Landesverwaltungsamt in Weimar hilft weiter.');
    await go(ahk, ahk.locator('#new-post button[type=submit]'));
    assert.match(await ahk.locator('#posts').innerText(), /Weimar hilft weiter/);
    const first = ahk.locator('#posts > li').first();
    await first.locator('details > summary').click();
    await go(ahk, first.locator('details button[type=submit]'));
    assert.ok(ahk.url().startsWith(topic), 'an empty reply stays on the topic');
    assert.match(await ahk.locator('#error-summary').innerText(), /Text/);
    await checkInPlaceAtBothWidths(ahk, 'empty reply with its message');
    const again = ahk.locator('#posts > li').first();
    await again.locator('textarea').fill('Danke, das hat geholfen.');
    await go(ahk, again.locator('details button[type=submit]'));
    assert.match(await ahk.locator('#posts > li').first().innerText(), /Danke, das hat geholfen/);
    await checkBothWidths(ahk, 'topic with post and reply');

    // The admin finds the topic by a folded word of a post (umlauts typed without).
    await admin.goto(url('/beratung/austausch?q=thuringen'));
    assert.match(await admin.locator('#topics tbody').innerText(), /Anerkennung für Pflegekräfte/);
    await checkBothWidths(admin, 'staff exchange search');

    // The materials library: a program named like a PDF is refused by its content.
    await go(ahk, ahk.locator('main a[href="/beratung/austausch"]'));
    await go(ahk, ahk.locator('main a[href="/beratung/austausch/material"]'));
    await checkBothWidths(ahk, 'materials (empty)');
    await go(ahk, ahk.locator('main a[href="/beratung/austausch/material/neu"]'));
    await checkBothWidths(ahk, 'material upload');
    await ahk.fill('#title', 'Merkblatt Visum');
    await ahk.fill('#description', 'Übersicht der Unterlagen für das Visumverfahren');
    await ahk.setInputFiles('#file', {
      name: 'merkblatt.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00]),
    });
    await go(ahk, ahk.locator('main button[type=submit]'));
    assert.match(await ahk.locator('#error-summary').innerText(), /Dateityp/);
    await checkInPlaceAtBothWidths(ahk, 'material upload refused');
    const pdf = Buffer.from('%PDF-1.7\n1 0 obj << /Title (Merkblatt) >> endobj\n%%EOF\n');
    await ahk.setInputFiles('#file', { name: 'Merkblatt Visum.pdf', mimeType: 'application/pdf', buffer: pdf });
    await go(ahk, ahk.locator('main button[type=submit]'));
    assert.match(ahk.url(), /\/beratung\/austausch\/material$/);
    assert.match(await ahk.locator('#materials tbody').innerText(), /Merkblatt Visum/);
    await checkBothWidths(ahk, 'materials with an upload');

    // Found by its description; the download is an attachment of the same bytes.
    await admin.goto(url('/beratung/austausch/material?q=ubersicht+visumverfahren'));
    const link = admin.locator('#materials a', { hasText: 'Merkblatt Visum.pdf' });
    assert.equal(await link.count(), 1);
    await checkBothWidths(admin, 'materials search');
    const response = await admin.request.get(url(await link.getAttribute('href')));
    assert.equal(response.status(), 200);
    assert.match(response.headers()['content-disposition'], /^attachment;/);
    assert.match(response.headers()['content-security-policy'], /sandbox/);
    assert.equal(response.headers()['x-content-type-options'], 'nosniff');
    assert.deepEqual(Buffer.from(await response.body()), pdf);

    assertAllVisitedChecked(ahk);
    await ahk.context().close();
    await admin.context().close();
  });
});

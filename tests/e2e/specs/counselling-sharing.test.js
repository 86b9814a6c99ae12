// Counselling around an applicant (issue 18) with JavaScript off: an AHK Vietnam user records
// an applicant, opens a conversation linked to the applicant's ID, inserts an answer template
// (the page comes back with the template after the typed text), sends it with a PDF, shares the
// conversation for integration, and reads it on the applicant's tab 'Beratung' (the
// read-only thread). axe at 1280 and 320 px on every page.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';

import { startServer } from '../lib/server.js';
import {
  launch,
  checkA11y,
  checkBothWidths,
  checkInPlaceAtBothWidths,
  assertAllVisitedChecked,
  go,
} from '../lib/browser.js';
import { adminAndAhkVietnam } from '../lib/accounts.js';

const PASSWORD = 'Browser-Test-Passwort-42';

describe('counselling around an applicant (JavaScript off)', () => {
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

  it('linked conversation → answer template → share → the applicant\'s tab and thread', async () => {
    const { admin, ahk } = await adminAndAhkVietnam(browser, server, PASSWORD, checkA11y);
    const url = (p) => new URL(p, server.baseUrl).href;

    // An applicant of Vietnam.
    await ahk.goto(url('/bewerber/neu'));
    await ahk.selectOption('#salutation', 'herr');
    await ahk.fill('#first_names', 'Văn Nam');
    await ahk.fill('#last_name', 'Trần');
    await ahk.fill('#birth_date', '1996-02-03');
    await ahk.fill('#nationality', 'vietnamesisch');
    await ahk.fill('#residence', 'Huế');
    await ahk.selectOption('#status', 'bewerber');
    await ahk.selectOption('#target_occupation', 'koch');
    await checkA11y(ahk, 'applicant form');
    await go(ahk, ahk.locator('button[value=review]'));
    await checkA11y(ahk, 'applicant review');
    await go(ahk, ahk.locator('button[value=save]'));
    await checkA11y(ahk, 'applicant with the counselling tab');
    const code = (await ahk.locator('#applicant-id').innerText()).match(/HIH-VN-\d{4}/)?.[0];
    assert.ok(code, 'the new applicant has an ID');
    const applicant = new URL(ahk.url()).pathname;

    // A conversation linked to it.
    await ahk.goto(url('/beratung/neu'));
    await ahk.selectOption('#topic', 'recognition');
    await ahk.fill('#pseudonym', 'Kiefer');
    await ahk.fill('#applicant_code', code);
    await checkA11y(ahk, 'new conversation for an applicant');
    await go(ahk, ahk.locator('main button[type=submit]'));
    await checkA11y(ahk, 'link shown once');
    const conversation = ahk.url().replace(/\/link$/, '');
    await ahk.goto(conversation);
    await checkBothWidths(ahk, 'conversation linked to an applicant');
    assert.match(await ahk.locator('#share-state').innerText(), /Nicht geteilt/);

    // An answer template after the typed text, then sent.
    await go(ahk, ahk.locator('button[formaction$="/vorlage"]'));
    assert.match(await ahk.locator('#error-summary').innerText(), /Vorlage/);
    await checkInPlaceAtBothWidths(ahk, 'template not chosen');
    await ahk.fill('#body', 'Hallo.');
    await ahk.selectOption('#template', 'documents');
    await go(ahk, ahk.locator('button[formaction$="/vorlage"]'));
    assert.match(await ahk.inputValue('#body'), /^Hallo\.\n\nBitte senden Sie uns Ihren Lebenslauf/);
    await checkInPlaceAtBothWidths(ahk, 'template inserted');
    // The answer goes with a file (a PDF checklist), as the staff reply with attachment.
    await ahk.setInputFiles('#file', {
      name: 'Checkliste.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n'),
    });
    await go(ahk, ahk.locator('button[value=reply]'));
    assert.match(await ahk.locator('#messages').innerText(), /Bitte senden Sie uns Ihren Lebenslauf/);
    const sent = await ahk.locator('#messages a[href*="/anhang/"]').last().getAttribute('href');
    const file = await ahk.request.get(url(sent));
    assert.equal(file.headers()['content-type'], 'application/pdf');
    assert.match(file.headers()['content-disposition'], /^attachment/);
    await ahk.fill('#body', 'Interne Notiz zu Kiefer.');
    await go(ahk, ahk.locator('button[value=note]'));

    // Shared for integration.
    await go(ahk, ahk.locator('form[action$="/teilen"] button[value=share]'));
    assert.match(await ahk.locator('#share-state').innerText(), /^Geteilt/);
    await checkBothWidths(ahk, 'conversation shared');

    // The applicant's tab and the read-only thread (no notes).
    await ahk.goto(url(applicant));
    await go(ahk, ahk.locator('main a[href$="/beratung"]'));
    assert.match(await ahk.locator('#conversations tbody').innerText(), /Kiefer[\s\S]*Ja/);
    await checkBothWidths(ahk, 'applicant counselling tab');
    await go(ahk, ahk.locator('#conversations a', { hasText: 'Kiefer' }));
    const thread = await ahk.locator('#messages').innerText();
    assert.match(thread, /Bitte senden Sie uns Ihren Lebenslauf/);
    assert.equal(await ahk.locator('#messages a[href*="/beratung/"][href*="/anhang/"]').count(), 1, 'the answer\'s file, from the tab');
    assert.doesNotMatch(thread, /Interne Notiz/);
    await checkBothWidths(ahk, 'applicant counselling thread');

    assertAllVisitedChecked(ahk);
    await ahk.context().close();
    await admin.context().close();
  });
});

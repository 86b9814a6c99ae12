// Counselling with JavaScript disabled (R-CNS, issue 18): an AHK Vietnam user opens a
// conversation and copies the link shown once; the guest (no login) sets a passphrase and
// writes; the staff member reads it in the inbox, answers and writes an internal note; the
// guest sees the answer but never the note; the link alone (another browser) asks for the
// passphrase and shows nothing; the guest deletes the conversation. axe at 1280 and 320 px on
// every page, the guest's included.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';

import { startServer } from '../lib/server.js';
import {
  launch,
  newNoJsPage,
  checkA11y,
  checkBothWidths,
  checkInPlaceAtBothWidths,
  assertAllVisitedChecked,
  go,
  navigate,
} from '../lib/browser.js';
import { adminAndAhkVietnam } from '../lib/accounts.js';

const PASSWORD = 'Browser-Test-Passwort-42';
const PASSPHRASE = 'Mein-Kennwort-fuer-2027!';

describe('counselling (JavaScript off)', () => {
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

  it('open → link once → guest passphrase and message → staff inbox, reply, note → guest reads → leaked link → deletion', async () => {
    const { admin, ahk } = await adminAndAhkVietnam(browser, server, PASSWORD, checkA11y);

    // Staff: the inbox, then a new conversation with a pseudonym.
    await navigate(ahk, '/beratung');
    await checkBothWidths(ahk, 'inbox (empty)');
    await go(ahk, ahk.locator('main a[href="/beratung/neu"]'));
    await checkBothWidths(ahk, 'new conversation');
    await go(ahk, ahk.locator('main button[type=submit]'));
    assert.match(await ahk.locator('#error-summary').innerText(), /Thema/);
    await checkInPlaceAtBothWidths(ahk, 'new conversation with error');
    await ahk.selectOption('#topic', 'recognition');
    await ahk.fill('#pseudonym', 'Lotus');
    await go(ahk, ahk.locator('main button[type=submit]'));
    assert.match(ahk.url(), /\/beratung\/\d+\/link$/);
    await checkInPlaceAtBothWidths(ahk, 'link shown once');
    const link = await ahk.inputValue('#guest-link');
    assert.match(link, /\/beratung\/gast\/[A-Za-z0-9_-]{40,}$/);
    const conversation = ahk.url().replace(/\/link$/, '');
    const path = new URL(link).pathname;

    // The guest (a German browser): neutral header, passphrase at first use, then the
    // conversation.
    const guest = await newNoJsPage(browser, { locale: 'de-DE' });
    await guest.goto(new URL(path, server.baseUrl).href);
    assert.equal(await guest.locator('nav.site-nav').count(), 0, 'no staff navigation');
    await checkBothWidths(guest, 'guest passphrase setup');
    await guest.fill('#passphrase', PASSPHRASE);
    await guest.fill('#repeat', 'etwas anderes');
    await go(guest, guest.locator('main button[type=submit]'));
    assert.match(await guest.locator('#error-summary').innerText(), /stimmen nicht/);
    await checkInPlaceAtBothWidths(guest, 'guest passphrase setup with error');
    await guest.fill('#passphrase', PASSPHRASE);
    await guest.fill('#repeat', PASSPHRASE);
    await go(guest, guest.locator('main button[type=submit]'));
    await checkBothWidths(guest, 'guest conversation (empty)');
    await guest.fill('#body', 'Guten Tag,\nwie lange dauert die Anerkennung?');
    await go(guest, guest.locator('main form[action$="/nachricht"] button[type=submit]'));
    assert.match(await guest.locator('#messages').innerText(), /wie lange dauert die Anerkennung/);
    await checkBothWidths(guest, 'guest conversation with a message');

    // Staff: the inbox lists it as unassigned with one unread message; reply and note.
    await ahk.goto(new URL('/beratung', server.baseUrl).href);
    assert.match(await ahk.locator('#conversations tbody').innerText(), /Lotus[\s\S]*1/);
    await checkBothWidths(ahk, 'inbox with a conversation');
    await go(ahk, ahk.locator('#conversations a', { hasText: 'Lotus' }));
    assert.equal(ahk.url(), conversation);
    assert.match(await ahk.locator('#messages').innerText(), /wie lange dauert die Anerkennung/);
    await checkBothWidths(ahk, 'conversation');
    await ahk.fill('#body', 'Etwa drei Monate. Bitte senden Sie Ihre Zeugnisse.');
    await go(ahk, ahk.locator('button[value=reply]'));
    await ahk.fill('#body', 'Interne Notiz: Zeugnisse noch nicht geprüft.');
    await go(ahk, ahk.locator('button[value=note]'));
    const staffView = await ahk.locator('#messages').innerText();
    assert.match(staffView, /Etwa drei Monate/);
    assert.match(staffView, /Zeugnisse noch nicht geprüft/);
    await checkBothWidths(ahk, 'conversation with reply and note');

    // The guest sees the answer, never the note.
    await guest.goto(new URL(path, server.baseUrl).href);
    const guestView = await guest.locator('#messages').innerText();
    assert.match(guestView, /Etwa drei Monate/);
    assert.doesNotMatch(guestView, /nicht geprüft/);
    await checkBothWidths(guest, 'guest conversation with the answer');

    // The link alone, in another browser: the passphrase is asked, nothing shown.
    const leaked = await newNoJsPage(browser, { locale: 'de-DE' });
    await leaked.goto(new URL(path, server.baseUrl).href);
    assert.doesNotMatch(await leaked.locator('main').innerText(), /Anerkennung/);
    await checkBothWidths(leaked, 'leaked link asks for the passphrase');
    await leaked.fill('#passphrase', 'falsch');
    await go(leaked, leaked.locator('main button[type=submit]'));
    assert.match(await leaked.locator('#guest-failed').innerText(), /falsch/);
    await checkInPlaceAtBothWidths(leaked, 'wrong passphrase');

    // The guest deletes everything; the link is gone, for staff too.
    await go(guest, guest.locator('main a[href$="/loeschen"]'));
    await checkBothWidths(guest, 'delete confirmation');
    await go(guest, guest.locator('main button[type=submit]'));
    assert.match(await guest.locator('#guest-deleted').innerText(), /gelöscht/);
    await checkInPlaceAtBothWidths(guest, 'deleted');
    const resp = await leaked.goto(new URL(path, server.baseUrl).href);
    assert.equal(resp.status(), 410);
    await checkA11y(leaked, 'deleted link');
    const gone = await ahk.goto(conversation);
    assert.equal(gone.status(), 404);

    assertAllVisitedChecked(guest);
    await leaked.context().close();
    await guest.context().close();
    await ahk.context().close();
    await admin.context().close();
  });
});

// The guest flow in English, Portuguese and Vietnamese (the browser's language chooses it), with a
// file that is refused, a voice message as an audio upload (played with the native player)
// and a PDF; JavaScript off, axe at 1280 and 320 px on every guest page.
describe('counselling guest pages in en, pt and vi with attachments (JavaScript off)', () => {
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

  // A short silent WAV file and a tiny PDF.
  const wav = Buffer.concat([
    Buffer.from('RIFF'),
    Buffer.from([0x24 + 800, 0x03, 0, 0].map((b) => b & 0xff)),
    Buffer.from('WAVEfmt '),
    Buffer.from([16, 0, 0, 0, 1, 0, 1, 0, 0x40, 0x1f, 0, 0, 0x80, 0x3e, 0, 0, 2, 0, 16, 0]),
    Buffer.from('data'),
    Buffer.from([0x20, 0x03, 0, 0]),
    Buffer.alloc(800),
  ]);
  const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

  it('an English, a Portuguese and a Vietnamese guest: passphrase, refused file, voice message, PDF, deletion', async () => {
    const { admin, ahk } = await adminAndAhkVietnam(browser, server, PASSWORD, checkA11y);
    for (const [locale, lang, refused] of [
      ['en-US', 'en', /is not allowed/],
      ['pt-BR', 'pt', /não é permitido/],
      ['vi-VN', 'vi', /không được phép/],
    ]) {
      await ahk.goto(new URL('/beratung/neu', server.baseUrl).href);
      await ahk.selectOption('#topic', 'visa');
      await ahk.fill('#pseudonym', `Gast-${lang}`);
      await go(ahk, ahk.locator('main button[type=submit]'));
      const path = new URL(await ahk.inputValue('#guest-link')).pathname;

      const guest = await newNoJsPage(browser, { locale });
      await guest.goto(new URL(path, server.baseUrl).href);
      assert.equal(await guest.getAttribute('html', 'lang'), lang);
      assert.equal(await guest.locator('.lang-switch__list button').count(), 3, 'the switch');
      await checkBothWidths(guest, `${lang}: passphrase setup`);
      await guest.fill('#passphrase', PASSPHRASE);
      await guest.fill('#repeat', 'x');
      await go(guest, guest.locator('main button[type=submit]'));
      await checkInPlaceAtBothWidths(guest, `${lang}: passphrase setup with error`);
      await guest.fill('#passphrase', PASSPHRASE);
      await guest.fill('#repeat', PASSPHRASE);
      await go(guest, guest.locator('main button[type=submit]'));
      await checkBothWidths(guest, `${lang}: conversation (empty)`);

      const send = guest.locator('main form[action$="/nachricht"] button[type=submit]');
      await guest.setInputFiles('#file', { name: 'brief.pdf', mimeType: 'application/pdf', buffer: Buffer.from('nur Text') });
      await go(guest, send);
      assert.match(await guest.locator('#error-summary').innerText(), refused);
      await checkInPlaceAtBothWidths(guest, `${lang}: refused file`);
      await guest.setInputFiles('#file', { name: 'voz.wav', mimeType: 'audio/wav', buffer: wav });
      await go(guest, send);
      assert.equal(await guest.locator('#messages audio[controls]').count(), 1, 'voice message player');
      await guest.fill('#body', 'Documento');
      await guest.setInputFiles('#file', { name: 'doc.pdf', mimeType: 'application/pdf', buffer: pdf });
      await go(guest, send);
      assert.match(await guest.locator('#messages').innerText(), /PDF/);
      await checkBothWidths(guest, `${lang}: conversation with voice message and PDF`);
      const href = await guest.locator('#messages a[href*="/anhang/"]').last().getAttribute('href');
      const download = await guest.request.get(new URL(href, server.baseUrl).href);
      assert.equal(download.headers()['content-type'], 'application/pdf');
      assert.match(download.headers()['content-disposition'], /^attachment/);
      assert.equal(download.headers()['content-security-policy'], "default-src 'none'; sandbox");

      // Staff hear the voice message in the conversation.
      await ahk.goto(new URL('/beratung', server.baseUrl).href);
      await go(ahk, ahk.locator('#conversations a', { hasText: `Gast-${lang}` }));
      assert.equal(await ahk.locator('#messages audio[controls]').count(), 1);
      await checkBothWidths(ahk, `${lang}: staff conversation with voice message`);

      await go(guest, guest.locator('main a[href$="/loeschen"]'));
      await checkBothWidths(guest, `${lang}: delete confirmation`);
      await go(guest, guest.locator('main button[type=submit]'));
      assert.equal(await guest.getAttribute('html', 'lang'), lang);
      await checkInPlaceAtBothWidths(guest, `${lang}: deleted`);
      assertAllVisitedChecked(guest);
      await guest.context().close();
    }
    await ahk.context().close();
    await admin.context().close();
  });

  it('the public start in Vietnamese: anonymous, the link once, then the conversation', async () => {
    const person = await newNoJsPage(browser, { locale: 'vi-VN' });
    await person.goto(new URL('/beratung/start', server.baseUrl).href);
    assert.equal(await person.getAttribute('html', 'lang'), 'vi');
    await checkBothWidths(person, 'vi: public start');
    await go(person, person.locator('main button[type=submit]'));
    assert.equal(await person.locator('#error-summary').count(), 1);
    await checkInPlaceAtBothWidths(person, 'vi: public start with errors');
    await person.selectOption('#country', 'VN');
    await person.selectOption('#topic', 'language');
    await person.fill('#passphrase', PASSPHRASE);
    await person.fill('#repeat', PASSPHRASE);
    await go(person, person.locator('main button[type=submit]'));
    const link = await person.inputValue('#guest-link');
    assert.match(link, /\/beratung\/gast\/[A-Za-z0-9_-]{40,}$/);
    await checkInPlaceAtBothWidths(person, 'vi: personal link once');
    await go(person, person.locator('main a[href^="/beratung/gast/"]'));
    await person.fill('#body', 'Xin chào');
    await go(person, person.locator('main form[action$="/nachricht"] button[type=submit]'));
    assert.match(await person.locator('#messages').innerText(), /Xin chào/);
    await checkBothWidths(person, 'vi: started conversation');
    assertAllVisitedChecked(person);
    await person.context().close();
  });
});

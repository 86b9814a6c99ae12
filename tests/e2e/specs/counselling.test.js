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

    // The guest: neutral header, passphrase at first use, then the conversation.
    const guest = await newNoJsPage(browser);
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
    const leaked = await newNoJsPage(browser);
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

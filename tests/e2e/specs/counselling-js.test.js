// Counselling with JavaScript ON (issue 18): a voice message recorded in the browser, and
// live updates. Chromium's fake microphone stands in for a real one. The guest's message form offers "record"; the
// recording becomes the form's file, the page plays it back before sending, and it arrives
// as a WebM audio attachment played with the native player, for the guest and the staff.
// Only the conversation pages allow the microphone (Permissions-Policy); every other page
// keeps it off. Then the staff member answers while the guest's page is open: the answer
// appears in the guest's message list without a reload (server-sent events), a status line
// announces it, and the text the guest is typing stays. axe at 1280 and 320 px with the
// recorder shown and after the live update. Last, the guest side as an installable app of its
// own whose service worker never stores a conversation.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';

import { startServer } from '../lib/server.js';
import {
  CHROMIUM_ARGS,
  launch,
  checkA11y,
  checkInPlaceAtBothWidths,
  go,
} from '../lib/browser.js';
import { adminAndAhkVietnam } from '../lib/accounts.js';

const PASSWORD = 'Browser-Test-Passwort-42';
const PASSPHRASE = 'Mein-Kennwort-fuer-2027!';

describe('counselling with JavaScript on: voice recording and live updates', () => {
  let server;
  let browser;

  before(async () => {
    server = await startServer();
    browser = await launch({
      args: [...CHROMIUM_ARGS, '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'],
    });
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('record → listen → send → the staff hear it and answer → the answer appears live', async () => {
    const { admin, ahk } = await adminAndAhkVietnam(browser, server, PASSWORD, checkA11y);
    await ahk.goto(new URL('/beratung/neu', server.baseUrl).href);
    await ahk.selectOption('#topic', 'visa');
    await ahk.fill('#pseudonym', 'Stimme');
    await go(ahk, ahk.locator('main button[type=submit]'));
    const path = new URL(await ahk.inputValue('#guest-link')).pathname;
    const conversation = ahk.url().replace(/\/link$/, '');

    // The guest's browser runs JavaScript throughout (a page of its own context, not a no-JS
    // page: axe's checks leave it running).
    const guestContext = await browser.newContext({ locale: 'de-DE', permissions: ['microphone'] });
    const guest = await guestContext.newPage();
    await guest.goto(new URL(path, server.baseUrl).href);
    await guest.fill('#passphrase', PASSPHRASE);
    await guest.fill('#repeat', PASSPHRASE);
    await go(guest, guest.locator('main button[type=submit]'));
    const setupHeaders = (await guest.request.get(new URL('/beratung/start', server.baseUrl).href)).headers();
    assert.match(setupHeaders['permissions-policy'], /microphone=\(\)/, 'other pages keep the microphone off');

    const page = await guest.reload();
    assert.match(page.headers()['permissions-policy'], /microphone=\(self\)/);
    assert.match(page.headers()['content-security-policy'], /media-src 'self' blob:/);
    const record = guest.locator('.voice-recorder button');
    assert.equal(await record.innerText(), 'Sprachnachricht aufnehmen');
    await checkInPlaceAtBothWidths(guest, 'guest conversation with the recorder');

    await record.click();
    await guest.locator('.voice-recorder [role=status]', { hasText: 'Die Aufnahme läuft' }).waitFor();
    assert.equal(await record.innerText(), 'Aufnahme beenden');
    await guest.waitForTimeout(1500);
    await record.click();
    await guest.locator('.voice-recorder [role=status]', { hasText: 'aufgenommen' }).waitFor();
    assert.equal(await guest.locator('.voice-recorder audio').isVisible(), true, 'listen before sending');
    const chosen = await guest.evaluate(() => {
      const f = document.getElementById('file').files[0];
      return f && { name: f.name, type: f.type, size: f.size };
    });
    assert.ok(chosen && chosen.size > 1000, `a recording in the file input: ${JSON.stringify(chosen)}`);
    assert.match(chosen.type, /^audio\//);
    await checkInPlaceAtBothWidths(guest, 'guest conversation with a recording to send');

    await go(guest, guest.locator('main form[action$="/nachricht"] button[type=submit]'));
    const player = guest.locator('#messages audio[controls]');
    assert.equal(await player.count(), 1, 'the voice message in the conversation');
    const src = await player.getAttribute('src');
    const audio = await guest.request.get(new URL(src, server.baseUrl).href);
    assert.equal(audio.status(), 200);
    assert.equal(audio.headers()['content-type'], 'audio/webm', 'sniffed from the content');
    assert.ok((await audio.body()).length === chosen.size, 'the recording as sent');

    // The staff member hears it too.
    await ahk.goto(conversation);
    assert.equal(await ahk.locator('#messages audio[controls]').count(), 1);

    // Live: the guest starts typing; the staff member answers; the answer appears in the
    // guest's list without a reload, announced, and the typed text stays.
    await guest.fill('#body', 'Ich schreibe gerade');
    await ahk.fill('#body', 'Wir haben Ihre Sprachnachricht gehört.');
    await go(ahk, ahk.locator('button[value=reply]'));
    await guest.locator('#messages', { hasText: 'Wir haben Ihre Sprachnachricht gehört.' }).waitFor({ timeout: 15_000 });
    assert.match(await guest.locator('#messages + [role=status]').innerText(), /Neue Nachricht/);
    assert.equal(await guest.inputValue('#body'), 'Ich schreibe gerade', 'nothing typed is lost');
    await checkInPlaceAtBothWidths(guest, 'guest conversation after a live update');

    // The guest side is an app of its own: its manifest opens at the guest's link with the
    // guest side as scope, Chromium finds nothing that keeps it from being installed, and the
    // service worker, which controls the guest's pages too, never stores one of them: offline
    // the link shows the offline page, not the conversation.
    const manifestHref = await guest.locator('link[rel=manifest]').getAttribute('href');
    assert.equal(manifestHref, `${path}/app.webmanifest`);
    const manifest = await (await guest.request.get(new URL(manifestHref, server.baseUrl).href)).json();
    assert.equal(manifest.start_url, path);
    assert.equal(manifest.scope, '/beratung/gast/');
    const cdp = await guest.context().newCDPSession(guest);
    await guest.evaluate(() => navigator.serviceWorker.ready);
    await guest.reload();
    assert.ok(await guest.evaluate(() => navigator.serviceWorker.controller !== null), 'guest page controlled by the worker');
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    assert.deepEqual(installabilityErrors.filter((e) => e.errorId !== 'in-incognito'), []);
    const cached = await guest.evaluate(async () => {
      const urls = [];
      for (const name of await caches.keys()) {
        for (const request of await (await caches.open(name)).keys()) urls.push(new URL(request.url).pathname);
      }
      return urls;
    });
    assert.ok(cached.includes('/offline'), 'the offline page is stored');
    assert.deepEqual(cached.filter((p) => p !== '/offline' && !p.startsWith('/static/')), [], 'no conversation is stored');
    await guest.context().setOffline(true);
    await guest.goto(new URL(path, server.baseUrl).href);
    const offline = await guest.content();
    assert.ok(!offline.includes('Wir haben Ihre Sprachnachricht'), 'offline, the conversation is not there');
    assert.ok(!offline.includes('Ich schreibe gerade'));
    await guest.context().setOffline(false);

    await guest.context().close();
    await ahk.context().close();
    await admin.context().close();
  });
});

// The installable web app (issue 17, R-OPR-6) with JavaScript ON, as an installed app runs:
// the manifest is valid and Chromium reports the app installable; the service worker registers
// and controls the pages; offline, a page is answered with the offline page (axe-clean at 1280
// and 320 px, nothing about the user on it); and after visiting the pages with personal data,
// the cache holds only the static assets and the offline page — never a response under
// /unternehmen, /bewerber, /kontakte, … . Fira Sans comes from the app itself: no request ever
// leaves the app's own address.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';

import { startServer, createAdmin } from '../lib/server.js';
import { launch, newNoJsPage, setScriptingEnabled, checkA11y, checkA11yAtBothWidths, assertAllVisitedChecked } from '../lib/browser.js';
import { firstLogin } from '../lib/login.js';

const PASSWORD = 'Browser-Test-Passwort-42';
/** Pages with personal data, none of which may ever be stored by the service worker. */
const PERSONAL = ['/unternehmen', '/bewerber', '/kontakte', '/vermittlungen', '/benutzer', '/profil', '/suche?q=a'];

/** Every address stored in any of the page's caches. */
function cachedUrls(page) {
  return page.evaluate(async () => {
    const urls = [];
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) urls.push(request.url);
    }
    return urls;
  });
}

describe('installable web app (JavaScript on)', () => {
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

  it('is installable, works offline with the offline page, and never stores personal pages', async () => {
    await createAdmin(server, { username: 'pwa', email: 'pwa@example.org', password: PASSWORD });
    const page = await newNoJsPage(browser);
    const foreign = [];
    page.on('request', (request) => {
      if (!request.url().startsWith(server.baseUrl)) foreign.push(request.url());
    });
    await firstLogin(page, server.baseUrl, { username: 'pwa', password: PASSWORD }, checkA11y);
    await setScriptingEnabled(page, true);
    await page.reload();
    await checkA11y(page, 'start page with JavaScript');

    // The manifest: valid, and Chromium finds nothing that keeps the app from being installed.
    const manifest = await (await page.request.get(new URL('/manifest.webmanifest', server.baseUrl).href)).json();
    assert.equal(manifest.start_url, '/');
    assert.equal(manifest.display, 'standalone');
    assert.ok(manifest.name.length > 0);
    assert.ok(manifest.icons.length > 0);
    for (const icon of manifest.icons) {
      const answer = await page.request.get(new URL(icon.src, server.baseUrl).href);
      assert.equal(answer.status(), 200, icon.src);
      assert.equal(answer.headers()['content-type'], icon.type);
    }
    const cdp = await page.context().newCDPSession(page);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    // A test browser context is always a private one, which Chromium never installs from
    // ("in-incognito"); every other reason would be the app's.
    assert.deepEqual(installabilityErrors.filter((e) => e.errorId !== 'in-incognito'), []);

    // The service worker registers and controls the page.
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.reload();
    assert.ok(await page.evaluate(() => navigator.serviceWorker.controller !== null), 'page controlled by the worker');

    // The typeface comes from the app.
    assert.ok(await page.evaluate(async () => { await document.fonts.ready; return document.fonts.check('16px "Fira Sans"'); }), 'Fira Sans loaded');

    // Pages with personal data, visited with the worker in control, are never stored.
    for (const path of PERSONAL) {
      await page.goto(new URL(path, server.baseUrl).href);
      await checkA11y(page, `${path} with JavaScript`);
    }
    const cached = await cachedUrls(page);
    assert.ok(cached.some((u) => new URL(u).pathname === '/offline'), 'offline page stored');
    assert.ok(cached.some((u) => new URL(u).pathname.startsWith('/static/')), 'static assets stored');
    const stored = cached.map((u) => new URL(u).pathname).filter((p) => p !== '/offline' && !p.startsWith('/static/'));
    assert.deepEqual(stored, [], 'only static assets and the offline page are stored');

    // Offline: a page is answered with the offline page, which holds nothing about the user.
    await page.context().setOffline(true);
    await page.goto(new URL('/unternehmen', server.baseUrl).href);
    const text = await page.locator('main').innerText();
    assert.match(await page.title(), /Keine Verbindung/);
    assert.ok(!text.includes('pwa') && !(await page.content()).includes('csrf_token'), 'no user data on the offline page');
    await checkA11yAtBothWidths(page, 'offline page');
    await page.context().setOffline(false);

    assert.deepEqual(foreign, [], 'no request leaves the app');
    assertAllVisitedChecked(page);
    await page.context().close();
  });
});

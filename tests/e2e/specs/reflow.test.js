// WCAG 1.4.10 reflow (320 CSS px, no horizontal scrolling) and keyboard reachability with a
// visible focus, on the pages built so far, with JavaScript off for the page itself.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';

import { startServer, createAdmin } from '../lib/server.js';
import { brokenWordsInTables, launch, newNoJsPage, setScriptingEnabled, sidewaysScroll } from '../lib/browser.js';
import { enrolTotp, submitForm } from '../lib/login.js';

const PASSWORD = 'Browser-Test-Passwort-42';
const PAGES = ['/', '/suche?q=reflow', '/unternehmen', '/unternehmen/neu', '/benutzer', '/benutzer/neu', '/benutzeruebersicht', '/verteiler', '/institutionen',
  '/institutionen/neu', '/referenzdaten', '/admin/texte', '/admin/postausgang', '/profil', '/passwort/aendern',
  '/benachrichtigungen'];

/** Measures with scripting re-enabled for the measurement only (the page loaded without JS). */
async function measure(page, fn) {
  await setScriptingEnabled(page, true);
  try {
    return await page.evaluate(fn);
  } finally {
    await setScriptingEnabled(page, false);
  }
}

describe('reflow and keyboard (JavaScript off)', () => {
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

  it('no page scrolls sideways at 320 px, and every control is reachable by Tab with a visible focus', async () => {
    await createAdmin(server, { username: 'reflow', email: 'reflow@example.org', password: PASSWORD });
    const page = await newNoJsPage(browser, { viewport: { width: 320, height: 640 } });
    await page.goto(new URL('/login', server.baseUrl).href);
    const pages = ['/login'];
    const check = async (path) => {
      const overflow = await sidewaysScroll(page);
      assert.ok(overflow <= 0, `${path} scrolls sideways by ${overflow}px at 320px`);
      const broken = await brokenWordsInTables(page);
      assert.deepEqual(broken, [], `${path}: words broken inside table cells at 320px`);
    };
    await check('/login');
    await page.fill('#username', 'reflow');
    await page.fill('#password', PASSWORD);
    await submitForm(page, '#password');
    await check('/login/totp-einrichten');
    await enrolTotp(page);
    await check('/login/wiederherstellungscodes');
    for (const path of PAGES) {
      await page.goto(new URL(path, server.baseUrl).href);
      await check(path);
      pages.push(path);
    }
    // The bell stays in the header at 320 px, and the header leaves most of the first screen
    // (640 px high) to the content.
    assert.ok(await page.locator('header a.site-bell').isVisible(), 'bell visible at 320px');
    const headerHeight = await measure(page, () => document.querySelector('header.site-header').getBoundingClientRect().height);
    assert.ok(headerHeight <= 240, `the header is ${headerHeight}px high at 320px`);
    // Keyboard: Tab through the start page; the skip link comes first, few stops lie before the
    // content (navigation groups and the user menu are disclosures), every stop shows a focus
    // indicator (outline or box-shadow), and Tab reaches the log-out button once the user menu
    // is opened with Enter.
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(new URL('/', server.baseUrl).href);
    const stops = [];
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      const info = await measure(page, () => {
        const el = document.activeElement;
        const cs = getComputedStyle(el);
        const visible = (cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0) || cs.boxShadow !== 'none';
        const menu = el.closest('details.site-usermenu');
        return {
          tag: el.tagName, text: (el.innerText || el.value || '').trim().slice(0, 40), cls: el.className, visible,
          inMain: Boolean(el.closest('main')), userMenu: el.tagName === 'SUMMARY' && Boolean(menu), open: Boolean(menu?.open),
        };
      });
      stops.push(info);
      if (info.userMenu && !info.open) await page.keyboard.press('Enter');
      if (info.cls.includes('kern-btn') && /Abmelden/.test(info.text)) break;
    }
    assert.match(stops[0].text, /Zum Inhalt springen/, 'skip link first');
    assert.ok(stops.some((s) => /Abmelden/.test(s.text)), `log-out reachable: ${JSON.stringify(stops)}`);
    // Before the content: the skip link, product, search field and button, bell, user menu,
    // the start link and one stop per navigation group (an admin sees three).
    await page.goto(new URL('/', server.baseUrl).href);
    const headerStops = [];
    for (let i = 0; i < 30; i++) {
      await page.keyboard.press('Tab');
      const where = await measure(page, () => (document.activeElement.closest('header') ? document.activeElement.tagName + ':' + (document.activeElement.innerText || '').trim().slice(0, 30) : null));
      if (where === null) break;
      headerStops.push(where);
    }
    assert.ok(headerStops.length <= 10, `${headerStops.length} tab stops in the header: ${JSON.stringify(headerStops)}`);
    const invisible = stops.filter((s) => !s.visible);
    assert.deepEqual(invisible, [], 'every focus stop is visibly marked');
    await page.context().close();
  });
});

// Deployment, JavaScript off: a fresh instance has the shipped postcode table, so the first
// company is created without any import; the public page "Datenquellen und Lizenzen" (linked
// from every footer) names the postcode data's source and licence (ODbL); a branded instance
// (product name, logo, colours from [branding]) shows them. axe at 1280 and 320 px, and no
// sideways scrolling at 320 px.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { startServer, createAdmin } from '../lib/server.js';
import {
  launch, newNoJsPage, checkA11y, checkBothWidths, assertAllVisitedChecked, setScriptingEnabled, go,
} from '../lib/browser.js';
import { firstLogin } from '../lib/login.js';

const PASSWORD = 'Browser-Test-Passwort-42';
const LEGAL = '/lizenzen';

/** Evaluates `fn` in the page with scripting on for just that moment. */
async function measure(page, fn) {
  await setScriptingEnabled(page, true);
  try {
    return await page.evaluate(fn);
  } finally {
    await setScriptingEnabled(page, false);
  }
}

describe('deployment (JavaScript off)', () => {
  let browser;

  before(async () => {
    browser = await launch();
  });

  after(async () => {
    await browser?.close();
  });

  it('a fresh instance creates companies at once and names the data licence', async () => {
    const server = await startServer();
    try {
      assert.match(server.logs(), /Postleitzahlen geladen: 13108 Einträge/);

      // The legal notice, public, from the login page's footer.
      const visitor = await newNoJsPage(browser);
      await visitor.goto(new URL('/login', server.baseUrl).href);
      await go(visitor, visitor.locator('footer a[href="/lizenzen"]'));
      assert.equal(new URL(visitor.url()).pathname, LEGAL);
      assert.equal(await visitor.locator('h1').innerText(), 'Datenquellen und Lizenzen');
      const main = await visitor.locator('main').innerText();
      assert.match(main, /© OpenStreetMap-Mitwirkende/);
      assert.match(main, /Open Database License \(ODbL 1\.0\)/);
      assert.equal(await visitor.locator('a[href="https://www.openstreetmap.org/copyright"]').count(), 1);
      await checkBothWidths(visitor, 'legal notice');

      // The first company, without importing postcodes: the address is checked against the
      // shipped table (without one, any five digits would pass).
      await createAdmin(server, { username: 'betrieb', email: 'betrieb@example.org', password: PASSWORD });
      const admin = await newNoJsPage(browser);
      await firstLogin(admin, server.baseUrl, { username: 'betrieb', password: PASSWORD }, checkA11y);
      await admin.goto(new URL('/unternehmen/neu', server.baseUrl).href);
      await admin.fill('#name', 'Thüringer Glaswerk GmbH');
      await admin.fill('#street', 'Anger');
      await admin.fill('#house_number', '7');
      await admin.fill('#plz', '99084');
      await admin.fill('#ort', 'Weimar');
      await admin.selectOption('#industry', 'C');
      await admin.fill('#employees', '30');
      await admin.check('input[name=target_occupations][value=mechatronik]');
      await admin.selectOption('#outreach_format', 'persoenlich');
      await go(admin, admin.locator('button[value=review]'));
      assert.match(await admin.locator('#error-summary').innerText(), /Der Ort passt nicht zur PLZ/);
      await checkA11y(admin, 'company form with an address error');
      await admin.fill('#ort', 'Erfurt');
      await go(admin, admin.locator('button[value=review]'));
      assert.match(admin.url(), /\/unternehmen\/neu\/pruefen$/, await admin.locator('main').innerText());
      await checkA11y(admin, 'company review');
      await go(admin, admin.locator('button[value=save]'));
      assert.match(await admin.locator('h1').innerText(), /Thüringer Glaswerk GmbH/);
      await checkA11y(admin, 'company detail');

      for (const p of [visitor, admin]) {
        assertAllVisitedChecked(p);
        await p.context().close();
      }
    } finally {
      await server.stop();
    }
  });

  it('a branded instance shows its name, logo and colours', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'hih-brand-'));
    const logo = path.join(dir, 'logo.svg');
    await writeFile(logo, '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40" viewBox="0 0 120 40"><rect width="120" height="40" fill="#7a1f3d"/></svg>');
    const server = await startServer({
      env: {
        HIH_BRANDING__PRODUCT_NAME: 'Talentbrücke Sachsen',
        HIH_BRANDING__LOGO_PATH: logo,
        HIH_BRANDING__PRIMARY_COLOUR: '#7a1f3d',
        HIH_BRANDING__ACCENT_COLOUR: '#1b6b2f',
      },
    });
    try {
      const page = await newNoJsPage(browser);
      await page.goto(new URL('/login', server.baseUrl).href);
      assert.match(await page.title(), / – Talentbrücke Sachsen$/);
      assert.equal(await page.locator('.site-brand').innerText(), 'Talentbrücke Sachsen');
      const shown = await measure(page, () => {
        const img = document.querySelector('.site-brand__logo');
        const header = getComputedStyle(document.querySelector('.site-header'));
        return { logoWidth: img ? img.naturalWidth : 0, rule: header.borderTopColor };
      });
      assert.equal(shown.logoWidth, 120, 'the logo loads');
      assert.equal(shown.rule, 'rgb(122, 31, 61)', 'the primary colour rules the header');
      await checkBothWidths(page, 'branded login');
      await page.goto(new URL(LEGAL, server.baseUrl).href);
      assert.match(await page.locator('main').innerText(), /Talentbrücke Sachsen enthält Daten und Software Dritter/);
      await checkBothWidths(page, 'branded legal notice');
      assertAllVisitedChecked(page);
      await page.context().close();
    } finally {
      await server.stop();
      await rm(dir, { recursive: true, force: true });
    }
  });
});

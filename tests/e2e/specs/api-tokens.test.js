// Personal API tokens with JavaScript disabled: an admin creates a read-only token on the
// profile (first with a date too far ahead, then review and save), sees the secret once, uses
// it against /api/v1 from outside the browser, finds it in the administrators' list, revokes
// it after confirmation, and the API refuses it; axe-core checks every page on the way. Then
// Swagger UI renders for the admin under its own CSP.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';

import { startServer, createAdmin } from '../lib/server.js';
import { launch, newNoJsPage, checkA11y, assertAllVisitedChecked, go, navigate } from '../lib/browser.js';
import { firstLogin } from '../lib/login.js';

const PASSWORD = 'Browser-Test-Passwort-42';

/** A day `days` from today as `YYYY-MM-DD`. */
function dayFromToday(days) {
  const d = new Date(Date.now() + days * 24 * 3600 * 1000);
  return d.toISOString().slice(0, 10);
}

describe('personal API tokens (JavaScript off)', () => {
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

  it('create → shown once → use → revoke', async () => {
    await createAdmin(server, { username: 'token', email: 'token@example.org', password: PASSWORD });
    const page = await newNoJsPage(browser);
    await firstLogin(page, server.baseUrl, { username: 'token', password: PASSWORD }, checkA11y);

    await navigate(page, '/profil');
    await checkA11y(page, 'profile');
    await go(page, page.locator('a[href="/profil/api-tokens"]'));
    await checkA11y(page, 'own tokens (none)');
    await go(page, page.locator('a[href="/profil/api-tokens/neu"]'));
    await checkA11y(page, 'new token form');
    await page.fill('#name', 'Auswertung Quartal');
    await page.fill('#valid_until', dayFromToday(400));
    await page.check('#read_only');
    await go(page, page.locator('button[value=review]'));
    assert.match(await page.locator('#error-summary').innerText(), /höchstens 365 Tage/);
    await checkA11y(page, 'new token form with errors');
    await page.fill('#valid_until', dayFromToday(30));
    await go(page, page.locator('button[value=review]'));
    assert.match(page.url(), /\/profil\/api-tokens\/neu\/pruefen$/);
    await checkA11y(page, 'token review');
    await go(page, page.locator('button[value=save]'));
    assert.match(page.url(), /\/profil\/api-tokens\/erstellt$/);
    await checkA11y(page, 'token shown once');
    const secret = (await page.locator('#api-token-secret').innerText()).trim();
    assert.match(secret, /^hih_[A-Za-z0-9_-]{43}$/);

    // Once only: the same address now leads to the list, which shows the prefix.
    await page.goto(new URL('/profil/api-tokens/erstellt', server.baseUrl).href);
    assert.match(page.url(), /\/profil\/api-tokens$/);
    const list = await page.locator('main').innerText();
    assert.ok(!list.includes(secret), 'the secret is not shown again');
    assert.ok(list.includes(secret.slice(0, 12)), 'the prefix is');
    await checkA11y(page, 'own tokens');

    // The token works from outside the browser; a write is refused (read-only).
    const api = new URL('/api/v1/companies', server.baseUrl).href;
    const auth = { authorization: `Bearer ${secret}` };
    let res = await fetch(api, { headers: auth });
    assert.equal(res.status, 200);
    assert.equal((await res.json()).total, 0);
    res = await fetch(api, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: '{}' });
    assert.equal(res.status, 403);
    assert.equal(res.headers.get('content-type'), 'application/problem+json');
    assert.equal((await res.json()).type, 'urn:hih:problem:read-only-token');

    await navigate(page, '/api-tokens');
    assert.match(await page.locator('main').innerText(), /Auswertung Quartal/);
    await checkA11y(page, 'everyone\'s tokens');
    await go(page, page.locator('a[href$="/widerrufen"]'));
    await checkA11y(page, 'revoke confirmation');
    await go(page, page.locator('button[type=submit]').filter({ hasText: 'Ja, widerrufen' }));
    assert.match(await page.locator('main').innerText(), /widerrufen/);
    await checkA11y(page, 'tokens after revocation');

    res = await fetch(api, { headers: auth });
    assert.equal(res.status, 401);
    assert.equal((await res.json()).type, 'urn:hih:problem:unauthorized');
    assertAllVisitedChecked(page);

    // Swagger UI (JavaScript on, the admin's session): its inline script runs under the
    // page's own hash-based CSP and renders the document. A developer tool, not checked by axe.
    const docs = await (await browser.newContext()).newPage();
    await docs.context().addCookies(await page.context().cookies());
    const blocked = [];
    docs.on('console', (m) => { if (/Content Security Policy/i.test(m.text())) blocked.push(m.text()); });
    await docs.goto(new URL('/api/v1/docs', server.baseUrl).href);
    await docs.locator('.swagger-ui .info .title').waitFor({ timeout: 15_000 });
    assert.match(await docs.locator('.swagger-ui .info .title').innerText(), /HiH-Projektdatenbank/);
    assert.deepEqual(blocked, [], 'nothing blocked by the CSP');
    await docs.context().close();
    await page.context().close();
  });
});

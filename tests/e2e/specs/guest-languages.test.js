// The guest pages in the guest languages, JavaScript off: an AHK Vietnam user invites a person
// in Vietnamese; the person's registration opens in Vietnamese, the switch offers the four
// guest languages in their own names and changes to Portuguese; the consent page, its error
// and the first step pass axe at 1280 and 320 px in both languages.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';

import { serverAndBrowser } from '../lib/suite.js';
import { newNoJsPage, checkA11y, checkBothWidths, checkInPlaceAtBothWidths, go } from '../lib/browser.js';
import { adminAndAhkVietnam } from '../lib/accounts.js';

const PASSWORD = 'Browser-Test-Passwort-42';

describe('guest pages in Vietnamese and Portuguese (JavaScript off)', () => {
  const env = serverAndBrowser();

  it('an invitation in Vietnamese opens in Vietnamese and switches to Portuguese', async () => {
    const { server, browser } = env;
    const { ahk } = await adminAndAhkVietnam(browser, server, PASSWORD, checkA11y);
    await ahk.goto(new URL('/bewerber/einladungen/neu', server.baseUrl).href);
    await ahk.selectOption('#locale', 'vi');
    await go(ahk, ahk.locator('button[value=review]'));
    await go(ahk, ahk.locator('button[value=save]'));
    const link = await ahk.inputValue('#invitation-link');

    const guest = await newNoJsPage(browser);
    await guest.goto(new URL(new URL(link).pathname, server.baseUrl).href);
    assert.equal(await guest.getAttribute('html', 'lang'), 'vi');
    assert.match(await guest.locator('h1').innerText(), /Đồng ý/);
    const switcher = guest.locator('.lang-switch');
    for (const name of ['Deutsch', 'English', 'Português']) {
      assert.equal(await switcher.getByRole('button', { name }).count(), 1, `switch offers ${name}`);
    }
    assert.equal(await switcher.locator('[aria-current="true"]').innerText(), 'Tiếng Việt');
    await checkBothWidths(guest, 'consent page (vi)');
    await go(guest, guest.locator('main button[type=submit]'));
    assert.match(await guest.locator('#error-summary').innerText(), /Vui lòng xác nhận/);
    await checkInPlaceAtBothWidths(guest, 'consent page with error (vi)');

    await go(guest, switcher.getByRole('button', { name: 'Português' }));
    assert.equal(await guest.getAttribute('html', 'lang'), 'pt');
    assert.match(await guest.locator('h1').innerText(), /Consentimento/);
    await checkBothWidths(guest, 'consent page (pt)');
    await guest.check('#consent');
    await go(guest, guest.locator('main button[type=submit]'));
    assert.match(guest.url(), /\/person$/);
    assert.match(await guest.locator('main').innerText(), /Dados pessoais/);
    await checkBothWidths(guest, 'step person (pt)');
    await guest.close();
  });
});

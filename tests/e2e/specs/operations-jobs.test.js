// The job dashboard with JavaScript disabled (R-OPS-2): the server delivers mail over SMTP to
// a port where nobody listens, so the mail a password reset asks for fails on all its
// attempts. The administrator opens "Hintergrundjobs", sees every job type with its schedule
// and next run, filters the runs by job and state with the GET form, opens the failed run and
// runs it again through the confirmation page. axe at 1280 and 320 px, and no sideways
// scrolling at 320 px.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:net';

import { startServer, createAdmin } from '../lib/server.js';
import { launch, newNoJsPage, checkA11y, assertAllVisitedChecked, setScriptingEnabled, go, navigate } from '../lib/browser.js';
import { firstLogin, submitForm } from '../lib/login.js';

const PASSWORD = 'Browser-Test-Passwort-42';
const PAGE = '/system/jobs';

/** Evaluates `fn` in the page with scripting on for just that moment. */
async function measure(page, fn) {
  await setScriptingEnabled(page, true);
  try {
    return await page.evaluate(fn);
  } finally {
    await setScriptingEnabled(page, false);
  }
}

/** A loopback port nobody listens on (taken and released again). */
function closedPort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** How far the page scrolls sideways. */
function overflow(page) {
  return measure(page, () => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

describe('job dashboard (JavaScript off)', () => {
  let server;
  let browser;

  before(async () => {
    const port = await closedPort();
    server = await startServer({
      env: { HIH_MAIL__MODE: 'smtp', HIH_MAIL__SMTP_URL: `smtp://127.0.0.1:${port}` },
    });
    browser = await launch();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('the administrator filters the runs and runs a failed one again', async () => {
    await createAdmin(server, { username: 'betrieb', email: 'betrieb@example.org', password: PASSWORD });
    const admin = await newNoJsPage(browser);
    await firstLogin(admin, server.baseUrl, { username: 'betrieb', password: PASSWORD }, checkA11y);

    // A password reset asks for a mail; its delivery fails on every attempt.
    const guest = await newNoJsPage(browser);
    await guest.goto(new URL('/passwort/vergessen', server.baseUrl).href);
    await guest.fill('#email', 'betrieb@example.org');
    await submitForm(guest, '#email');
    await guest.context().close();

    // The navigation leads to the dashboard.
    await admin.setViewportSize({ width: 1280, height: 900 });
    await navigate(admin, PAGE);
    assert.equal(await admin.locator('h1').innerText(), 'Hintergrundjobs');
    // Every job type: mail delivery on demand, the misuse scan every minute with its next run.
    const mail = admin.locator('#type-mail-deliver');
    assert.match(await mail.locator('th').innerText(), /E-Mail zustellen/);
    assert.match(await mail.locator('.job-schedule').innerText(), /bei Bedarf/);
    const scan = admin.locator('#type-protocol-misuse-scan');
    assert.match(await scan.locator('.job-schedule').innerText(), /jede Minute/);
    assert.match(await scan.locator('.job-next').innerText(), /^\d{2}\.\d{2}\.\d{4} \d{2}:\d{2}$/);
    await checkA11y(admin, 'job dashboard at 1280 px');

    // Wait for the delivery to use up its attempts (the page is reloaded, no script needed).
    const failedRows = admin.locator('#job-runs tbody tr[data-state=failed]');
    for (let i = 0; i < 60 && (await failedRows.count()) === 0; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      await admin.reload();
    }
    assert.equal(await failedRows.count(), 1, await admin.locator('#job-runs').innerText());

    // Filter by job and state with the GET form.
    await admin.selectOption('#job', 'mail.deliver');
    await admin.selectOption('#status', 'failed');
    await submitForm(admin, '#status');
    const url = new URL(admin.url());
    assert.equal(url.pathname, PAGE);
    assert.equal(url.searchParams.get('job'), 'mail.deliver');
    assert.equal(url.searchParams.get('status'), 'failed');
    const rows = admin.locator('#job-runs tbody tr');
    assert.equal(await rows.count(), 1);
    assert.match(await rows.first().locator('.run-state').innerText(), /^fehlgeschlagen$/);
    assert.equal(await rows.first().locator('.run-attempts').innerText(), '3 von 3');
    assert.notEqual((await rows.first().locator('.run-error').innerText()).trim(), '');
    await checkA11y(admin, 'job dashboard filtered');

    // The run's page.
    await go(admin, rows.first().locator('a'));
    assert.match(admin.url(), /\/system\/jobs\/[0-9A-Z]{26}$/);
    const runUrl = admin.url();
    assert.equal(await admin.locator('#run-state').innerText(), 'fehlgeschlagen');
    assert.equal(await admin.locator('#run-attempts').innerText(), '3 von 3');
    await checkA11y(admin, 'failed run');

    // Retry: confirmation page first, then back on the run's page with a message.
    await go(admin, admin.locator('button[type=submit]').filter({ hasText: 'Erneut ausführen' }));
    assert.equal(await admin.locator('h1').innerText(), 'Lauf erneut ausführen?');
    assert.match(await admin.locator('#confirm-question').innerText(), /E-Mail zustellen/);
    await checkA11y(admin, 'retry confirmation');
    await go(admin, admin.locator('button[type=submit]').filter({ hasText: 'Ja, erneut ausführen' }));
    assert.equal(admin.url(), runUrl);
    assert.match(await admin.locator('main').innerText(), /Der Lauf wurde wieder eingereiht/);
    assert.match(await admin.locator('#run-attempts').innerText(), /^\d von 6$/);
    await checkA11y(admin, 'retried run');

    // At 320 px: axe again, and no sideways scrolling.
    await admin.setViewportSize({ width: 320, height: 640 });
    await admin.goto(new URL(PAGE, server.baseUrl).href);
    assert.ok((await overflow(admin)) <= 0, 'the dashboard scrolls sideways at 320 px');
    await checkA11y(admin, 'job dashboard at 320 px');
    await admin.goto(runUrl);
    assert.ok((await overflow(admin)) <= 0, 'the run scrolls sideways at 320 px');
    await checkA11y(admin, 'run at 320 px');

    assertAllVisitedChecked(admin);
    await admin.context().close();
  });
});

// Self-tests of the e2e harness. They need Chromium but not the Rust app:
// pages come from a tiny node:http server, and lib/server.js is driven with a
// fake binary. They show that each check can fail, not only pass.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';

import {
  assertAllVisitedChecked,
  checkA11y,
  checkedUrls,
  launch,
  newNoJsPage,
  resetA11yRecord,
  visitedUrls,
} from '../lib/browser.js';
import { enrolTotp, login } from '../lib/login.js';
import { createAdmin, E2E_DIR, startServer } from '../lib/server.js';
import { base32Encode, msUntilNextStep, timeStep, totp } from '../lib/totp.js';

// ---------------------------------------------------------------- fixtures

const SCRIPT = `<script>
  document.documentElement.dataset.js = 'ran';
  setTimeout(() => { document.documentElement.dataset.timer = 'ran'; }, 0);
</script>`;

const page = (title, body, lang = 'de') =>
  `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${title}</title></head><body>${body}</body></html>`;

const GOOD = page(
  'Gute Seite',
  `<main><h1>Suche</h1>
   <form method="get" action="/good"><label for="q">Suchbegriff</label>
   <input id="q" name="q" type="text"><button type="submit">Suchen</button></form></main>${SCRIPT}`,
);

const PIXEL = 'data:image/gif;base64,R0lGODlhAQABAAAAACw=';
const BAD = page('Schlechte Seite', `<main><h1>Suche</h1><input name="q" type="text"><img src="${PIXEL}"></main>`);

const LOGIN_SECRET = base32Encode('login-secret-12345678');
const ENROL_SECRET = 'GEZD GNBV GY3T QOJQ GEZD GNBV GY3T QOJQ';

const form = (action, fields, error = '') =>
  page(
    'Anmelden',
    `<main><h1>Anmelden</h1>${error ? `<p role="alert">${error}</p>` : ''}
     <form method="post" action="${action}">${fields}<button type="submit">Weiter</button></form></main>${SCRIPT}`,
  );
const field = (name, label, type = 'text') =>
  `<label for="${name}">${label}</label><input id="${name}" name="${name}" type="${type}">`;

/** Codes accepted per secret, so replays are rejected like a real server would. */
const usedSteps = new Map();
function acceptCode(secret, code) {
  const step = timeStep();
  for (const s of [step, step - 1]) {
    if (totp(secret, s * 30_000) === code && (usedSteps.get(secret) ?? -Infinity) < s) {
      usedSteps.set(secret, s);
      return true;
    }
  }
  return false;
}

async function readForm(req) {
  let body = '';
  for await (const chunk of req) body += chunk;
  return new URLSearchParams(body);
}

/** node:http handler for the fixture pages and a fake password+TOTP login. */
async function handle(req, res) {
  const url = new URL(req.url, 'http://x');
  const html = (status, body, headers = {}) =>
    res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', ...headers }).end(body);
  const key = `${req.method} ${url.pathname}`;
  switch (key) {
    case 'GET /good':
      return html(200, GOOD);
    case 'GET /csp':
      return html(200, GOOD, { 'content-security-policy': "default-src 'none'; script-src 'self'" });
    case 'GET /bad':
      return html(200, BAD);
    case 'GET /login':
      return html(200, form('/login', field('username', 'Benutzername') + field('password', 'Passwort', 'password')));
    case 'POST /login': {
      const f = await readForm(req);
      if (f.get('username') === 'alice' && f.get('password') === 'correct horse') {
        return html(200, form('/login/totp', field('code', 'Code')));
      }
      return html(200, form('/login', field('username', 'Benutzername') + field('password', 'Passwort', 'password'), 'Falsch'));
    }
    case 'POST /login/totp': {
      const f = await readForm(req);
      if (acceptCode(LOGIN_SECRET, f.get('code'))) return res.writeHead(303, { location: '/home' }).end();
      return html(200, form('/login/totp', field('code', 'Code'), 'Code falsch'));
    }
    case 'GET /enrol':
      return html(
        200,
        page(
          'Einrichten',
          `<main><h1>Zwei-Faktor</h1><p>Geheimnis: <code id="totp-secret">${ENROL_SECRET}</code></p>
           <form method="post" action="/enrol">${field('code', 'Code')}<button type="submit">Bestätigen</button></form></main>`,
        ),
      );
    case 'POST /enrol': {
      const f = await readForm(req);
      if (acceptCode(ENROL_SECRET.replace(/\s/g, ''), f.get('code'))) return res.writeHead(303, { location: '/home' }).end();
      return html(400, page('Fehler', '<main><h1>Code falsch</h1></main>'));
    }
    case 'GET /home':
      return html(200, page('Start', '<main><h1>Willkommen</h1></main>'));
    default:
      return html(404, page('Nicht gefunden', '<main><h1>404</h1></main>'));
  }
}

function listen(host) {
  return new Promise((resolve) => {
    const srv = createServer((req, res) => {
      handle(req, res).catch((err) => res.writeHead(500).end(String(err)));
    });
    srv.listen(0, host, () => resolve(srv));
  });
}

// ------------------------------------------------------------------- tests

describe('totp', () => {
  // RFC 6238 appendix B, SHA-1 column; the key is ASCII "12345678901234567890".
  const secret = base32Encode('12345678901234567890');
  const vectors = [
    [59, '94287082'],
    [1111111109, '07081804'],
    [1111111111, '14050471'],
    [1234567890, '89005924'],
    [2000000000, '69279037'],
    [20000000000, '65353130'],
  ];

  it('encodes the RFC key as expected', () => {
    assert.equal(secret, 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
  });

  for (const [seconds, code] of vectors) {
    it(`matches the RFC 6238 vector at T=${seconds}`, () => {
      assert.equal(totp(secret, seconds * 1000, 8), code);
      assert.equal(totp(secret, new Date(seconds * 1000), 8), code);
    });
  }

  it('gives 6 digits by default, ignoring case and spaces', () => {
    assert.equal(totp(secret, 59_000), '287082');
    assert.equal(totp('gezd gnbv gy3t qojq gezd gnbv gy3t qojq', 59_000), '287082');
  });

  it('changes at the 30 s boundary', () => {
    assert.equal(timeStep(29_999), 0);
    assert.equal(timeStep(30_000), 1);
    assert.equal(msUntilNextStep(29_000), 1_000);
    assert.notEqual(totp(secret, 29_999), totp(secret, 30_000));
  });

  it('rejects invalid base32', () => {
    assert.throws(() => totp('not base32!', 0), /invalid base32/);
  });
});

describe('server.js (with a fake hih binary)', () => {
  const bin = path.join(E2E_DIR, 'fixtures', 'fake-hih.mjs');

  it('starts on a free port with a fresh database and the expected env', async () => {
    const server = await startServer({ bin });
    try {
      assert.match(server.baseUrl, /^http:\/\/127\.0\.0\.1:\d+$/);
      assert.ok(existsSync(server.dataDir));
      const env = await (await fetch(`${server.baseUrl}/env`)).json();
      assert.equal(env.DATABASE_URL, `sqlite://${server.dataDir}/hih.db?mode=rwc`);
      assert.equal(env.DATABASE_URL, server.databaseUrl);
      assert.equal(env.HIH_DATA_DIR, server.dataDir);
      assert.equal(env.HIH_MAIL__MODE, 'outbox');
      assert.equal(env.RUST_LOG, 'warn');
      assert.deepEqual(env.args, ['--bind', server.baseUrl.slice('http://'.length)]);

      const out = JSON.parse(await createAdmin(server, { username: 'admin', email: 'a@example.org', password: 'pw pw' }));
      assert.deepEqual(out.args, ['--username', 'admin', '--email', 'a@example.org', '--password', 'pw pw']);
      assert.equal(out.DATABASE_URL, server.databaseUrl);
      await assert.rejects(server.run(['no-such-command']), /unknown command no-such-command/);
    } finally {
      await server.stop();
    }
    assert.ok(!existsSync(server.dataDir), 'stop() removes the data dir');
    await assert.rejects(fetch(`${server.baseUrl}/readyz`));
  });

  it('surfaces stderr when the binary exits early', async () => {
    await assert.rejects(startServer({ bin, env: { FAKE_HIH_FAIL: '1' } }), /exited before it was ready[^]*boom: cannot open database/);
  });

  it('times out when /readyz never answers 200', async () => {
    await assert.rejects(
      startServer({ bin, env: { FAKE_HIH_NEVER_READY: '1' }, readyTimeoutMs: 1_000 }),
      /not ready within 1000 ms: GET \/readyz: status 503/,
    );
  });

  it('reports a missing binary', async () => {
    await assert.rejects(startServer({ bin: path.join(E2E_DIR, 'no-such-binary') }), /ENOENT/);
  });
});

describe('browser.js and login.js (against local fixture pages)', () => {
  let browser;
  let site; // 127.0.0.1
  let otherSite; // 127.0.0.2: a different site, so navigation swaps renderer processes
  let base;
  let otherBase;

  before(async () => {
    browser = await launch();
    site = await listen('127.0.0.1');
    otherSite = await listen('127.0.0.2');
    base = `http://127.0.0.1:${site.address().port}`;
    otherBase = `http://127.0.0.2:${otherSite.address().port}`;
  });

  after(async () => {
    await browser?.close();
    site?.close();
    otherSite?.close();
  });

  it('a normal page runs scripts (control for the no-JS test)', async () => {
    const p = await browser.newPage();
    try {
      await p.goto(`${base}/good`);
      await p.waitForFunction(() => document.documentElement.dataset.timer === 'ran');
      assert.equal(await p.locator('html').getAttribute('data-js'), 'ran');
    } finally {
      await p.context().close();
    }
  });

  it('newNoJsPage loads documents without running their scripts, also after a cross-site navigation and checkA11y', async () => {
    const p = await newNoJsPage(browser);
    try {
      for (const url of [`${base}/good`, `${otherBase}/good`, `${base}/good?again`]) {
        await p.goto(url);
        await new Promise((resolve) => setTimeout(resolve, 200));
        assert.equal(await p.locator('html').getAttribute('data-js'), null, `script ran on ${url}`);
        assert.equal(await p.locator('html').getAttribute('data-timer'), null, `timer ran on ${url}`);
        await checkA11y(p, url);
      }
    } finally {
      await p.context().close();
    }
  });

  it('checkA11y passes for an accessible page, also under a strict CSP', async () => {
    const p = await newNoJsPage(browser);
    try {
      await p.goto(`${base}/good`);
      await checkA11y(p, 'good page');
      await p.goto(`${base}/csp`);
      await checkA11y(p, 'good page with CSP');
    } finally {
      await p.context().close();
    }
  });

  it('checkA11y fails for an inaccessible page, naming label and image-alt', async () => {
    const p = await newNoJsPage(browser);
    try {
      await p.goto(`${base}/bad`);
      await assert.rejects(checkA11y(p, 'bad page'), (err) => {
        assert.ok(err instanceof assert.AssertionError, `expected an AssertionError, got ${err}`);
        assert.match(err.message, /on bad page \(http:\/\/127\.0\.0\.1:\d+\/bad\)/);
        assert.match(err.message, /- label \[critical\]/);
        assert.match(err.message, /- image-alt \[critical\]/);
        assert.match(err.message, /\["img"\]/);
        assert.ok(err.actual.includes('label') && err.actual.includes('image-alt'));
        return true;
      });
      // scripting is off again after a failed check
      await p.goto(`${base}/good`);
      assert.equal(await p.locator('html').getAttribute('data-js'), null);
    } finally {
      await p.context().close();
    }
  });

  it('records checked URLs and can tell when a visited page was not checked', async () => {
    resetA11yRecord();
    const p = await newNoJsPage(browser);
    try {
      await p.goto(`${base}/good`);
      await checkA11y(p, 'good page');
      assertAllVisitedChecked(p);
      await p.goto(`${base}/good#fragment`);
      assertAllVisitedChecked(p);
      await p.goto(`${base}/csp`);
      assert.throws(() => assertAllVisitedChecked(p), /never checked[^]*\/csp/);
      await checkA11y(p, 'csp page');
      assertAllVisitedChecked(p);
      assert.deepEqual(checkedUrls(), [`${base}/good`, `${base}/csp`]);
      assert.deepEqual(visitedUrls(p), [`${base}/good`, `${base}/good#fragment`, `${base}/csp`]);
    } finally {
      await p.context().close();
    }
  });

  it('login() goes through password and TOTP forms without JavaScript', async () => {
    const p = await newNoJsPage(browser);
    try {
      const url = await login(p, base, { username: 'alice', password: 'correct horse', totpSecret: LOGIN_SECRET });
      assert.equal(url, `${base}/home`);
      assert.equal(await p.locator('h1').textContent(), 'Willkommen');

      await assert.rejects(login(p, base, { username: 'alice', password: 'correct horse' }), /no totpSecret/);
      const wrong = await login(p, base, { username: 'alice', password: 'wrong' });
      assert.equal(wrong, `${base}/login`);
      assert.equal(await p.locator('[role=alert]').textContent(), 'Falsch');
    } finally {
      await p.context().close();
    }
  });

  it('enrolTotp() reads the secret and confirms a valid code', async () => {
    const p = await newNoJsPage(browser);
    try {
      await p.goto(`${base}/enrol`);
      const secret = await enrolTotp(p);
      assert.equal(secret, ENROL_SECRET.replace(/\s/g, ''));
      assert.equal(p.url(), `${base}/home`);
    } finally {
      await p.context().close();
    }
  });
});

// A logged-in benchmark client (password + TOTP enrolment over HTTP), shared by bench.mjs and
// the profiling driver.
import { totp } from '../../tests/e2e/lib/totp.js';

/** A logged-in client: its own cookie and CSRF token. */
export class Client {
  constructor(base) {
    this.base = base;
    this.cookie = '';
    this.csrf = '';
  }

  async req(path, { method = 'GET', form } = {}) {
    const headers = { cookie: this.cookie };
    let body;
    if (form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams({ csrf_token: this.csrf, ...form }).toString();
    }
    const res = await fetch(this.base + path, { method, headers, body, redirect: 'manual' });
    const set = res.headers.get('set-cookie');
    if (set) this.cookie = set.split(';')[0];
    const buf = Buffer.from(await res.arrayBuffer());
    const m = /name="csrf_token" value="([^"]+)"/.exec(buf.toString());
    if (m) this.csrf = m[1];
    return { status: res.status, body: buf };
  }

  async login(username) {
    await this.req('/login');
    await this.req('/login', { method: 'POST', form: { username, password: 'Messlauf-Kennwort-2026!' } });
    const page = (await this.req('/login/totp-einrichten')).body.toString();
    const secret = /id="totp-secret">([^<]+)</.exec(page)[1].replace(/\s+/g, '');
    const r = await this.req('/login/totp-einrichten', { method: 'POST', form: { code: totp(secret) } });
    if (r.status !== 303) throw new Error(`login of ${username} failed`);
    await this.req('/login/wiederherstellungscodes');
    if ((await this.req('/')).status !== 200) throw new Error(`${username} not logged in`);
    return this;
  }
}


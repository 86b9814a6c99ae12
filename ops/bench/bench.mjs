// Benchmark driver: logs in (password + TOTP enrolment), then times the pages.
// Usage: node ops/bench/bench.mjs BASE_URL SERVER_PID SQLITE_FILE COMPANIES
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import { totp } from '../../tests/e2e/lib/totp.js';

const [base, pid, dbFile, companies, applicants = '0', contacts = '0'] = process.argv.slice(2);
let cookie = '';
let csrf = '';

async function req(path, { method = 'GET', form } = {}) {
  const headers = { cookie };
  let body;
  if (form) {
    headers['content-type'] = 'application/x-www-form-urlencoded';
    body = new URLSearchParams({ csrf_token: csrf, ...form }).toString();
  }
  const res = await fetch(base + path, { method, headers, body, redirect: 'manual' });
  const set = res.headers.get('set-cookie');
  if (set) cookie = set.split(';')[0];
  const buf = Buffer.from(await res.arrayBuffer());
  const m = /name="csrf_token" value="([^"]+)"/.exec(buf.toString());
  if (m) csrf = m[1];
  return { status: res.status, location: res.headers.get('location'), body: buf };
}

async function login(username = 'bench') {
  await req('/login');
  await req('/login', { method: 'POST', form: { username, password: 'Messlauf-Kennwort-2026!' } });
  const page = (await req('/login/totp-einrichten')).body.toString();
  const secret = /id="totp-secret">([^<]+)</.exec(page)[1].replace(/\s+/g, '');
  const r = await req('/login/totp-einrichten', { method: 'POST', form: { code: totp(secret) } });
  if (r.status !== 303) throw new Error('login failed');
  await req('/login/wiederherstellungscodes');
  if ((await req('/')).status !== 200) throw new Error('not logged in');
}

const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
const ms = (x) => x.toFixed(2);

async function sequential(path, n = 200) {
  for (let i = 0; i < 10; i++) await req(path); // warm-up
  const t = [];
  for (let i = 0; i < n; i++) {
    const s = performance.now();
    const r = await req(path);
    t.push(performance.now() - s);
    if (r.status !== 200) throw new Error(`${path}: ${r.status}`);
  }
  return { p50: pct(t, 50), p95: pct(t, 95) };
}

async function concurrent(path, clients = 8, perClient = 50) {
  const t = [];
  const start = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      for (let i = 0; i < perClient; i++) {
        const s = performance.now();
        const res = await fetch(base + path, { headers: { cookie } });
        await res.arrayBuffer();
        t.push(performance.now() - s);
      }
    }),
  );
  const secs = (performance.now() - start) / 1000;
  return { p50: pct(t, 50), rps: (clients * perClient) / secs };
}

// VmRSS counts the memory-mapped database file too (SQLite mmap); RssAnon is what the server
// itself allocated, the figure an export's memory target is about.
function rssKb(field = 'VmRSS') {
  const s = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(new RegExp(`${field}:\\s+(\\d+)`).exec(s)[1]);
}

async function exportRun(path) {
  const before = rssKb();
  const anonBefore = rssKb('RssAnon');
  let peak = before;
  let anonPeak = anonBefore;
  const sample = () => {
    peak = Math.max(peak, rssKb());
    anonPeak = Math.max(anonPeak, rssKb('RssAnon'));
  };
  const timer = setInterval(sample, 5);
  const s = performance.now();
  const r = await req(path);
  const took = performance.now() - s;
  clearInterval(timer);
  sample();
  return {
    took,
    rows: r.body.toString('latin1').split('\n').length - 2,
    bytes: r.body.length,
    peakMiB: peak / 1024,
    anonPeakMiB: anonPeak / 1024,
    anonDeltaMiB: (anonPeak - anonBefore) / 1024,
  };
}

function sqlFloor(sql) {
  const out = execFileSync('sqlite3', [dbFile], { input: `.timer on\n${sql}\n${sql}\n${sql}\n` }).toString();
  const real = [...out.matchAll(/Run Time: real ([0-9.]+)/g)].map((m) => Number(m[1]) * 1000);
  return Math.min(...real);
}

await login();
const pages = [
  ['list, page 1', '/unternehmen?per=20'],
  ['list, page 50', '/unternehmen?per=20&page=50'],
  ['free text "müller"', '/unternehmen?q=m%C3%BCller&per=20'],
  ['filtered + sorted', '/unternehmen?status=teilnehmend&industry=C&size=kmu&sort=employees&dir=desc&per=20'],
  ['detail', '/unternehmen/4242'],
];
if (Number(applicants) > 0) {
  pages.push(
    ['applicants: list, page 1', '/bewerber?per=20'],
    ['applicants: free text "nguyen"', '/bewerber?q=nguyen&per=20'],
    ['applicants: detail', '/bewerber/4242'],
  );
}
if (Number(contacts) > 0) {
  pages.push(['contact history: list, page 1', '/kontakte?per=20']);
}
// Issue 7: the statistics page and cross-tabs over everything (live rows + counters).
pages.push(
  ['statistics page', '/statistik'],
  ['cross-tab companies: district × industry', '/statistik/kreuztabelle?subject=companies&row=district&col=industry'],
  ['cross-tab applicants: country × status', '/statistik/kreuztabelle?subject=applicants&row=country&col=status'],
  ['cross-tab applicants: occupation × month, 2026', '/statistik/kreuztabelle?subject=applicants&row=occupation&col=month&from=2026-01&to=2026-12'],
);
const rows = [];
async function measure(list) {
  for (const [name, path] of list) {
    const s = await sequential(path);
    const c = await concurrent(path);
    rows.push(`| ${name} | \`${path}\` | ${ms(s.p50)} | ${ms(s.p95)} | ${ms(c.p50)} | ${c.rps.toFixed(0)} |`);
  }
}
await measure(pages);
if (Number(applicants) > 0) {
  // The IHK user of the 30,000 matches (see ops/bench/run), in a session of its own.
  const admin = { cookie, csrf };
  cookie = '';
  csrf = '';
  await login('bench-ihk');
  const ihk = [
    ['applicants as ihk_staff, 30,000 matched', '/bewerber?per=20'],
    ['statistics page as ihk_staff', '/statistik'],
  ];
  if (Number(contacts) > 0) {
    ihk.push(['contact history as ihk_staff', '/kontakte?per=20']);
  }
  await measure(ihk);
  ({ cookie, csrf } = admin);
}
// About 10,000 rows (issue 4), and every company (issue 7's 100k-row target).
const EXPORT_FILTER = process.env.BENCH_EXPORT_FILTER || 'industry=C&size=kmu';
const exports = [];
for (const [label, query] of [[EXPORT_FILTER, EXPORT_FILTER], ['all companies', '']]) {
  for (const kind of ['csv', 'xlsx']) {
    const r = await exportRun(`/unternehmen/export/export.${kind}?${query}`);
    exports.push({ label, kind, ...r });
  }
}
const csvRows = Object.fromEntries(exports.filter((e) => e.kind === 'csv').map((e) => [e.label, e.rows]));
const match = "company.id IN (SELECT rowid FROM company_fts WHERE company_fts MATCH '\"mul\" AND \"ull\" AND \"lle\" AND \"ler\"') AND search_text LIKE '%muller%' ESCAPE '\\' AND active = 1";
const floor = sqlFloor(`SELECT COUNT(*) FROM company WHERE ${match}; SELECT * FROM company WHERE ${match} ORDER BY sort_name, id LIMIT 20;`);
const listFloor = sqlFloor('SELECT COUNT(*) FROM company WHERE active = 1; SELECT * FROM company WHERE active = 1 ORDER BY sort_name, id LIMIT 20;');
const cpu = os.cpus()[0].model;
console.log(`# Benchmark run ${new Date().toISOString()}

Machine: ${os.cpus().length} cores (${cpu}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB; SQLite; release build; ${companies} companies, ${applicants} applicants, ${contacts} contact-history entries; logged in as admin over HTTP; sequential = one request at a time, 200 per page after 10 warm-up requests; concurrent = 8 clients × 50 requests.

| request | path | seq. p50 ms | seq. p95 ms | 8 clients p50 ms | 8 clients req/s |
|---|---|---|---|---|---|
${rows.join('\n')}

| export | search | rows | time ms | size | peak VmRSS | peak RssAnon | RssAnon growth |
|---|---|---|---|---|---|---|---|
${exports.map((e) => `| ${e.kind.toUpperCase()} | ${e.label} | ${csvRows[e.label]} | ${ms(e.took)} | ${(e.bytes / 1024).toFixed(0)} KiB | ${e.peakMiB.toFixed(1)} MiB | ${e.anonPeakMiB.toFixed(1)} MiB | ${e.anonDeltaMiB.toFixed(1)} MiB |`).join('\n')}

Bare SQL, best of 3 in the sqlite3 shell (count + first page): free text "muller" through the trigram index ${ms(floor)} ms; unfiltered list ${ms(listFloor)} ms.
`);

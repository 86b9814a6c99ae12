// Benchmark driver (issue 16): logs in (password + TOTP enrolment) as the admin and as an IHK
// Erfurt user, then times every case of the issue's table sequentially (p50/p95) and with 8
// concurrent clients (p50/p99, requests/s), runs the mixed load (5 clients on list pages while
// a 100,000-row export and the statistics page run), exports, samples the server's memory all
// along, and measures the SQL floor of each case (the same SQL in the database's own shell).
// Usage: node ops/bench/bench.mjs BASE_URL SERVER_PID DB_KIND DB_TARGET COMPANIES APPLICANTS
//        CONTACTS JSON_OUT
//   DB_KIND sqlite (DB_TARGET: the file) or postgres (DB_TARGET: the URL).
// Prints a Markdown report; writes the figures as JSON (for the SQLite/PostgreSQL comparison:
// `node ops/bench/bench.mjs --compare sqlite.json postgres.json`).
import { readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import { Client } from './client.mjs';

// Per case at most this many requests or this much time, whichever ends first, so that a slow
// case (seconds per request) cannot stretch the run beyond the issue's ≤ 25 minutes.
const SEQ_MAX = Number(process.env.BENCH_SEQ || 200);
const SEQ_SECONDS = Number(process.env.BENCH_SEQ_SECONDS || 6);
const CONC_PER_CLIENT = Number(process.env.BENCH_CONC || 50);
const CONC_SECONDS = Number(process.env.BENCH_CONC_SECONDS || 6);

const pct = (xs, p) => {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
const ms = (x) => (Number.isFinite(x) ? (x >= 100 ? x.toFixed(0) : x.toFixed(1)) : '—');

if (process.argv[2] === '--compare') {
  compare(process.argv[3], process.argv[4]);
  process.exit(0);
}

const [base, pid, dbKind, dbTarget, companies, applicants = '0', contacts = '0', jsonOut] =
  process.argv.slice(2);
const load = () => os.loadavg().map((l) => l.toFixed(2)).join(' ');

// Memory of the server process, sampled all along (peak) and read at the end (steady).
// VmRSS counts the pages of the memory-mapped database file too; RssAnon is what the server
// itself allocated (heap, SQLite page caches).
function rssKb(field) {
  const s = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(new RegExp(`${field}:\\s+(\\d+)`).exec(s)[1]);
}
const memory = { peakRss: 0, peakAnon: 0 };
const sampleMemory = () => {
  memory.peakRss = Math.max(memory.peakRss, rssKb('VmRSS'));
  memory.peakAnon = Math.max(memory.peakAnon, rssKb('RssAnon'));
};
const sampler = setInterval(sampleMemory, 20);

async function sequential(client, path) {
  for (let i = 0; i < 5; i++) await client.req(path); // warm-up
  const t = [];
  const until = performance.now() + SEQ_SECONDS * 1000;
  while (t.length < SEQ_MAX && (t.length < 10 || performance.now() < until)) {
    const s = performance.now();
    const r = await client.req(path);
    t.push(performance.now() - s);
    if (r.status !== 200) throw new Error(`${path}: ${r.status}`);
  }
  return { n: t.length, p50: pct(t, 50), p95: pct(t, 95) };
}

/** `clients` loops of GETs on `paths` (round robin) until `perClient` each or `until()`. */
async function clientsLoop(client, paths, clients, perClient, until) {
  const t = [];
  let failed = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async (_, c) => {
      for (let i = 0; i < perClient && (i < 3 || !until()); i++) {
        const path = paths[(c + i) % paths.length];
        const s = performance.now();
        const res = await fetch(base + path, { headers: { cookie: client.cookie } });
        await res.arrayBuffer();
        t.push(performance.now() - s);
        if (res.status !== 200) failed++;
      }
    }),
  );
  const secs = (performance.now() - start) / 1000;
  return { n: t.length, failed, p50: pct(t, 50), p95: pct(t, 95), p99: pct(t, 99), rps: t.length / secs };
}

async function concurrent(client, path) {
  const end = performance.now() + CONC_SECONDS * 1000;
  return clientsLoop(client, [path], 8, CONC_PER_CLIENT, () => performance.now() > end);
}

async function timed(client, path) {
  const s = performance.now();
  const r = await client.req(path);
  if (r.status !== 200) throw new Error(`${path}: ${r.status}`);
  return { ms: performance.now() - s, bytes: r.body.length, rows: r.body.toString('latin1').split('\n').length - 2 };
}

// ---- the SQL floor: the same statements in the database's own shell, best of 3 ----
function sqlShell(script) {
  if (dbKind === 'sqlite') return execFileSync('sqlite3', [dbTarget], { input: script }).toString();
  return execFileSync('psql', ['-X', '-q', '-t', '-A', dbTarget], { input: script }).toString();
}
function sqlValue(sql) {
  return sqlShell(`${sql};\n`).trim().split('\n').pop();
}
/** Best of 3 of running all `statements` once (ms). */
function sqlFloor(statements) {
  const once = statements.map((s) => `${s};`).join('\n');
  const script =
    dbKind === 'sqlite'
      ? `.timer on\n${once}\n${once}\n${once}\n${once}\n`
      : `\\timing on\n${once}\n${once}\n${once}\n${once}\n`;
  const out = sqlShell(script);
  const re = dbKind === 'sqlite' ? /Run Time: real ([0-9.]+)/g : /Time: ([0-9.]+) ms/g;
  const scale = dbKind === 'sqlite' ? 1000 : 1;
  const times = [...out.matchAll(re)].map((m) => Number(m[1]) * scale);
  const k = statements.length;
  const reps = [];
  // The first repetition warms the caches and is not counted.
  for (let r = 1; r * k + k <= times.length; r++) {
    reps.push(times.slice(r * k, r * k + k).reduce((a, b) => a + b, 0));
  }
  return Math.min(...reps);
}

const pg = dbKind === 'postgres';
const erfurt = Number(sqlValue("SELECT id FROM institution WHERE name = 'IHK Erfurt'"));
/** The free-text condition as the app writes it (`hih_db::search::text_matches`). */
function textMatch(table, word) {
  if (pg) return `${table}.search_text LIKE '%${word}%' ESCAPE '\\'`;
  const grams = [];
  for (let i = 0; i + 3 <= word.length; i++) grams.push(`"${word.slice(i, i + 3)}"`);
  return `${table}.search_text LIKE '%${word}%' ESCAPE '\\' AND ${table}.id IN (SELECT rowid FROM ${table}_fts WHERE ${table}_fts MATCH '${grams.join(' AND ')}')`;
}
// A list's count and page; `kept` (a counter of `record_count` and its scope key, or null for
// the sum over all keys) replaces the count for unfiltered lists, which read their kept total.
const list = (table, where, order, offset = 0, kept = undefined) => [
  kept === undefined
    ? `SELECT COUNT(*) FROM ${table} WHERE ${where}`
    : `SELECT SUM(n) FROM record_count WHERE counter = '${kept[0]}'${kept[1] === null ? '' : ` AND scope_key = '${kept[1]}'`}`,
  `SELECT * FROM ${table} WHERE ${where} ORDER BY ${order} LIMIT 20 OFFSET ${offset}`,
];
// A free-text page as the app asks it: ids and total in one statement, on PostgreSQL with index
// scans off (`hih_web::paging::fetch_page_one_pass`).
const textList = (table, where, order) => [
  ...(pg ? ['SET enable_indexscan = off'] : []),
  `SELECT id, COUNT(*) OVER () FROM ${table} WHERE ${where} ORDER BY ${order} LIMIT 20`,
];
// IHK staff's applicants as the app asks for page 1 of a district holding a tenth of them: the
// name index walked, each applicant's access row probed (`hih_db::plan`, walk).
const ihkApplicants = `(SELECT 1 FROM applicant_access x WHERE x.applicant_id = applicant.id AND x.district_id = ${erfurt} AND x.active = true LIMIT 1) IS NOT NULL AND applicant.active = true`;
const ihkCompanies = `company.district_id = ${erfurt} AND company.active = true`;
// The contact history's IHK scope as the app asks it: the district's kept visibility rows
// (`contact_visibility`), counted by the kept count (SQLite) or as one primary-key range
// (PostgreSQL), probed per entry for the page (`hih_db::plan`, walk).
const ihkContacts = `(SELECT 1 FROM contact_visibility v WHERE v.entry_id = contact_entry.id AND v.district_id = ${erfurt} LIMIT 1) IS NOT NULL`;
const ihkContactsFloor = [
  pg
    ? `SELECT COUNT(*) FROM contact_visibility WHERE district_id = ${erfurt}`
    : `SELECT n FROM record_count WHERE counter = 'contact_visibility.district' AND scope_key = '${erfurt}'`,
  `SELECT * FROM contact_entry WHERE ${ihkContacts} ORDER BY contact_date DESC, id DESC LIMIT 20`,
];
const companyOrder = 'sort_name, id';
const applicantOrder = 'sort_name, id';
const contactOrder = 'contact_date DESC, id DESC';

// Every case of the issue's table, plus the other pages the issue sets targets for.
// [name, who, path, floor statements or null, target p95 ms]
const cases = [
  ['company list, page 1 (admin)', 'admin', '/unternehmen?per=20', list('company', 'active = true', companyOrder, 0, ['company.active.district', null]), 4],
  ['company list, page 50', 'admin', '/unternehmen?per=20&page=50', list('company', 'active = true', companyOrder, 980, ['company.active.district', null]), 4],
  ['company free text "müller"', 'admin', '/unternehmen?q=m%C3%BCller&per=20', textList('company', `${textMatch('company', 'muller')} AND active = true`, companyOrder), 15],
  ['company filter + sort', 'admin', '/unternehmen?status=teilnehmend&industry=C&size=kmu&sort=employees&dir=desc&per=20',
    list('company', "status = 'teilnehmend' AND industry = 'C' AND employees < 250 AND active = true", 'employees DESC, id'), 4],
  ['company detail', 'admin', '/unternehmen/4242', ['SELECT * FROM company WHERE id = 4242'], 3],
];
if (Number(applicants) > 0) {
  cases.push(
    ['applicant list, page 1 (admin)', 'admin', '/bewerber?per=20', list('applicant', 'active = true', applicantOrder, 0, ['applicant.active.country', null]), 4],
    ['applicant free text "nguyen"', 'admin', '/bewerber?q=nguyen&per=20', textList('applicant', `${textMatch('applicant', 'nguyen')} AND active = true`, applicantOrder), 30],
    ['applicant detail', 'admin', '/bewerber/4242', ['SELECT * FROM applicant WHERE id = 4242'], 3],
  );
}
cases.push(['company list as IHK staff', 'ihk', '/unternehmen?per=20', list('company', ihkCompanies, companyOrder, 0, ['company.active.district', String(erfurt)]), 4]);
if (Number(applicants) > 0) {
  cases.push(['applicant list as IHK staff (matched)', 'ihk', '/bewerber?per=20', list('applicant', ihkApplicants, applicantOrder, 0, ['applicant.open.district', String(erfurt)]), 4]);
}
if (Number(contacts) > 0) {
  cases.push(
    ['contact history as IHK staff', 'ihk', '/kontakte?per=20', ihkContactsFloor, 25],
    ['contact history (admin)', 'admin', '/kontakte?per=20', list('contact_entry', pg ? 'true' : '1', contactOrder, 0, ['contact_entry.all', null]), 4],
  );
}
cases.push(
  ['statistics page (admin)', 'admin', '/statistik', null, 100],
  ['statistics page (IHK staff)', 'ihk', '/statistik', null, 100],
  ['cross-tab occupation × month (admin)', 'admin', '/statistik/kreuztabelle?subject=applicants&row=occupation&col=month&from=2026-01&to=2026-12', null, 100],
);

const started = performance.now();
const startLoad = load();
const who = { admin: await new Client(base).login('bench') };
who.ihk = Number(applicants) > 0 ? await new Client(base).login('bench-ihk') : who.admin;
const baseline = { rss: rssKb('VmRSS'), anon: rssKb('RssAnon') };

const results = [];
for (const [name, role, path, floorSql, target] of cases) {
  const client = who[role];
  const s = await sequential(client, path);
  const c = await concurrent(client, path);
  const floor = floorSql ? sqlFloor(floorSql) : NaN;
  results.push({ name, role, path, target, seq: s, conc: c, floor, load: load() });
  console.error(`${name}: p95 ${ms(s.p95)} ms, 8 clients p99 ${ms(c.p99)} ms, floor ${ms(floor)} ms`);
}

// Exports alone (time and the server's memory growth while it runs).
async function exportRun(path) {
  const anonBefore = rssKb('RssAnon');
  let anonPeak = anonBefore;
  const timer = setInterval(() => {
    anonPeak = Math.max(anonPeak, rssKb('RssAnon'));
  }, 5);
  const r = await timed(who.admin, path);
  clearInterval(timer);
  return { ...r, anonGrowthMiB: (anonPeak - anonBefore) / 1024 };
}
const exportsAlone = [];
for (const [label, query] of [['industry=C&size=kmu', 'industry=C&size=kmu'], ['all companies', '']]) {
  for (const kind of ['csv', 'xlsx']) {
    exportsAlone.push({ label, kind, ...(await exportRun(`/unternehmen/export/export.${kind}?${query}`)) });
  }
}

// The mixed load: 5 clients on list pages while the 100,000-row XLSX export and the statistics
// page run (issue 16: list p95 ≤ 100 ms, the export ≤ 2× its time alone).
const mixedPaths = ['/unternehmen?per=20', '/bewerber?per=20', '/kontakte?per=20', '/unternehmen?q=m%C3%BCller&per=20', '/unternehmen/4242'];
const alone = exportsAlone.find((e) => e.label === 'all companies' && e.kind === 'xlsx');
let busy = true;
const heavy = (async () => {
  const exp = timed(who.admin, '/unternehmen/export/export.xlsx?');
  const stats = [];
  const statsLoop = (async () => {
    while (busy) stats.push((await timed(who.admin, '/statistik')).ms);
  })();
  const e = await exp;
  busy = false;
  await statsLoop;
  return { exportMs: e.ms, stats };
})();
const mixedLists = await clientsLoop(who.admin, mixedPaths, 5, 100000, () => !busy);
const mixed = { ...(await heavy), lists: mixedLists, aloneMs: alone.ms, load: load() };

// Steady memory: after everything, once the server is idle.
await new Promise((r) => setTimeout(r, 3000));
clearInterval(sampler);
sampleMemory();
const steady = { rss: rssKb('VmRSS'), anon: rssKb('RssAnon') };
const totalSeconds = (performance.now() - started) / 1000;

const report = {
  at: new Date().toISOString(),
  db: dbKind,
  machine: `${os.cpus().length} cores (${os.cpus()[0].model}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB`,
  scale: { companies, applicants, contacts },
  loadStart: startLoad,
  loadEnd: load(),
  results,
  exportsAlone,
  mixed,
  memory: {
    baselineMiB: baseline.rss / 1024,
    baselineAnonMiB: baseline.anon / 1024,
    peakMiB: memory.peakRss / 1024,
    peakAnonMiB: memory.peakAnon / 1024,
    steadyMiB: steady.rss / 1024,
    steadyAnonMiB: steady.anon / 1024,
  },
  totalSeconds,
};
if (jsonOut) writeFileSync(jsonOut, JSON.stringify(report, null, 1));
console.log(markdown(report));

function markdown(r) {
  const mark = (x, target) => (x <= target ? `${ms(x)}` : `**${ms(x)}**`);
  const m = r.mixed;
  return `# Benchmark run ${r.at} — ${r.db}

Machine: ${r.machine}; ${r.db === 'sqlite' ? 'SQLite' : 'PostgreSQL 15'}; release build; ${r.scale.companies} companies, ${r.scale.applicants} applicants, ${r.scale.contacts} contact-history entries; load average at start ${r.loadStart}, at end ${r.loadEnd}; ${r.totalSeconds.toFixed(0)} s.
Sequential: one request at a time, up to ${SEQ_MAX} (or ${SEQ_SECONDS} s) after 5 warm-up requests. Concurrent: 8 clients, up to ${CONC_PER_CLIENT} requests each (or ${CONC_SECONDS} s). Floor: the same SQL (count + page) in the ${r.db === 'sqlite' ? 'sqlite3' : 'psql'} shell, best of 3 after one warm-up. Bold: over the issue's target.

| case | path | seq. n | seq. p50 | seq. p95 | target | 8 clients p50 | p99 | req/s | floor | load |
|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|
${r.results.map((x) => `| ${x.name} | \`${x.path}\` | ${x.seq.n} | ${ms(x.seq.p50)} | ${mark(x.seq.p95, x.target)} | ${x.target} | ${ms(x.conc.p50)} | ${mark(x.conc.p99, 100)} | ${x.conc.rps.toFixed(0)}${x.conc.failed ? ` (${x.conc.failed} failed)` : ''} | ${ms(x.floor)} | ${x.load} |`).join('\n')}

| export (alone) | search | rows | time ms | size | server RssAnon growth |
|---|---|---:|---:|---:|---:|
${r.exportsAlone.map((e) => `| ${e.kind.toUpperCase()} | ${e.label} | ${e.kind === 'csv' ? e.rows : ''} | ${ms(e.ms)} | ${(e.bytes / 1024).toFixed(0)} KiB | ${e.anonGrowthMiB.toFixed(1)} MiB |`).join('\n')}

Mixed load (5 clients on ${mixedPaths.length} list/detail pages while the XLSX export of all companies and the statistics page run, load ${m.load}): lists p50 ${ms(m.lists.p50)} ms, p95 ${mark(m.lists.p95, 100)} ms, p99 ${ms(m.lists.p99)} ms (${m.lists.n} requests${m.lists.failed ? `, ${m.lists.failed} failed` : ''}); export ${ms(m.exportMs)} ms (alone ${ms(m.aloneMs)} ms, ${(m.exportMs / m.aloneMs).toFixed(1)}×); statistics page ${m.stats.length}× p50 ${ms(pct(m.stats, 50))} ms.

Server memory: after login ${r.memory.baselineMiB.toFixed(0)} MiB VmRSS / ${r.memory.baselineAnonMiB.toFixed(0)} MiB RssAnon; peak ${r.memory.peakMiB.toFixed(0)} / ${r.memory.peakAnonMiB.toFixed(0)} MiB; steady (3 s idle after the run) ${r.memory.steadyMiB.toFixed(0)} / ${r.memory.steadyAnonMiB.toFixed(0)} MiB (targets: VmRSS ≤ 200, RssAnon ≤ 100).
`;
}

function compare(aFile, bFile) {
  const a = JSON.parse(readFileSync(aFile, 'utf8'));
  const b = JSON.parse(readFileSync(bFile, 'utf8'));
  const rows = a.results.map((x) => {
    const y = b.results.find((r) => r.name === x.name);
    const ratio = y ? y.seq.p95 / x.seq.p95 : NaN;
    return `| ${x.name} | ${ms(x.seq.p95)} | ${y ? ms(y.seq.p95) : '—'} | ${Number.isFinite(ratio) ? `${ratio <= 2 ? '' : '**'}${ratio.toFixed(1)}×${ratio <= 2 ? '' : '**'}` : '—'} | ${ms(x.floor)} | ${y ? ms(y.floor) : '—'} |`;
  });
  console.log(`| case | ${a.db} p95 | ${b.db} p95 | ratio (target ≤ 2×) | ${a.db} floor | ${b.db} floor |
|---|---:|---:|---:|---:|---:|
${rows.join('\n')}`);
}

// Benchmark driver of the counselling channel (issue 18): logs in as an AHK Vietnam staff
// member (password + TOTP enrolment) and times, one request after the other (p50/p95/p99,
// after a warm-up), the inbox's views and a far page, conversation pages (each a different
// conversation of the country, messages decrypted, the read marks and the access log
// written), and sending an answer (the form post: sealed, counted, the conversation updated,
// audited, committed). Samples the server's memory. Prints a Markdown report.
// Usage: node ops/bench/counselling.mjs BASE_URL SERVER_PID DB_FILE CONVERSATIONS MESSAGES
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import { Client } from './client.mjs';

const SEQ_MAX = Number(process.env.BENCH_SEQ || 300);
const SEQ_SECONDS = Number(process.env.BENCH_SEQ_SECONDS || 10);
const [base, pid, dbFile, conversations, messages] = process.argv.slice(2);

const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
const ms = (x) => (x >= 100 ? x.toFixed(0) : x.toFixed(1));
const rssKb = (field) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]);
const memory = { peakRss: 0 };
const sampler = setInterval(() => { memory.peakRss = Math.max(memory.peakRss, rssKb('VmRSS')); }, 20);
const load = () => os.loadavg().map((l) => l.toFixed(2)).join(' ');
const started = performance.now();
const loadStart = load();

const client = await new Client(base).login('bench-ahk');

/** Times `step(i)` (one request each) sequentially; `expect` is the status every answer has. */
async function sequential(step, expect = 200) {
  for (let i = 0; i < 5; i++) await step(i); // warm-up
  const t = [];
  const until = performance.now() + SEQ_SECONDS * 1000;
  for (let i = 5; t.length < SEQ_MAX && (t.length < 20 || performance.now() < until); i++) {
    const s = performance.now();
    const r = await step(i);
    t.push(performance.now() - s);
    if (r.status !== expect) throw new Error(`${r.status} instead of ${expect}`);
  }
  return { n: t.length, p50: pct(t, 50), p95: pct(t, 95), p99: pct(t, 99) };
}

// Conversations of the staff member's country, from the inbox "alle" (open ones, the newest).
const ids = [];
for (let page = 1; ids.length < 400 && page <= 30; page++) {
  const body = (await client.req(`/beratung?ansicht=alle&seite=${page}`)).body.toString();
  for (const m of body.matchAll(/href="(?:\/|&#x2f;)beratung(?:\/|&#x2f;)(\d+)"/g)) ids.push(Number(m[1]));
}
if (ids.length < 50) throw new Error(`only ${ids.length} conversations found`);
const total = (await client.req('/beratung?ansicht=alle')).body.toString().match(/data-total="(\d+)"/)[1];

const rows = [];
const add = (name, target, r) => rows.push({ name, target, ...r });
add('inbox, unassigned (page 1)', 10, await sequential(() => client.req('/beratung')));
add('inbox, mine (page 1)', 10, await sequential(() => client.req('/beratung?ansicht=meine')));
add(`inbox, all open (page 1 of ${Math.ceil(Number(total) / 20)})`, 10, await sequential(() => client.req('/beratung?ansicht=alle')));
add('inbox, all open (page 50)', 10, await sequential(() => client.req('/beratung?ansicht=alle&seite=50')));
add('inbox, closed (page 1)', 10, await sequential(() => client.req('/beratung?ansicht=geschlossen')));
add('conversation page (a different one each time)', 10, await sequential((i) => client.req(`/beratung/${ids[i % ids.length]}`)));
add('conversation page, paged back', 10, await sequential((i) => client.req(`/beratung/${ids[i % ids.length]}?vor=999999999`)));
// Sending: the page's CSRF token is current (the client keeps the last one it saw).
await client.req(`/beratung/${ids[0]}`);
add('send an answer (form post)', 20, await sequential((i) =>
  client.req(`/beratung/${ids[i % ids.length]}/antwort`, {
    method: 'POST',
    form: { body: `Antwort ${i} aus dem Messlauf`, kind: 'reply' },
  }), 303));
clearInterval(sampler);

const count = (sql) => execFileSync('sqlite3', [dbFile, sql]).toString().trim();
const dbBytes = readFileSync(`/proc/${pid}/status`, 'utf8') && Number(execFileSync('stat', ['-c', '%s', dbFile]).toString());
const machine = `${os.cpus().length} cores (${os.cpus()[0].model}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB`;
console.log(`# Counselling benchmark (issue 18)

${new Date().toISOString().slice(0, 10)}; machine: ${machine}; SQLite; release build;
${count('SELECT count(*) FROM counselling_conversation')} conversations (${total} open ones of
Vietnam), ${count('SELECT count(*) FROM counselling_message')} messages after the run (asked:
${conversations} / ${messages}); database file ${(dbBytes / 2 ** 20).toFixed(0)} MiB; logged in as
AHK Vietnam staff; load average at start ${loadStart}, at end ${load()};
${((performance.now() - started) / 1000).toFixed(0)} s. Sequential requests after 5 warm-up
requests, at most ${SEQ_MAX} or ${SEQ_SECONDS} s per case.

| case | n | p50 ms | p95 ms | p99 ms | target p95 | met |
|---|---:|---:|---:|---:|---:|:---:|
${rows.map((r) => `| ${r.name} | ${r.n} | ${ms(r.p50)} | ${ms(r.p95)} | ${ms(r.p99)} | ≤ ${r.target} | ${r.p95 <= r.target ? 'yes' : '**no**'} |`).join('\n')}

Server memory: peak VmRSS ${(memory.peakRss / 1024).toFixed(0)} MiB, at the end ${(rssKb('VmRSS') / 1024).toFixed(0)} MiB (RssAnon ${(rssKb('RssAnon') / 1024).toFixed(0)} MiB).`);

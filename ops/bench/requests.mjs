// The profiling driver: logs in as USER once, then per PATH sends 10 warm-up requests, zeroes
// callgrind's counters of process PID, sends N requests one after the other and dumps the
// counters (`callgrind_control`). Usage: node ops/bench/requests.mjs BASE_URL USER PID N PATH…
import { execFileSync } from 'node:child_process';
import { Client } from './client.mjs';

const [base, user, pid, n, ...paths] = process.argv.slice(2);
const client = await new Client(base).login(user);
const get = async (path) => {
  const r = await client.req(path);
  if (r.status !== 200) throw new Error(`${path}: ${r.status}`);
};
for (const path of paths) {
  for (let i = 0; i < 10; i++) await get(path);
  execFileSync('callgrind_control', ['-z', pid]);
  const started = performance.now();
  for (let i = 0; i < Number(n); i++) await get(path);
  const each = (performance.now() - started) / Number(n);
  execFileSync('callgrind_control', ['--dump', pid]);
  console.log(`${path}\t${each.toFixed(1)} ms each under callgrind`);
}

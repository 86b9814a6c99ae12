// Starts the hih binary on a free loopback port with a throw-away database.
import { execFile, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Absolute path of the tests/e2e folder. */
export const E2E_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const MAX_LOG_CHARS = 64 * 1024;

/** @type {Set<import('node:child_process').ChildProcess>} */
const liveChildren = new Set();
process.once('exit', () => {
  for (const child of liveChildren) child.kill('SIGKILL');
});

/**
 * Path of the hih binary: env `HIH_BIN` (resolved against tests/e2e), else `debug/hih` in
 * `CARGO_TARGET_DIR` (where cargo built it), else `../../target/debug/hih` relative to tests/e2e.
 * @returns {string} absolute path
 */
export function hihBinary() {
  if (process.env.HIH_BIN) return path.resolve(E2E_DIR, process.env.HIH_BIN);
  if (process.env.CARGO_TARGET_DIR) {
    return path.resolve(E2E_DIR, '../..', process.env.CARGO_TARGET_DIR, 'debug/hih');
  }
  return path.resolve(E2E_DIR, '../../target/debug/hih');
}

/**
 * Ask the OS for a currently free TCP port on 127.0.0.1.
 * @returns {Promise<number>}
 */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (srv.address());
      srv.close(() => resolve(port));
    });
  });
}

function tail(text) {
  return text.length > MAX_LOG_CHARS ? text.slice(-MAX_LOG_CHARS) : text;
}

/**
 * @typedef {object} HihServer
 * @property {string} baseUrl e.g. "http://127.0.0.1:41234" (no trailing slash)
 * @property {string} databaseUrl the DATABASE_URL the server was given
 * @property {string} dataDir fresh temp dir (HIH_DATA_DIR), removed by stop()
 * @property {Record<string, string>} env full environment of the server process
 * @property {(args: string[]) => Promise<string>} run runs another hih
 *   subcommand with the same env; resolves to its stdout, rejects (with
 *   stderr in the message) on a non-zero exit
 * @property {() => string} logs stdout+stderr captured from the server so far
 * @property {() => Promise<void>} stop SIGTERM (SIGKILL after 5 s), then
 *   removes dataDir unless env E2E_KEEP_DATA is set; idempotent
 */

/**
 * Start `hih serve --bind 127.0.0.1:<free port>` with a fresh SQLite
 * database and the mail outbox, and wait until `GET /readyz` answers 200.
 * Set env E2E_SERVER_LOG=1 to echo the server's output.
 * @param {{bin?: string, env?: Record<string, string>, readyTimeoutMs?: number}} [options]
 *   bin: binary to run (default hihBinary()); env: extra/overriding variables;
 *   readyTimeoutMs: default 30000
 * @returns {Promise<HihServer>}
 * @throws {Error} if the process exits or is not ready in time (message includes its stderr)
 */
export async function startServer({ bin = hihBinary(), env: extraEnv = {}, readyTimeoutMs = 30_000 } = {}) {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'hih-e2e-'));
  const databaseUrl = `sqlite://${path.join(dataDir, 'hih.db')}?mode=rwc`;
  const env = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    HIH_DATA_DIR: dataDir,
    HIH_MAIL__MODE: 'outbox',
    RUST_LOG: 'warn',
    ...extraEnv,
  };
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;

  let output = '';
  let stderr = '';
  const echo = Boolean(process.env.E2E_SERVER_LOG);
  const child = spawn(bin, ['serve', '--bind', `127.0.0.1:${port}`], {
    env,
    cwd: dataDir,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  liveChildren.add(child);
  /** @type {{code: number|null, signal: string|null} | null} */
  let exited = null;
  /** @type {Error | null} */
  let spawnError = null;
  const exitPromise = new Promise((resolve) => {
    child.on('exit', (code, signal) => {
      exited = { code, signal };
      liveChildren.delete(child);
      resolve(undefined);
    });
    child.on('error', (err) => {
      spawnError = err;
      exited ??= { code: null, signal: null };
      liveChildren.delete(child);
      resolve(undefined);
    });
  });
  child.stdout.setEncoding('utf8').on('data', (chunk) => {
    output = tail(output + chunk);
    if (echo) process.stderr.write(chunk);
  });
  child.stderr.setEncoding('utf8').on('data', (chunk) => {
    stderr = tail(stderr + chunk);
    output = tail(output + chunk);
    if (echo) process.stderr.write(chunk);
  });

  let stopped = false;
  const stop = async () => {
    if (!stopped) {
      stopped = true;
      if (!exited) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
        await exitPromise;
        clearTimeout(timer);
      }
      if (!process.env.E2E_KEEP_DATA) await rm(dataDir, { recursive: true, force: true });
    }
  };

  const fail = async (why) => {
    await stop();
    const detail = spawnError ? `\n${spawnError.message}` : '';
    throw new Error(`hih server ${why} (bin: ${bin}, ${baseUrl})${detail}\n--- stderr ---\n${stderr || '(empty)'}`);
  };

  const deadline = Date.now() + readyTimeoutMs;
  let lastProblem = 'no answer yet';
  for (;;) {
    if (exited) {
      await fail(`exited before it was ready (code ${exited.code}, signal ${exited.signal})`);
    }
    if (Date.now() > deadline) {
      await fail(`was not ready within ${readyTimeoutMs} ms: GET /readyz: ${lastProblem}`);
    }
    try {
      const res = await fetch(`${baseUrl}/readyz`, { signal: AbortSignal.timeout(2_000) });
      await res.arrayBuffer();
      if (res.status === 200) break;
      lastProblem = `status ${res.status}`;
    } catch (err) {
      lastProblem = String(err?.cause?.code ?? err?.message ?? err);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }

  /** @param {string[]} args */
  const run = (args) =>
    new Promise((resolve, reject) => {
      execFile(bin, args, { env, cwd: dataDir, maxBuffer: 16 * 1024 * 1024, timeout: 60_000 }, (err, out, errOut) => {
        if (err) {
          reject(new Error(`hih ${args.join(' ')} failed: ${err.message}\n--- stderr ---\n${errOut}`, { cause: err }));
        } else {
          resolve(out);
        }
      });
    });

  return { baseUrl, databaseUrl, dataDir, env, run, logs: () => output, stop };
}

/**
 * Create an admin account via `hih create-admin --username U --email E --password P`.
 * @param {HihServer} server a started server (its env and database are used)
 * @param {{username: string, email: string, password: string}} account
 * @returns {Promise<string>} the command's stdout
 */
export function createAdmin(server, { username, email, password }) {
  return server.run(['create-admin', '--username', username, '--email', email, '--password', password]);
}

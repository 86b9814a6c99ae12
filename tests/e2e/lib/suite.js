// The setting of nearly every browser spec: one server (a fresh database) and one browser for
// the `describe` block it is called in, started before its tests and stopped after them.
import { after, before } from 'node:test';

import { startServer } from './server.js';
import { launch } from './browser.js';

/**
 * Registers `before`/`after` hooks in the calling `describe` that start a server and a
 * browser and stop them again; the returned object holds both once the hooks ran.
 * @param {Parameters<typeof startServer>[0]} [serverOptions] passed to `startServer`
 * @returns {{server: Awaited<ReturnType<typeof startServer>>, browser: import('playwright-core').Browser}}
 */
export function serverAndBrowser(serverOptions) {
  const env = /** @type {any} */ ({});
  before(async () => {
    env.server = await startServer(serverOptions);
    env.browser = await launch();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.stop();
  });
  return env;
}

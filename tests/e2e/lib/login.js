// Log in (password + TOTP) and enrol TOTP through the app's HTML forms.
import { freshTotp } from './totp.js';

/**
 * Click a form's submit button and wait for the resulting page to load.
 * Works with JavaScript disabled (native form submission).
 * @param {import('playwright-core').Page} page
 * @param {string} fieldSelector a field inside the form to submit
 * @returns {Promise<void>}
 */
export async function submitForm(page, fieldSelector) {
  const button = page.locator(`form:has(${fieldSelector}) button[type=submit]`).first();
  await Promise.all([page.waitForEvent('load'), button.click()]);
}

/**
 * Log in through `/login`: username + password, then (if the TOTP step is
 * shown) a current code for `totpSecret`. A code is only submitted with at
 * least 3 s of validity left and never twice for the same time step.
 * @param {import('playwright-core').Page} page
 * @param {string} baseUrl e.g. server.baseUrl
 * @param {{username: string, password: string, totpSecret?: string}} credentials
 * @returns {Promise<string>} the URL of the page reached after the last step
 * @throws {Error} if the TOTP step is shown but no totpSecret was given
 */
export async function login(page, baseUrl, { username, password, totpSecret }) {
  await page.goto(new URL('/login', baseUrl).href);
  await page.locator('input[name=username]').fill(username);
  await page.locator('input[name=password]').fill(password);
  await submitForm(page, 'input[name=password]');

  const code = page.locator('input[name=code]');
  if ((await code.count()) > 0) {
    if (!totpSecret) throw new Error(`login(${username}): the TOTP step was shown but no totpSecret was given`);
    await code.first().fill(await freshTotp(totpSecret));
    await submitForm(page, 'input[name=code]');
  }
  return page.url();
}

/**
 * Complete TOTP enrolment on the current page: read the secret from
 * `#totp-secret` (whitespace removed), enter a current code in
 * `input[name=code]` and submit.
 * @param {import('playwright-core').Page} page a page showing the enrolment form
 * @returns {Promise<string>} the base32 secret, for later login() calls
 */
export async function enrolTotp(page) {
  const secret = (await page.locator('#totp-secret').textContent() ?? '').replace(/\s+/g, '');
  if (!secret) throw new Error(`enrolTotp: #totp-secret is missing or empty on ${page.url()}`);
  await page.locator('input[name=code]').first().fill(await freshTotp(secret));
  await submitForm(page, 'input[name=code]');
  return secret;
}

/**
 * First login of a freshly created account with JavaScript off: password, TOTP enrolment,
 * recovery codes, start page — running axe (`checkA11y`) on each of those pages.
 * @param {import('playwright-core').Page} page a no-JS page
 * @param {string} baseUrl
 * @param {{username: string, password: string}} credentials
 * @param {(page: import('playwright-core').Page, label: string) => Promise<void>} checkA11y
 * @returns {Promise<string>} the enrolled TOTP secret
 */
export async function firstLogin(page, baseUrl, { username, password }, checkA11y) {
  await page.goto(new URL('/login', baseUrl).href);
  await checkA11y(page, 'login');
  await page.locator('input[name=username]').fill(username);
  await page.locator('input[name=password]').fill(password);
  await submitForm(page, 'input[name=password]');
  await checkA11y(page, 'TOTP enrolment');
  const secret = await enrolTotp(page);
  await checkA11y(page, 'recovery codes');
  await Promise.all([page.waitForEvent('load'), page.locator('main a.kern-btn').click()]);
  await checkA11y(page, 'start page');
  return secret;
}

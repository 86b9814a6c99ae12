import { startServer, createAdmin } from '../lib/server.js';
import { launch } from '../lib/browser.js';
import { enrolTotp, submitForm } from '../lib/login.js';
// The measured part of the manual accessibility pass (ops/accessibility.md): Tab order of the
// start page and a form, screenshots at 200 % zoom, text spacing (WCAG 1.4.12) injected with
// the sideways scroll and clipped boxes it causes, and the names the accessibility tree gives
// the header's controls. Run from tests/e2e after `cargo build -p hih`:
//   node tools/manual-pass.mjs   (screenshots in artifacts/manual/)
import { mkdirSync } from 'node:fs';
const OUT = new URL('../artifacts/manual', import.meta.url).pathname;
mkdirSync(OUT, { recursive: true });
const PASSWORD = 'Browser-Test-Passwort-42';
const server = await startServer();
const browser = await launch();
const out = {};
try {
  await createAdmin(server, { username: 'pruefung', email: 'p@example.org', password: PASSWORD });
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
  const page = await ctx.newPage();
  const url = (p) => new URL(p, server.baseUrl).href;
  await page.goto(url('/login'));
  await page.fill('#username', 'pruefung'); await page.fill('#password', PASSWORD);
  await submitForm(page, '#password'); await enrolTotp(page);
  // 1. Keyboard order on the start page and the company form.
  for (const p of ['/', '/unternehmen/neu']) {
    await page.goto(url(p));
    const stops = [];
    for (let i = 0; i < 22; i++) {
      await page.keyboard.press('Tab');
      stops.push(await page.evaluate(() => {
        const el = document.activeElement;
        const name = el.getAttribute('aria-label') || (el.labels && el.labels[0]?.innerText) || el.innerText || el.value || '';
        return `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}: ${name.trim().replace(/\s+/g, ' ').slice(0, 40)}`;
      }));
    }
    out[`tab ${p}`] = stops;
  }
  // 2. 200 % zoom: 1280 px window at 200 % = 640 CSS px, device scale 2.
  const zoom = await browser.newContext({ viewport: { width: 640, height: 450 }, deviceScaleFactor: 2, storageState: await ctx.storageState() });
  const z = await zoom.newPage();
  for (const p of ['/', '/unternehmen/neu', '/statistik', '/admin/texte']) {
    await z.goto(url(p));
    await z.screenshot({ path: `${OUT}/zoom200${p.replace(/\//g, '_')}.png` });
    out[`zoom ${p} sideways`] = await z.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  }
  await zoom.close();
  // 3. Text spacing (WCAG 1.4.12) injected.
  const css = '* { line-height: 1.5 !important; letter-spacing: .12em !important; word-spacing: .16em !important; } p { margin-bottom: 2em !important; }';
  for (const p of ['/', '/unternehmen/neu', '/statistik']) {
    for (const width of [1280, 320]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(url(p));
      await page.addStyleTag({ content: css });
      await page.screenshot({ path: `${OUT}/spacing${p.replace(/\//g, '_')}-${width}.png` });
      out[`spacing ${p} ${width}`] = await page.evaluate(() => {
        const clipped = [...document.querySelectorAll('body *')].filter((el) => {
          const cs = getComputedStyle(el);
          return (cs.overflow === 'hidden' || cs.overflowX === 'hidden') && el.scrollWidth > el.clientWidth + 1 && el.innerText?.trim() && !el.closest('.visually-hidden') && !el.classList.contains('visually-hidden');
        }).map((el) => el.className || el.tagName);
        return { sideways: document.documentElement.scrollWidth - document.documentElement.clientWidth, clipped };
      });
    }
  }
  await page.setViewportSize({ width: 1280, height: 900 });
  // 4. Screen-reader names of the header's controls from the accessibility tree.
  await page.goto(url('/'));
  const cdp = await ctx.newCDPSession(page);
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  out['names'] = nodes.filter((n) => !n.ignored && ['link', 'button', 'searchbox', 'textbox', 'DisclosureTriangle', 'navigation', 'search', 'banner', 'main', 'contentinfo'].includes(n.role?.value))
    .map((n) => `${n.role.value}: ${n.name?.value ?? ''}${n.description?.value ? ' — ' + n.description.value : ''}`).slice(0, 40);
  await ctx.close();
} finally { await browser.close(); await server.stop(); }
console.log(JSON.stringify(out, null, 1));

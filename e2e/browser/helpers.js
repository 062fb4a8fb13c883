// Shared helpers for the browser tests: start the real server on a free port with a fresh SQLite
// database and the demo data, launch Debian's Chromium through playwright-core, and open pages that
// fail the test on any page error or console error.
//
// Environment: ETAKIRJASTO_BIN (default target/debug/etakirjasto) and WEB_DIST (default web/dist),
// both relative to the repository root.
'use strict';

const { spawn } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const { chromium } = require('playwright-core');

const REPO = path.resolve(__dirname, '..', '..');

/** Demo accounts loaded by ETAKIRJASTO_DEMO=1 (see api/src/demo.rs). */
const DEMO = {
  patron: { email: 'maija@example.fi', password: 'demo-patron-2026', name: 'Maija Meikäläinen' },
  card: { number: '2000123456', pin: '1234' },
  staff: { email: 'liisa@kalajoki.example', password: 'demo-staff-2026', name: 'Liisa Kirjastonhoitaja' },
  admin: { email: 'admin@kalajoki.example', password: 'demo-admin-2026', name: 'Aino Ylläpitäjä' },
};

/** Asks the OS for a free TCP port on the loopback interface. */
function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Starts `etakirjasto serve` on a free port with an empty database in a temp dir and waits until
 * `/healthz` answers 200. Returns `{ base, stop }`; call `stop()` in `after()`.
 */
async function startServer() {
  const bin = path.resolve(REPO, process.env.ETAKIRJASTO_BIN || 'target/debug/etakirjasto');
  const dist = path.resolve(REPO, process.env.WEB_DIST || 'web/dist');
  if (!fs.existsSync(bin)) throw new Error(`server binary not found at ${bin} (set ETAKIRJASTO_BIN)`);
  if (!fs.existsSync(path.join(dist, 'index.html'))) throw new Error(`no index.html in ${dist} (run cargo xtask build-web)`);
  const port = await freePort();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'etakirjasto-browser-'));
  const log = [];
  const child = spawn(bin, ['serve'], {
    env: {
      ...process.env,
      DATABASE_URL: `sqlite://${path.join(tmp, 'test.db')}`,
      BIND: `127.0.0.1:${port}`,
      WEB_DIST: dist,
      ETAKIRJASTO_DEMO: '1',
      RUST_LOG: process.env.RUST_LOG || 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (d) => log.push(String(d)));
  child.stderr.on('data', (d) => log.push(String(d)));
  let exited = null;
  child.on('exit', (code) => { exited = code; });

  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (exited !== null) throw new Error(`server exited with ${exited} before it was ready:\n${log.join('')}`);
    try {
      const res = await fetch(`${base}/healthz`);
      if (res.status === 200) break;
    } catch { /* not listening yet */ }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server not healthy within 30 s:\n${log.join('')}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }

  const stop = async () => {
    if (exited === null) {
      const gone = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await gone;
      clearTimeout(timer);
    }
    fs.rmSync(tmp, { recursive: true, force: true });
  };
  return { base, stop, log };
}

/** Launches headless Chromium from Debian's package. */
function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/**
 * Opens a page in a fresh context (own cookies and storage) that records every page error and
 * console error. Chromium logs each 4xx answer to `fetch` as a console error; those are expected
 * where the test says so (`allow(pathPart, status)`), and a 401 from the start-up session check is
 * always expected. `assertClean()` fails the test on anything else.
 */
async function openPage(browser, base, { viewport } = {}) {
  const context = await browser.newContext({ baseURL: base, viewport: viewport || { width: 1024, height: 800 } });
  const page = await context.newPage();
  const problems = [];
  const allowed = [{ part: '/api/v1/auth/refresh', status: 401 }];
  page.on('pageerror', (err) => problems.push(`pageerror: ${err.stack || err}`));
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    const text = msg.text();
    const url = (msg.location() && msg.location().url) || '';
    const m = /status of (\d{3})/.exec(text);
    if (m && allowed.some((a) => url.includes(a.part) && Number(m[1]) === a.status)) return;
    problems.push(`console error: ${text} (${url})`);
  });
  return {
    page,
    context,
    allow(part, status) { allowed.push({ part, status }); },
    assertClean() {
      if (problems.length) throw new Error(`browser reported errors:\n${problems.join('\n')}`);
    },
  };
}

/** Waits until the app has mounted and finished its start-up session check. */
async function appReady(page) {
  await page.waitForSelector('main#main h1');
  await page.waitForFunction(() => document.querySelector('.site-phone a[href^="tel:"]'));
}

/** Signs in through the form with email (or phone) and password; waits for "my page". */
async function signInWithPassword(page, login, password) {
  await page.goto('/sign-in');
  await appReady(page);
  await page.locator('#login').fill(login);
  await page.locator('#password').fill(password);
  await page.locator('#password').press('Enter');
  await page.waitForURL('**/me');
  await page.waitForSelector('.me-name');
}

/**
 * Registers a new patron through the form, with email and password, or with `card` and `pin` when
 * those are given instead; waits for "my page".
 */
async function register(page, { name, email, password, card, pin }) {
  await page.goto('/register');
  await appReady(page);
  await page.locator('#name').fill(name);
  if (card) {
    await page.getByLabel('Kirjastokortti ja PIN-koodi').check();
    await page.locator('#card_number').fill(card);
    await page.locator('#pin').fill(pin);
    await page.locator('#pin').press('Enter');
  } else {
    await page.locator('#email').fill(email);
    await page.locator('#password').fill(password);
    await page.locator('#password').press('Enter');
  }
  await page.waitForURL('**/me');
  await page.waitForSelector(`.me-name:has-text("${name}")`);
}

/** Runs axe-core with the WCAG 2.1 A and AA rules and returns the violations. */
async function axeViolations(page) {
  const has = await page.evaluate(() => typeof window.axe !== 'undefined');
  // Evaluated through the DevTools protocol rather than added as a <script>: the app's
  // Content-Security-Policy rightly refuses inline scripts.
  if (!has) await page.evaluate(fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
  const result = await page.evaluate(() => window.axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
  }));
  return result.violations;
}

/** A readable list of axe violations for an assertion message. */
function describeViolations(violations) {
  return violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes
    .map((n) => `    ${n.target.join(' ')}: ${n.failureSummary.replace(/\n/g, ' ')}`).join('\n')}`).join('\n');
}

/** Picks a language with the header buttons. */
async function chooseLanguage(page, label) {
  await page.getByRole('button', { name: label, exact: true }).click();
}

module.exports = {
  DEMO, startServer, launchBrowser, openPage, appReady, signInWithPassword, register, axeViolations,
  describeViolations, chooseLanguage,
};

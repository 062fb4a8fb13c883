// Shared helpers for the browser tests: start the real server on a free port with a fresh SQLite
// database and the demo data, launch Debian's Chromium through playwright-core, and open pages that
// fail the test on any page error or console error.
//
// Environment: ETAKIRJASTO_BIN (default target/debug/etakirjasto) and WEB_DIST (default web/dist),
// both relative to the repository root.
'use strict';

const { spawn } = require('node:child_process');
const crypto = require('node:crypto');
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
  /** The demo staff's and admin's authenticator key (two-step sign-in). */
  staffSecret: 'ETAKIRJASTODEMOSTAFFKOODIAAAAAAA',
  admin: { email: 'admin@kalajoki.example', password: 'demo-admin-2026', name: 'Aino Ylläpitäjä' },
  /** The contact person of the demo care home, Palvelukoti Kotirinne. */
  careHome: { email: 'sari@kotirinne.example', password: 'demo-kotirinne-2026', name: 'Sari Lähihoitaja' },
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
      MESSAGE_LOG: path.join(tmp, 'messages.log'),
      BIND: `127.0.0.1:${port}`,
      WEB_DIST: dist,
      ETAKIRJASTO_DEMO: '1',
      // The tests book and register as guests many times from one address; the limit itself is
      // tested in e2e/tests/floods.rs.
      PUBLIC_WRITE_LIMIT: '1000000',
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
  return { base, stop, log, bin, databaseUrl: `sqlite://${path.join(tmp, 'test.db')}` };
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
  // Sign-in helpers that know a 401 is coming (the first step of a staff sign-in) say so here.
  page.expectStatus = (part, status) => allowed.push({ part, status });
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

/** RFC 6238 code (HMAC-SHA1, 6 digits, 30 s) of a base32 key for time step `step`. */
function totpCode(secretBase32, step) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const ch of secretBase32.replace(/=+$/, '')) bits += alphabet.indexOf(ch).toString(2).padStart(5, '0');
  const key = Buffer.from(bits.match(/.{8}/g).map((b) => parseInt(b, 2)));
  const counter = Buffer.alloc(8);
  counter.writeBigInt64BE(BigInt(step));
  const h = crypto.createHmac('sha1', key).update(counter).digest();
  const o = h[19] & 0x0f;
  const bin = ((h[o] & 0x7f) << 24) | (h[o + 1] << 16) | (h[o + 2] << 8) | h[o + 3];
  return String(bin % 1000000).padStart(6, '0');
}

/** The last time step whose code each account used, by server and login: a code works once. */
const usedSteps = new Map();

/**
 * A code for `login` on this server that has not been used yet: the current step's, or the next
 * step's (the server accepts it a step early), or, after waiting, a fresh step's.
 */
async function freshCode(base, login, secret = DEMO.staffSecret) {
  for (;;) {
    const now = Math.floor(Date.now() / 1000 / 30);
    const last = usedSteps.get(`${base} ${login}`) ?? -1;
    const step = last < now ? now : last === now ? now + 1 : null;
    if (step !== null) {
      usedSteps.set(`${base} ${login}`, step);
      return totpCode(secret, step);
    }
    await new Promise((r) => setTimeout(r, 30000 - (Date.now() % 30000) + 500));
  }
}

/**
 * Signs in through the form with email (or phone) and password; staff and admins also give the
 * code of the demo key when the form asks for it. Waits for "my page".
 */
async function signInWithPassword(page, login, password) {
  // Staff and admin accounts (the library's own addresses) answer the password with 401
  // `second_factor_required`, which Chromium logs as an error.
  if (login.endsWith('@kalajoki.example') && page.expectStatus) page.expectStatus('/api/v1/auth/login', 401);
  await page.goto('/sign-in');
  await appReady(page);
  await page.locator('#login').fill(login);
  await page.locator('#password').fill(password);
  await page.locator('#password').press('Enter');
  const asked = await Promise.race([
    page.waitForURL('**/me').then(() => false),
    page.waitForSelector('#one_time_code').then(() => true),
  ]);
  if (asked) {
    const base = new URL(page.url()).origin;
    await page.locator('#one_time_code').fill(await freshCode(base, login));
    await page.locator('#one_time_code').press('Enter');
    await page.waitForURL('**/me');
  }
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
  totpCode, freshCode,
  DEMO, startServer, launchBrowser, openPage, appReady, signInWithPassword, register, axeViolations,
  describeViolations, chooseLanguage,
};

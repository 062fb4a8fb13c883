// The Content-Security-Policy allows the app and nothing else: the WebAssembly app and the API
// documentation both run under it without a single violation, and nothing is loaded from elsewhere.
'use strict';

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { startServer, launchBrowser, openPage, appReady } = require('./helpers');

let server;
let browser;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

after(async () => {
  if (browser) await browser.close();
  if (server) await server.stop();
});

/** Opens `path`, recording CSP violations reported by the page and every request's host. */
async function visit(path) {
  const { page, context, assertClean } = await openPage(browser, server.base);
  const hosts = new Set();
  page.on('request', (req) => hosts.add(new URL(req.url()).host));
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  const response = await page.goto(path);
  return { page, context, assertClean, hosts, response };
}

test('the web app runs under its Content-Security-Policy', async () => {
  const { page, context, assertClean, hosts, response } = await visit('/');
  const csp = response.headers()['content-security-policy'];
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'/);
  assert.doesNotMatch(csp, /unsafe-inline/);
  assert.match(csp, /frame-ancestors 'none'/);
  assert.equal(response.headers()['x-content-type-options'], 'nosniff');
  await appReady(page);
  // Switching the text size must not need an inline style.
  await page.getByRole('button', { name: 'Suurin', exact: true }).click();
  await page.waitForFunction(() => getComputedStyle(document.documentElement).fontSize === '24px');
  const violations = await page.evaluate(() => window.__cspViolations);
  assert.deepEqual(violations, []);
  assert.deepEqual([...hosts], [new URL(server.base).host], 'no request leaves this server');
  assertClean();
  await context.close();
});

test('the API documentation renders offline under its policy', async () => {
  const { page, context, assertClean, hosts } = await visit('/api/docs/');
  await page.waitForSelector('.swagger-ui .info .title');
  assert.match(await page.locator('.swagger-ui .info .title').innerText(), /Etäkirjasto API/);
  await page.waitForSelector('#operations-auth-login');
  const violations = await page.evaluate(() => window.__cspViolations);
  assert.deepEqual(violations, []);
  assert.deepEqual([...hosts], [new URL(server.base).host], 'no request leaves this server');
  assertClean();
  await context.close();
});

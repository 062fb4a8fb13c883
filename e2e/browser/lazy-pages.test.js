// Most pages' code is split out of the main wasm and fetched when the page is first opened: the front
// page downloads none of it, opening a page fetches its file as `application/wasm`, and a tab whose
// page files are gone (a newer version was deployed) reloads itself once instead of stopping.
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

const isLazy = (url) => /\/(split_|chunk_)[^/]*\.wasm$/.test(new URL(url).pathname);

test('the front page fetches no page code; opening a page fetches its own', async () => {
  const { page, context, assertClean } = await openPage(browser, server.base);
  const fetched = [];
  page.on('response', (r) => { if (isLazy(r.url())) fetched.push({ url: r.url(), status: r.status(), type: r.headers()['content-type'] }); });
  await page.goto('/');
  await appReady(page);
  assert.deepEqual(fetched, [], 'the front page needs no lazy file');
  await page.getByRole('link', { name: 'Varaa aika' }).click();
  await page.waitForURL('**/book');
  await page.waitForFunction(() => document.querySelector('main#main h1')?.textContent.includes('Millaista apua tarvitset?'));
  const book = fetched.filter((f) => /split_patron_page/.test(f.url));
  assert.equal(book.length, 1, `the patron pages’ code was fetched once: ${JSON.stringify(fetched)}`);
  for (const f of fetched) {
    assert.equal(f.status, 200, f.url);
    assert.equal(f.type, 'application/wasm', f.url);
  }
  assertClean();
  await context.close();
});

test('the server answers 404 for a page file that is not there', async () => {
  const res = await fetch(`${server.base}/split___gone_route_view_1-0123456789abcdef.wasm`);
  assert.equal(res.status, 404);
  assert.match(res.headers.get('content-type'), /problem\+json/);
});

test('a tab whose page code was replaced by a newer deploy reloads once and then works', async () => {
  const { page, context } = await openPage(browser, server.base);
  await page.goto('/');
  await appReady(page);
  // The booking page's file disappears, as after a deploy of a newer build.
  let refused = 0;
  await page.route(/split_patron_page[^/]*\.wasm$/, (route) => {
    refused += 1;
    return route.fulfill({ status: 404, body: 'gone' });
  });
  await page.getByRole('link', { name: 'Varaa aika' }).click();
  // The app loads the page the reader chose afresh, from the server.
  await page.waitForURL('**/book', { waitUntil: 'load' });
  assert.ok(refused >= 1, 'the old page file was asked for');
  // Here the page file is still refused, so the app stops again; it must not reload in a loop.
  const before = refused;
  let loads = 0;
  page.on('load', () => { loads += 1; });
  for (let i = 0; i < 100 && refused === before; i += 1) await page.waitForTimeout(100);
  assert.ok(refused > before, 'the freshly loaded page asked for its file again');
  await page.waitForTimeout(2000);
  assert.equal(loads, 0, 'no second reload within a minute');
  // Once the new build's files are there, the page works.
  await page.unroute(/split_patron_page[^/]*\.wasm$/);
  await page.reload();
  await page.waitForFunction(() => document.querySelector('main#main h1')?.textContent.includes('Millaista apua tarvitset?'));
  assert.match(page.url(), /\/book$/);
  await context.close();
});

// The staff dashboard is linked and shown only to staff and admins; everyone else gets a plain
// sentence saying it is for staff only.
'use strict';

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { DEMO, startServer, launchBrowser, openPage, appReady, signInWithPassword } = require('./helpers');

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

test('a patron sees no staff link and /staff says it is for staff only', async () => {
  const { page, context, assertClean } = await openPage(browser, server.base);
  await signInWithPassword(page, DEMO.patron.email, DEMO.patron.password);
  assert.equal(await page.locator('nav a[href="/me"]').count(), 1, 'the "my page" link is shown when signed in');
  assert.equal(await page.locator('nav a[href="/staff"]').count(), 0, 'no staff link for a patron');

  // A deep link: a full page load restores the session from the refresh cookie first.
  await page.goto('/staff');
  await appReady(page);
  await page.waitForSelector('.staff-only');
  assert.equal((await page.locator('.staff-only').textContent()).trim(), 'Tämä sivu on vain kirjaston henkilökunnalle.');
  assert.equal(await page.locator('.staff-dashboard').count(), 0);
  assert.equal(await page.locator('nav a[href="/staff"]').count(), 0);
  assertClean();
  await context.close();
});

test('a signed-out visitor at /staff is told the page is for staff and offered sign-in', async () => {
  const { page, context, assertClean } = await openPage(browser, server.base);
  await page.goto('/staff');
  await appReady(page);
  await page.waitForSelector('main a[href="/sign-in"]');
  assert.match(await page.locator('main').textContent(), /vain kirjaston henkilökunnalle/);
  assert.equal(await page.locator('nav a[href="/staff"]').count(), 0);
  assertClean();
  await context.close();
});

for (const who of ['staff', 'admin']) {
  test(`demo ${who} finds the staff link and the dashboard`, async () => {
    const { page, context, assertClean } = await openPage(browser, server.base);
    await signInWithPassword(page, DEMO[who].email, DEMO[who].password);
    const link = page.locator('nav a[href="/staff"]');
    await link.waitFor();
    await link.click();
    await page.waitForURL('**/staff');
    await page.waitForSelector('.staff-dashboard');
    assert.equal((await page.locator('main h1').textContent()).trim(), 'Henkilökunnan sivu');
    assert.match(await page.locator('.staff-dashboard').textContent(), /Kalajoen kaupunginkirjasto/);
    assert.equal(await page.title(), 'Henkilökunnan sivu – Etäkirjasto');
    assertClean();
    await context.close();
  });
}

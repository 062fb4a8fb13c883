// A library's look: an admin sets the library's colour on the staff dashboard with the keyboard (one
// too light for white text is refused in plain words, field by field), the header follows at once,
// and uploads and removes a logo that appears beside the library's name. No axe violations.
'use strict';

const path = require('node:path');
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const {
  DEMO, startServer, launchBrowser, openPage, appReady, axeViolations, describeViolations,
  signInWithPassword,
} = require('./helpers');

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

const headerColor = (page) => page.evaluate(() => getComputedStyle(document.querySelector('.site-header')).backgroundColor);

test('an admin sets a readable colour and a logo, and the header follows', async () => {
  const { page, context, allow, assertClean } = await openPage(browser, server.base);
  allow('/api/v1/libraries/kalajoki/branding', 422);
  await signInWithPassword(page, DEMO.admin.email, DEMO.admin.password);
  await page.goto('/staff');
  await appReady(page);
  await page.locator('.branding-form').waitFor();
  assert.equal(await headerColor(page), 'rgb(0, 50, 95)');

  // Too light: refused, said in words, nothing changes.
  await page.locator('#brand-color').fill('#ffdd00');
  await page.getByRole('button', { name: 'Tallenna väri' }).press('Enter');
  await page.waitForFunction(() => document.activeElement?.classList.contains('error-summary'));
  assert.match(await page.locator('.branding-form .error-summary').innerText(),
    /Väri: Väri on liian vaalea: valkoinen teksti ei erotu siitä tarpeeksi hyvin\. Valitse tummempi väri\./);
  assert.equal(await page.locator('#brand-color').getAttribute('aria-invalid'), 'true');
  let violations = await axeViolations(page);
  assert.equal(violations.length, 0, `axe on the form with errors:\n${describeViolations(violations)}`);
  assert.equal(await headerColor(page), 'rgb(0, 50, 95)');

  // Dark enough: saved, and the header follows.
  await page.locator('#brand-color').fill('#1d70b8');
  await page.getByRole('button', { name: 'Tallenna väri' }).press('Enter');
  await page.locator('.branding-form [role=status]', { hasText: 'Väri tallennettu.' }).waitFor();
  await page.waitForFunction(() => getComputedStyle(document.querySelector('.site-header')).backgroundColor === 'rgb(29, 112, 184)');

  // The logo: chosen, uploaded, shown beside the name (which stays the link's text); then removed.
  await page.locator('#brand-logo').setInputFiles(path.join(__dirname, '..', 'fixtures', 'logo.png'));
  await page.getByRole('button', { name: 'Lataa logo' }).press('Enter');
  await page.locator('.branding-form [role=status]', { hasText: 'Logo tallennettu.' }).waitFor();
  const logo = page.locator('.site-name img.site-logo');
  await logo.waitFor();
  assert.equal(await logo.getAttribute('alt'), '');
  assert.equal(await page.locator('.site-name a').innerText(), 'Kalajoen kaupunginkirjasto');
  assert.equal(await logo.evaluate((img) => img.complete && img.naturalWidth), 4);
  violations = await axeViolations(page);
  assert.equal(violations.length, 0, `axe with the colour and logo:\n${describeViolations(violations)}`);

  // Others see the same look.
  const visitor = await openPage(browser, server.base);
  await visitor.page.goto('/');
  await appReady(visitor.page);
  await visitor.page.locator('.site-name img.site-logo').waitFor();
  assert.equal(await headerColor(visitor.page), 'rgb(29, 112, 184)');
  visitor.assertClean();
  await visitor.context.close();

  await page.getByRole('button', { name: 'Poista logo' }).press('Enter');
  await page.locator('.branding-form [role=status]', { hasText: 'Logo poistettu.' }).waitFor();
  await page.waitForFunction(() => !document.querySelector('.site-name img'));
  assertClean();
  await context.close();
});

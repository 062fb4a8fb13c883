// The library's scenario: an admin switches it on the staff dashboard with the keyboard (the
// Finnish notice is required outside normal times and named when missing); the front page then
// shows the notice first, in the reader's language or marked as Finnish when it has no
// translation; back to normal, the notice goes. No axe violations in fi, sv and en.
'use strict';

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const {
  DEMO, startServer, launchBrowser, openPage, appReady, signInWithPassword, axeViolations,
  describeViolations,
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

test('an admin switches the scenario and the front page shows its notice', async () => {
  const { page, context, allow, assertClean } = await openPage(browser, server.base);
  allow('/api/v1/libraries/kalajoki/scenario', 422);
  await signInWithPassword(page, DEMO.admin.email, DEMO.admin.password);
  await page.goto('/staff');
  await appReady(page);
  await page.waitForSelector('.scenario-form');
  // The form is filled from the library as it stands before it can be saved.
  await page.waitForSelector('.scenario-form button[type="submit"]:not([disabled])');
  assert.ok(await page.locator('#scenario').isChecked(), 'normal times to begin with');
  assert.equal(await page.locator('.scenario-notice').count(), 0);

  // Closed without a Finnish notice: the field is named.
  await page.locator('#scenario-library_closed').check();
  await page.locator('#scenario-notice-sv').fill('Biblioteket är stängt. Boka en tid per telefon.');
  await page.getByRole('button', { name: 'Vaihda tilanne' }).press('Enter');
  await page.waitForFunction(() => document.activeElement?.classList.contains('error-summary'));
  assert.match(await page.locator('.error-summary:not([hidden])').innerText(), /Tiedote suomeksi/);
  await page.locator('#scenario-notice-fi').fill('Kirjasto on suljettu. Varaa aika puhelimeen tai videoon.');
  await page.getByRole('button', { name: 'Vaihda tilanne' }).press('Enter');
  await page.waitForSelector('.scenario-form .confirmation');

  await page.goto('/');
  await appReady(page);
  const notice = page.locator('.scenario-notice');
  await notice.waitFor();
  assert.equal(await notice.locator('h2').innerText(), 'Kirjasto on suljettu');
  assert.match(await notice.innerText(), /Varaa aika puhelimeen tai videoon/);
  // Swedish has its own text; English falls back to Finnish, marked as such.
  for (const [lang, text, textLang] of [['sv', /Biblioteket är stängt/, 'sv'], ['en', /Kirjasto on suljettu\./, 'fi']]) {
    await page.evaluate((l) => localStorage.setItem('etakirjasto.lang', l), lang);
    await page.goto('/');
    await appReady(page);
    await notice.waitFor();
    assert.match(await notice.locator('p').innerText(), text);
    assert.equal(await notice.locator('p').getAttribute('lang'), textLang);
    const violations = await axeViolations(page);
    assert.equal(violations.length, 0, `axe on the front page (${lang}):\n${describeViolations(violations)}`);
  }
  await page.evaluate(() => localStorage.setItem('etakirjasto.lang', 'fi'));
  let violations = await axeViolations(page);
  assert.equal(violations.length, 0, `axe on the front page:\n${describeViolations(violations)}`);

  // Back to normal: the notice goes.
  await page.goto('/staff');
  await appReady(page);
  await page.waitForSelector('.scenario-form');
  // The form is filled from the library as it stands before it can be saved.
  await page.waitForSelector('.scenario-form button[type="submit"]:not([disabled])');
  assert.ok(await page.locator('#scenario-library_closed').isChecked(), 'the form shows the scenario as it stands');
  violations = await axeViolations(page);
  assert.equal(violations.length, 0, `axe on the staff dashboard:\n${describeViolations(violations)}`);
  await page.locator('#scenario').check();
  await page.getByRole('button', { name: 'Vaihda tilanne' }).press('Enter');
  await page.waitForSelector('.scenario-form .confirmation');
  await page.goto('/');
  await appReady(page);
  await page.waitForSelector('.book-box');
  assert.equal(await page.locator('.scenario-notice').count(), 0);
  assertClean();
  await context.close();
});

// "My data" on my page: a patron downloads everything held on them as a JSON file and deletes their
// account after typing the password (or the card PIN) again; staff see no delete form; the page
// passes axe in every language.
'use strict';

const fs = require('node:fs');
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const {
  DEMO, startServer, launchBrowser, openPage, appReady, signInWithPassword, register, axeViolations,
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

/** `FieldCode::Incorrect` in Finnish. */
const INCORRECT = 'Tämä ei täsmää. Tarkista ja yritä uudelleen.';

/** A name, email and password nobody else in this run has. */
function newPatron(tag) {
  const id = `${tag}-${Date.now()}-${Math.floor(Math.random() * 1e6)}`;
  return { name: 'Testi Lukija', email: `lukija-${id}@example.fi`, password: 'kirjasto on kiva 2026' };
}

test('a new patron downloads their data as etakirjasto-omat-tiedot.json', async () => {
  const { page, context, assertClean } = await openPage(browser, server.base);
  const patron = newPatron('lataus');
  await register(page, patron);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Lataa tietoni' }).click(),
  ]);
  assert.equal(download.suggestedFilename(), 'etakirjasto-omat-tiedot.json');
  const data = JSON.parse(fs.readFileSync(await download.path(), 'utf8'));
  assert.equal(data.account.email, patron.email);
  assert.equal(data.account.name, patron.name);
  assert.ok(Array.isArray(data.sessions) && data.sessions.length >= 1, 'the current session is in the export');
  await page.waitForSelector('[role="status"]:has-text("Tietosi on ladattu tiedostoon.")');
  assert.equal(new URL(page.url()).pathname, '/me', 'the download does not leave the page');
  assertClean();
  await context.close();
});

test('a wrong password is marked at the field; the right one deletes the account for good', async () => {
  const { page, context, allow, assertClean } = await openPage(browser, server.base);
  allow('/api/v1/me/delete', 422);
  allow('/api/v1/auth/login', 401);
  const patron = newPatron('poisto');
  await register(page, patron);
  const field = page.locator('#delete-password');
  const button = page.getByRole('button', { name: 'Poista tilini pysyvästi' });

  await field.fill('ihan väärä salasana');
  await button.click();
  const error = page.locator('#delete-password-error');
  await error.waitFor();
  assert.match(await error.textContent(), new RegExp(INCORRECT.replace(/\./g, '\\.')));
  assert.equal(await field.getAttribute('aria-invalid'), 'true');
  assert.match(await field.getAttribute('aria-describedby'), /\bdelete-password-error\b/);
  await page.waitForFunction(() => document.activeElement && document.activeElement.classList.contains('error-summary'));
  assert.match(await page.locator('#delete-summary').locator('..').textContent(), /Salasana: Tämä ei täsmää/);
  assert.equal(new URL(page.url()).pathname, '/me', 'a wrong password deletes nothing');

  await field.fill(patron.password);
  await button.click();
  await page.waitForURL(`${server.base}/`);
  await page.waitForSelector('[role="status"]:has-text("Tilisi on poistettu.")');
  assert.equal(await page.locator('nav a[href="/me"]').count(), 0, 'nobody is signed in any more');

  // The refresh cookie is gone: a reload does not bring the session back.
  await page.goto('/me');
  await appReady(page);
  await page.waitForSelector('main a[href="/sign-in"]');
  assert.equal(await page.locator('.me-name').count(), 0);

  await page.goto('/sign-in');
  await appReady(page);
  await page.locator('#login').fill(patron.email);
  await page.locator('#password').fill(patron.password);
  await page.locator('#password').press('Enter');
  await page.waitForSelector('.error-summary:not([hidden])');
  assert.match(await page.locator('.error-summary:not([hidden])').textContent(), /Kirjautumistiedot eivät täsmää/);
  assert.equal(new URL(page.url()).pathname, '/sign-in');
  assertClean();
  await context.close();
});

test('a card-only patron confirms the deletion with the PIN', async () => {
  const { page, context, allow, assertClean } = await openPage(browser, server.base);
  allow('/api/v1/me/delete', 422);
  const card = `9${Date.now()}`.slice(0, 14);
  await register(page, { name: 'Kortti Lukija', card, pin: '4321' });
  assert.equal(await page.locator('#delete-password').count(), 0, 'no password field for a card-only account');
  const pin = page.locator('#delete-pin');
  assert.equal(await pin.getAttribute('inputmode'), 'numeric');

  await pin.fill('9999');
  await pin.press('Enter');
  await page.locator('#delete-pin-error').waitFor();
  assert.match(await page.locator('#delete-pin-error').textContent(), /Tämä ei täsmää/);
  assert.equal(await pin.getAttribute('aria-invalid'), 'true');

  await pin.fill('4321');
  await pin.press('Enter');
  await page.waitForURL(`${server.base}/`);
  await page.waitForSelector('[role="status"]:has-text("Tilisi on poistettu.")');
  assertClean();
  await context.close();
});

test('an empty confirmation is caught before sending', async () => {
  const { page, context, assertClean } = await openPage(browser, server.base);
  await register(page, newPatron('tyhja'));
  await page.getByRole('button', { name: 'Poista tilini pysyvästi' }).click();
  await page.locator('#delete-password-error').waitFor();
  assert.match(await page.locator('#delete-password-error').textContent(), /Tämä tieto puuttuu\./);
  assert.equal(await page.locator('#delete-password').getAttribute('aria-invalid'), 'true');
  assert.equal(new URL(page.url()).pathname, '/me');
  assertClean();
  await context.close();
});

test('after repeated wrong passwords the form says how long to wait (429)', async () => {
  const { page, context, allow, assertClean } = await openPage(browser, server.base);
  allow('/api/v1/me/delete', 422);
  allow('/api/v1/me/delete', 429);
  await register(page, newPatron('raja'));
  const summary = page.locator('.error-summary');
  let text = '';
  for (let attempt = 1; attempt <= 8 && !text.includes('Liian monta'); attempt += 1) {
    await page.locator('#delete-password').fill(`väärä salasana ${attempt}`);
    await page.locator('#delete-password').press('Enter');
    await page.waitForFunction(() => !document.querySelector('.error-summary').hidden
      && document.querySelector('button.button-danger:not([disabled])'));
    text = await summary.textContent();
  }
  assert.match(text, /Liian monta yritystä\./);
  assert.match(text, /Voit yrittää uudelleen \d+ sekunnin kuluttua\./);
  assert.equal(new URL(page.url()).pathname, '/me');
  assertClean();
  await context.close();
});

test('staff see a sentence instead of the delete form', async () => {
  const { page, context, assertClean } = await openPage(browser, server.base);
  await signInWithPassword(page, DEMO.staff.email, DEMO.staff.password);
  await page.waitForSelector('.delete-account');
  assert.equal((await page.locator('.delete-staff').textContent()).trim(), 'Henkilökunnan tilit poistaa kirjaston pääkäyttäjä.');
  assert.equal(await page.locator('.delete-account form').count(), 0);
  assert.equal(await page.locator('#delete-password, #delete-pin, .button-danger').count(), 0);
  // Staff may still download their own data.
  assert.equal(await page.getByRole('button', { name: 'Lataa tietoni' }).count(), 1);
  assertClean();
  await context.close();
});

for (const [lang, heading, deleteHeading] of [
  ['fi', 'Omat tietoni', 'Poista tilini'],
  ['sv', 'Mina uppgifter', 'Radera mitt konto'],
  ['en', 'My data', 'Delete my account'],
]) {
  test(`axe finds no violations on my page with "My data" in ${lang}, with and without errors`, async () => {
    const { page, context, assertClean } = await openPage(browser, server.base);
    await context.addInitScript((l) => localStorage.setItem('etakirjasto.lang', l), lang);
    await signInWithPassword(page, DEMO.patron.email, DEMO.patron.password);
    await page.waitForSelector('#delete-password');
    assert.equal(await page.evaluate(() => document.documentElement.lang), lang);
    assert.equal((await page.locator('#my-data-heading').textContent()).trim(), heading);
    assert.equal((await page.locator('#delete-heading').textContent()).trim(), deleteHeading);
    const check = async (what) => {
      const violations = await axeViolations(page);
      assert.equal(violations.length, 0, `axe violations on /me ${what} (${lang}):\n${describeViolations(violations)}`);
    };
    await check('with My data');

    await page.locator('button.button-danger').click();
    await page.waitForSelector('#delete-password-error');
    await check('with the delete form showing an error');

    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('button.download-data').click()]);
    await download.path();
    await page.waitForSelector('.download-status .notice');
    await check('after a download');
    assertClean();
    await context.close();
  });
}

test('my page with "My data" does not scroll sideways at 320 px with the largest text', async () => {
  const { page, context, assertClean } = await openPage(browser, server.base, { viewport: { width: 320, height: 640 } });
  await context.addInitScript(() => localStorage.setItem('etakirjasto.text-size', 'largest'));
  await signInWithPassword(page, DEMO.patron.email, DEMO.patron.password);
  await page.waitForSelector('#delete-password');
  assert.equal(await page.evaluate(() => document.documentElement.dataset.textSize), 'largest');
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 320, `/me is ${width} px wide at 320 px with the largest text`);
  assertClean();
  await context.close();
});

// Registering, signing in (password and library card), signing out, and form errors shown next to
// the fields in the chosen language.
'use strict';

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const {
  DEMO, startServer, launchBrowser, openPage, appReady, signInWithPassword, chooseLanguage,
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

test('a new patron registers with the keyboard, signs out and signs in again', async () => {
  const { page, context, assertClean } = await openPage(browser, server.base);
  const email = `lukija-${Date.now()}@example.fi`;
  const password = 'kirjasto on kiva 2026';

  await page.goto('/register');
  await appReady(page);
  await page.locator('#name').fill('Testi Lukija');
  await page.locator('#email').fill(email);
  await page.locator('#password').fill(password);
  await page.locator('#password').press('Enter');

  await page.waitForURL('**/me');
  await assert.doesNotReject(page.waitForSelector('.me-name:has-text("Testi Lukija")'));
  assert.equal(await page.title(), 'Omat tiedot – Etäkirjasto');

  // The session survives a reload through the refresh cookie; the token itself is not stored.
  await page.reload();
  await page.waitForSelector('.me-name:has-text("Testi Lukija")');
  const stored = await page.evaluate(() => JSON.stringify(Object.entries(localStorage)));
  assert.ok(!/eyJ/.test(stored), `a token was written to localStorage: ${stored}`);

  await page.getByRole('button', { name: 'Kirjaudu ulos' }).click();
  await page.waitForURL('**/sign-in');
  await page.waitForSelector('[role="status"]:has-text("Olet kirjautunut ulos.")');
  assert.equal(await page.locator('nav a[href="/me"]').count(), 0, 'the "my page" link is gone after signing out');

  await signInWithPassword(page, email, password);
  assert.equal((await page.locator('.me-name').textContent()).trim(), 'Testi Lukija');
  assertClean();
  await context.close();
});

test('the demo patron signs in with library card and PIN', async () => {
  const { page, context, assertClean } = await openPage(browser, server.base);
  await page.goto('/sign-in');
  await appReady(page);
  await page.getByLabel('Kirjastokortti ja PIN-koodi').check();
  await page.locator('#card_number').fill(DEMO.card.number);
  await page.locator('#pin').fill(DEMO.card.pin);
  await page.locator('#pin').press('Enter');

  await page.waitForURL('**/me');
  await page.waitForSelector(`.me-name:has-text("${DEMO.patron.name}")`);
  const details = await page.locator('.details').textContent();
  assert.ok(details.includes(DEMO.card.number), `card number shown on my page: ${details}`);
  assert.ok(details.includes(DEMO.patron.email), `email shown on my page: ${details}`);
  assertClean();
  await context.close();
});

test('a bad registration shows field messages in Finnish, then in English', async () => {
  const { page, context, assertClean } = await openPage(browser, server.base);
  await page.goto('/register');
  await appReady(page);
  await page.locator('#name').fill('Testi Lukija');
  await page.locator('#email').fill('ei-sahkopostiosoite');
  await page.locator('#password').fill('lyhyt');
  await page.locator('#password').press('Enter');

  const emailError = page.locator('#email-error');
  const passwordError = page.locator('#password-error');
  await emailError.waitFor();
  assert.match(await emailError.textContent(), /Tarkista muoto\./);
  assert.match(await passwordError.textContent(), /Tämä on liian lyhyt\./);
  assert.equal(await page.locator('#email').getAttribute('aria-invalid'), 'true');
  assert.equal(await page.locator('#password').getAttribute('aria-invalid'), 'true');
  assert.equal(await page.locator('#name').getAttribute('aria-invalid'), null, 'a valid field is not marked');
  assert.match(await page.locator('#email').getAttribute('aria-describedby'), /\bemail-error\b/);
  // The summary takes focus so screen readers announce it, and links to each field.
  await page.waitForFunction(() => document.activeElement && document.activeElement.classList.contains('error-summary'));
  assert.match(await page.locator('.error-summary:not([hidden])').textContent(), /Tarkista tiedot.*Sähköposti: Tarkista muoto\./s);
  assert.equal(page.url(), `${server.base}/register`, 'nothing was sent, the page stays');

  await chooseLanguage(page, 'English');
  await page.waitForFunction(() => document.querySelector('#email-error').textContent.includes('Please check the format.'));
  assert.match(await passwordError.textContent(), /This is too short\./);
  assert.equal(await page.locator('#email').getAttribute('aria-invalid'), 'true');
  assertClean();
  await context.close();
});

test('wrong sign-in details are reported by the server in the chosen language', async () => {
  const { page, context, allow, assertClean } = await openPage(browser, server.base);
  allow('/api/v1/auth/login', 401);
  await page.goto('/sign-in');
  await appReady(page);
  await page.locator('#login').fill(DEMO.patron.email);
  await page.locator('#password').fill('ihan väärä salasana');
  await page.locator('#password').press('Enter');
  const summary = page.locator('.error-summary');
  await page.waitForSelector('.error-summary:not([hidden])');
  assert.match(await summary.textContent(), /Kirjautumistiedot eivät täsmää/);
  await chooseLanguage(page, 'Svenska');
  await page.waitForFunction(() => document.querySelector('.error-summary').textContent.includes('Inloggningsuppgifterna stämmer inte'));
  assert.equal(page.url(), `${server.base}/sign-in`);
  assertClean();
  await context.close();
});

test('after repeated failures the form says how long to wait (429 with Retry-After)', async () => {
  const { page, context, allow, assertClean } = await openPage(browser, server.base);
  allow('/api/v1/auth/login', 401);
  allow('/api/v1/auth/login', 429);
  await page.goto('/sign-in');
  await appReady(page);
  const summary = page.locator('.error-summary');
  let text = '';
  // The server allows five failures per account; an unknown account is limited the same way.
  for (let attempt = 1; attempt <= 8 && !text.includes('Liian monta'); attempt += 1) {
    await page.locator('#login').fill('ei-tilia@example.fi');
    await page.locator('#password').fill(`väärä salasana ${attempt}`);
    await page.locator('#password').press('Enter');
    // Submitting hides the summary and disables the button until the answer is in.
    await page.waitForFunction(() => !document.querySelector('.error-summary').hidden
      && document.querySelector('button[type="submit"]:not([disabled])'));
    text = await summary.textContent();
  }
  assert.match(text, /Liian monta yritystä\. Odota hetki ja yritä uudelleen\./);
  assert.match(text, /Voit yrittää uudelleen \d+ sekunnin kuluttua\./);
  assertClean();
  await context.close();
});

// Two-step sign-in in the browser: a person sets it up from "my page" with the keyboard (key shown as
// a QR code and as text), gets ten recovery codes, and from then on signs in with the code; a wrong
// code is explained at the field; a recovery code works once; staff without it are sent to set it
// up; no axe violations on the page in fi, sv or en.
'use strict';

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const {
  DEMO, startServer, launchBrowser, openPage, appReady, signInWithPassword, register, axeViolations,
  describeViolations, chooseLanguage, totpCode,
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

const step = () => Math.floor(Date.now() / 1000 / 30);

test('a patron sets up two-step sign-in with the keyboard and then signs in with codes', async () => {
  const { page, context, assertClean, allow } = await openPage(browser, server.base);
  allow('/api/v1/auth/login', 401);
  allow('/api/v1/me/second-factor/confirm', 422);
  const email = 'kaksi.vaihetta@example.fi';
  const password = 'kaksi vaihetta 2026';
  await register(page, { name: 'Kaksi Vaihetta', email, password });

  await page.locator('main a[href="/two-step-sign-in"]').focus();
  await page.keyboard.press('Enter');
  await page.waitForURL('**/two-step-sign-in');
  assert.equal((await page.locator('main h1').textContent()).trim(), 'Kaksivaiheinen kirjautuminen');
  await page.getByRole('button', { name: 'Ota kaksivaiheinen kirjautuminen käyttöön' }).focus();
  await page.keyboard.press('Enter');
  await page.waitForSelector('.qr svg');
  assert.equal(await page.locator('.qr').getAttribute('role'), 'img');
  const secret = (await page.locator('code.secret').textContent()).replace(/\s+/g, '');
  assert.match(secret, /^[A-Z2-7]{32}$/);

  // A wrong code first: the error names the field.
  const now = step();
  const right = totpCode(secret, now);
  await page.locator('#setup_code').fill(right === '000000' ? '111111' : '000000');
  await page.keyboard.press('Enter');
  await page.waitForSelector('.error-summary a[href="#setup_code"]');
  await page.locator('#setup_code').fill(right);
  await page.keyboard.press('Enter');
  await page.waitForSelector('.recovery-codes li');
  const codes = await page.locator('.recovery-codes code').allTextContents();
  assert.equal(codes.length, 10);
  assert.match(codes[0], /^[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}$/);

  // Signing in now asks for the code after the password.
  await page.goto('/me');
  await appReady(page);
  await page.getByRole('button', { name: 'Kirjaudu ulos' }).click();
  await page.waitForURL('**/sign-in');
  await page.locator('#login').fill(email);
  await page.locator('#password').fill(password);
  await page.locator('#password').press('Enter');
  await page.waitForSelector('#one_time_code');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'one_time_code', 'focus moves to the code');
  await page.locator('#one_time_code').fill(right);
  await page.keyboard.press('Enter');
  await page.waitForSelector('.error-summary a[href="#one_time_code"]');
  // A recovery code works once, typed in capitals with spaces.
  await page.locator('#one_time_code').fill(codes[0].toUpperCase().replace(/-/g, ' '));
  await page.keyboard.press('Enter');
  await page.waitForURL('**/me');
  await page.waitForSelector('.me-name');
  assertClean();
  await context.close();
});

test('the two-step page has no axe violations in fi, sv and en, before and during setup', async () => {
  const { page, context, assertClean } = await openPage(browser, server.base);
  await register(page, { name: 'Saavutettava Tarkastaja', email: 'axe.kaksi@example.fi', password: 'saavutettava 2026' });
  await page.goto('/two-step-sign-in');
  await appReady(page);
  for (const [label, lang] of [['Suomi', 'fi'], ['Svenska', 'sv'], ['English', 'en']]) {
    await chooseLanguage(page, label);
    await page.waitForFunction((l) => document.documentElement.lang === l, lang);
    const violations = await axeViolations(page);
    assert.equal(violations.length, 0, `axe violations on /two-step-sign-in (${lang}):\n${describeViolations(violations)}`);
  }
  await page.locator('main button.button').click();
  await page.waitForSelector('.qr svg');
  for (const [label, lang] of [['Suomi', 'fi'], ['Svenska', 'sv'], ['English', 'en']]) {
    await chooseLanguage(page, label);
    await page.waitForFunction((l) => document.documentElement.lang === l, lang);
    const violations = await axeViolations(page);
    assert.equal(violations.length, 0, `axe violations during setup (${lang}):\n${describeViolations(violations)}`);
  }
  assertClean();
  await context.close();
});

test('demo staff sign in with the code and reach the dashboard', async () => {
  const { page, context, assertClean } = await openPage(browser, server.base);
  await signInWithPassword(page, DEMO.staff.email, DEMO.staff.password);
  await page.goto('/staff');
  await appReady(page);
  await page.waitForSelector('.staff-dashboard');
  assertClean();
  await context.close();
});

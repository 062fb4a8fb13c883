// Language switch: Finnish by default, Swedish and English on request, remembered across reloads,
// with <html lang>, headings and the page title following. Also deep links and the not-found page.
'use strict';

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { startServer, launchBrowser, openPage, appReady, chooseLanguage } = require('./helpers');

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

async function state(page) {
  return page.evaluate(() => ({
    lang: document.documentElement.lang,
    h1: document.querySelector('main h1').textContent.trim(),
    title: document.title,
  }));
}

test('switching to Swedish and English changes the page and is remembered', async () => {
  const { page, context, assertClean } = await openPage(browser, server.base);
  await page.goto('/sign-in');
  await appReady(page);
  assert.deepEqual(await state(page), { lang: 'fi', h1: 'Kirjaudu sisään', title: 'Kirjaudu sisään – Etäkirjasto' });
  assert.equal(await page.getByRole('button', { name: 'Suomi', exact: true }).getAttribute('aria-pressed'), 'true');

  await chooseLanguage(page, 'Svenska');
  await page.waitForFunction(() => document.documentElement.lang === 'sv');
  assert.deepEqual(await state(page), { lang: 'sv', h1: 'Logga in', title: 'Logga in – Etäkirjasto' });
  assert.equal(await page.getByRole('button', { name: 'Svenska', exact: true }).getAttribute('aria-pressed'), 'true');
  assert.equal(await page.getByRole('button', { name: 'Suomi', exact: true }).getAttribute('aria-pressed'), 'false');

  await page.reload();
  await appReady(page);
  assert.deepEqual(await state(page), { lang: 'sv', h1: 'Logga in', title: 'Logga in – Etäkirjasto' });

  await chooseLanguage(page, 'English');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  assert.equal((await state(page)).h1, 'Sign in');
  await page.reload();
  await appReady(page);
  assert.deepEqual(await state(page), { lang: 'en', h1: 'Sign in', title: 'Sign in – Etäkirjasto' });
  assertClean();
  await context.close();
});

test('the home page names the library and shows its phone number as a tel: link', async () => {
  const { page, context, assertClean } = await openPage(browser, server.base);
  await page.goto('/');
  await appReady(page);
  assert.equal((await state(page)).h1, 'Kalajoen kaupunginkirjasto');
  assert.equal(await page.locator('.site-phone a').getAttribute('href'), 'tel:+358844691235');
  assert.equal((await page.locator('.site-phone a').textContent()).trim(), '084 469 1235');
  assert.equal(await page.locator('.big-phone a').getAttribute('href'), 'tel:+358844691235');
  await page.waitForSelector('.branch h3:has-text("Himangan kirjasto")');
  assert.match(await page.locator('main').textContent(), /Mitä etäkirjasto tarjoaa/);
  assertClean();
  await context.close();
});

test('deep links open the right page and unknown addresses get the not-found page', async () => {
  const { page, context, assertClean } = await openPage(browser, server.base);
  await page.goto('/register');
  await appReady(page);
  assert.equal((await state(page)).h1, 'Luo tili');

  await page.goto('/ei-tallaista-sivua');
  await appReady(page);
  assert.deepEqual(await state(page), { lang: 'fi', h1: 'Sivua ei löytynyt', title: 'Sivua ei löytynyt – Etäkirjasto' });
  // The header, and with it the phone number, is there on the not-found page too.
  assert.equal(await page.locator('.site-phone a[href^="tel:"]').count(), 1);
  await page.getByRole('link', { name: 'Etusivulle' }).click();
  await page.waitForURL(`${server.base}/`);
  assert.equal((await state(page)).h1, 'Kalajoen kaupunginkirjasto');
  assertClean();
  await context.close();
});

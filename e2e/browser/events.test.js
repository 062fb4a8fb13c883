// The event pages: the list with its filters kept in the address, an event's page with "add to my
// calendar", registering as a guest with the keyboard (mistakes named, focus on the summary), a
// patron registering for every coming time of the reading circle, and no axe violations in fi, sv
// and en.
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

const CIRCLE = 'Etälukupiiri';
const CLASS = 'Digitaidot: älypuhelimen perusteet';

test('the list filters by kind, keeps the filter in the address and opens an event', async () => {
  const { page, context, assertClean } = await openPage(browser, server.base);
  await page.goto('/');
  await appReady(page);
  await page.getByRole('link', { name: 'Tapahtumat' }).click();
  await page.waitForURL('**/events');
  await page.waitForSelector('.event-item');
  const titles = async () => page.locator('.event-item h3').allInnerTexts();
  assert.ok((await titles()).includes(CIRCLE), 'the reading circle is listed');
  assert.ok((await titles()).includes(CLASS));
  await page.getByLabel('Tapahtuman laji').selectOption('class');
  await page.getByRole('button', { name: 'Näytä' }).click();
  await page.waitForURL('**/events?category=class');
  await page.waitForFunction(() => [...document.querySelectorAll('.event-item h3')].every((h) => !h.textContent.includes('lukupiiri')));
  assert.deepEqual(await titles(), [CLASS]);
  // A reload keeps the filter, and shows it chosen.
  await page.reload();
  await appReady(page);
  await page.waitForSelector('.event-item');
  assert.deepEqual(await titles(), [CLASS]);
  assert.equal(await page.getByLabel('Tapahtuman laji').inputValue(), 'class');
  await page.getByRole('link', { name: CLASS }).click();
  await page.waitForFunction((t) => document.querySelector('main h1')?.textContent === t, CLASS);
  const calendar = await page.getByRole('link', { name: 'Lisää kalenteriin' }).getAttribute('href');
  assert.match(calendar, /^\/api\/v1\/events\/[^/]+\/calendar\.ics$/);
  const ics = await (await fetch(`${server.base}${calendar}`)).text();
  assert.match(ics, /BEGIN:VEVENT/);
  assertClean();
  await context.close();
});

test('a guest registers for the reading circle with the keyboard; a mistake is named first', async () => {
  const { page, context, assertClean } = await openPage(browser, server.base);
  page.expectStatus('/registrations', 422);
  await page.goto('/events');
  await appReady(page);
  await page.getByRole('link', { name: CIRCLE }).first().click();
  await page.waitForFunction((t) => document.querySelector('main h1')?.textContent === t, CIRCLE);
  // Without a name the server refuses; the summary takes focus and links to the field.
  await page.locator('main button[type="submit"]').focus();
  await page.keyboard.press('Enter');
  await page.waitForSelector('.error-summary:not([hidden])');
  await page.waitForFunction(() => document.activeElement?.classList.contains('error-summary'));
  assert.match(await page.locator('.error-summary:not([hidden])').innerText(), /Nimi/);
  await page.locator('#name').focus();
  await page.keyboard.type('Vieras Kuuntelija');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'email', 'Tab goes from the name to the email');
  await page.keyboard.type('kuuntelija@example.fi');
  await page.locator('main button[type="submit"]').focus();
  await page.keyboard.press('Enter');
  await page.waitForSelector('.confirmation');
  assert.match(await page.locator('.confirmation').innerText(), /Olet ilmoittautunut/);
  // The guest's own page, from the link on the confirmation (the token stays in the fragment).
  const manage = page.locator('.confirmation a', { hasText: 'Tallenna tämä linkki' });
  assert.match(await manage.getAttribute('href'), /^\/events\/[^/]+\/registrations\/[^/#]+#token=/);
  await manage.click();
  await page.waitForSelector('main dl');
  assert.match(await page.locator('main').innerText(), new RegExp(CIRCLE));
  const violations = await axeViolations(page);
  assert.equal(violations.length, 0, describeViolations(violations));
  await page.getByRole('button', { name: 'Peru ilmoittautuminen' }).focus();
  await page.keyboard.press('Enter');
  await page.waitForSelector('p.confirmation');
  await page.waitForFunction(() => document.querySelectorAll('main button').length === 0);
  assert.match(await page.locator('main dl').innerText(), /Ilmoittautuminen on peruttu/);
  assertClean();
  await context.close();
});

test('a guest who registers for the whole series gets a link to their page of each time', async () => {
  const { page, context, assertClean } = await openPage(browser, server.base);
  await page.goto('/events?category=reading_circle');
  await appReady(page);
  await page.getByRole('link', { name: CIRCLE }).first().click();
  await page.waitForSelector('#whole-series');
  await page.locator('#name').fill('Sarja Vieras');
  await page.locator('#email').fill('sarja.vieras@example.fi');
  await page.getByLabel('Ilmoittaudu kaikkiin tuleviin kertoihin').check();
  await page.locator('main button[type="submit"]').click();
  await page.waitForSelector('.confirmation');
  const links = page.locator('.confirmation .occurrence-links a');
  assert.equal(await links.count(), 6);
  assert.match(await links.first().innerText(), /^1\. kerta \(/);
  assert.match(await links.nth(1).getAttribute('href'), /^\/events\/[^/]+\/registrations\/[^/#]+#token=/);
  await links.nth(1).click();
  await page.waitForSelector('main dl');
  assert.match(await page.locator('main').innerText(), new RegExp(CIRCLE));
  assert.equal(await page.getByRole('button', { name: 'Peru ilmoittautuminen' }).count(), 1);
  assertClean();
  await context.close();
});

test('the month view shows the reading circle in its month and keeps the filters', async () => {
  const { page, context, assertClean } = await openPage(browser, server.base);
  await page.goto('/events?category=reading_circle');
  await appReady(page);
  await page.waitForSelector('.event-item');
  await page.getByRole('link', { name: 'Kuukausinäkymä' }).click();
  await page.waitForURL(/\/events\?category=reading_circle&month=\d{4}-\d{2}$/);
  await page.waitForSelector('.month-table caption');
  // The first reading circle is 9 days ahead: this month or the next.
  const circles = () => page.locator('.month-table a', { hasText: CIRCLE }).count();
  if ((await circles()) === 0) {
    await page.getByRole('link', { name: /Seuraava kuukausi/ }).click();
    await page.waitForSelector('.month-table a');
  }
  assert.equal(await circles(), 1, 'one reading circle a month');
  assert.equal(await page.locator('.month-table a', { hasText: CLASS }).count(), 0, 'the filter holds');
  assert.equal(await page.locator('.month-table thead th').count(), 7);
  // A reload keeps the month and the filter.
  const url = page.url();
  await page.reload();
  await appReady(page);
  await page.waitForSelector('.month-table a');
  assert.equal(page.url(), url);
  await page.locator('.month-table a', { hasText: CIRCLE }).focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction((t) => document.querySelector('main h1')?.textContent === t, CIRCLE);
  assertClean();
  await context.close();
});

test('the demo patron registers for every coming time of the reading circle', async () => {
  const { page, context, assertClean } = await openPage(browser, server.base);
  await signInWithPassword(page, DEMO.patron.email, DEMO.patron.password);
  await page.goto('/events?category=reading_circle');
  await appReady(page);
  await page.getByRole('link', { name: CIRCLE }).first().click();
  await page.waitForSelector('#whole-series');
  await page.getByLabel('Ilmoittaudu kaikkiin tuleviin kertoihin').check();
  await page.locator('main button[type="submit"]').click();
  await page.waitForSelector('.confirmation');
  assert.match(await page.locator('.confirmation').innerText(), /Ilmoittauduit 6 tulevaan kertaan/);
  // "My bookings" lists the six, and one is cancelled with the keyboard.
  await page.getByRole('link', { name: 'Omat varaukset' }).first().click();
  await page.waitForSelector('#my-registrations-heading');
  const items = page.locator('section[aria-labelledby="my-registrations-heading"] .booking-item');
  await items.first().waitFor();
  assert.equal(await items.count(), 6);
  const violations = await axeViolations(page);
  assert.equal(violations.length, 0, describeViolations(violations));
  await items.first().locator('button').focus();
  await page.keyboard.press('Enter');
  await page.waitForSelector('section[aria-labelledby="my-registrations-heading"] .confirmation');
  await page.waitForFunction(() => document.querySelectorAll('section[aria-labelledby="my-registrations-heading"] .booking-item').length === 5);
  assertClean();
  await context.close();
});

for (const [lang, events] of [['fi', 'Tapahtumat'], ['sv', 'Evenemang'], ['en', 'Events']]) {
  test(`axe finds no violations on the event list and an event's page in ${lang}`, async () => {
    const { page, context, assertClean } = await openPage(browser, server.base);
    await context.addInitScript((l) => localStorage.setItem('etakirjasto.lang', l), lang);
    const check = async (what) => {
      const violations = await axeViolations(page);
      assert.equal(violations.length, 0, `axe violations on ${what} (${lang}):\n${describeViolations(violations)}`);
    };
    await page.goto('/events');
    await appReady(page);
    await page.waitForSelector('.event-item');
    assert.equal(await page.locator('main h1').innerText(), events);
    await check('the list');
    await page.locator('.view-switch a').nth(1).click();
    await page.waitForSelector('.month-table caption');
    await check('the month view');
    await page.locator('.view-switch a').first().click();
    await page.waitForSelector('.event-item');
    await page.locator('.event-item h3 a').first().click();
    await page.waitForSelector('#register-heading');
    await check("an event's page");
    assertClean();
    await context.close();
  });
}

// Care-home programmes: a unit's contact person books a time for the group with the keyboard (a
// mistake named first), sees the request waiting; staff confirm it and the unit gets the video link;
// no axe violations on the offers, the booking form and the staff pages in fi, sv and en.
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

const OFFER = 'Muistojen tuokio';

test('the contact person books a time for the group with the keyboard; staff confirm it', async () => {
  const { page, context, assertClean } = await openPage(browser, server.base);
  page.expectStatus('/api/v1/programme-bookings', 422);
  await signInWithPassword(page, DEMO.careHome.email, DEMO.careHome.password);
  await page.goto('/programmes');
  await appReady(page);
  await page.waitForSelector('#our-bookings-heading');
  await page.waitForFunction(() => /Ei varauksia/.test(document.querySelector('main')?.innerText ?? ''));
  const offer = page.locator('article.programme', { has: page.getByRole('heading', { name: OFFER }) });
  await offer.getByRole('link', { name: 'Varaa aika ryhmällenne' }).click();
  await page.waitForURL('**/programmes?offer=*');
  await page.waitForSelector('#residents');
  // The first free time is chosen; sending without the number of residents names that field.
  assert.equal(await page.locator('input[name="programme-time"]:checked').count(), 1);
  await page.locator('#equipment').focus();
  await page.keyboard.type('Iso televisio ja kaiutin');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'onsite-name');
  await page.keyboard.type('Sari Lähihoitaja');
  await page.keyboard.press('Tab');
  await page.keyboard.type('0401112223');
  await page.locator('main button[type="submit"]').focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.classList.contains('error-summary'));
  assert.match(await page.locator('.error-summary:not([hidden])').innerText(), /Montako asukasta osallistuu/);
  await page.locator('#residents').focus();
  await page.keyboard.type('40');
  await page.locator('main button[type="submit"]').focus();
  await page.keyboard.press('Enter');
  // 40 is more than the programme suits (12): the server names the field.
  await page.waitForFunction(() => document.activeElement?.classList.contains('error-summary')
    && /Montako asukasta/.test(document.activeElement.innerText));
  await page.locator('#residents').fill('8');
  await page.locator('main button[type="submit"]').focus();
  await page.keyboard.press('Enter');
  await page.waitForSelector('.confirmation');
  assert.match(await page.locator('.confirmation').innerText(), /Pyyntö lähetetty/);
  await page.locator('.confirmation a').click();
  await page.waitForSelector('.booking-item');
  assert.match(await page.locator('.booking-item').first().innerText(), /Odottaa kirjaston vahvistusta/);
  assertClean();
  await context.close();

  // Staff find it from the dashboard and confirm it.
  const staff = await openPage(browser, server.base);
  await signInWithPassword(staff.page, DEMO.staff.email, DEMO.staff.password);
  await staff.page.goto('/staff');
  await appReady(staff.page);
  await staff.page.getByRole('link', { name: 'Hoivakotien ohjelmavaraukset' }).click();
  await staff.page.waitForURL('**/staff/programmes');
  await staff.page.waitForSelector('.booking-item');
  await staff.page.locator('.booking-item a').first().click();
  await staff.page.waitForURL('**/staff/programmes?booking=*');
  await staff.page.waitForSelector('#confirm-message');
  assert.match(await staff.page.locator('main').innerText(), /Iso televisio ja kaiutin/);
  await staff.page.locator('#confirm-message').fill('Tervetuloa!');
  await staff.page.getByRole('button', { name: 'Vahvista aika' }).click();
  await staff.page.waitForSelector('p.confirmation');
  await staff.page.waitForFunction(() => /Vahvistettu/.test(document.querySelector('main dl')?.innerText ?? ''));
  assert.equal(await staff.page.getByRole('link', { name: 'Avaa videoyhteys' }).count(), 1);
  staff.assertClean();
  await staff.context.close();

  // The unit now sees the link and the library's message.
  const unit = await openPage(browser, server.base);
  await signInWithPassword(unit.page, DEMO.careHome.email, DEMO.careHome.password);
  await unit.page.goto('/programmes');
  await appReady(unit.page);
  await unit.page.waitForSelector('.booking-item');
  const item = await unit.page.locator('.booking-item').first().innerText();
  assert.match(item, /Vahvistettu/);
  assert.match(item, /Tervetuloa!/);
  assert.equal(await unit.page.getByRole('link', { name: 'Avaa videoyhteys' }).count(), 1);
  unit.assertClean();
  await unit.context.close();
});

test('axe finds no violations on the programme pages in fi, sv and en', async () => {
  const check = async (page, what, lang) => {
    const violations = await axeViolations(page);
    assert.equal(violations.length, 0, `axe violations on ${what} (${lang}):\n${describeViolations(violations)}`);
  };
  const languages = [['fi', 'Etäohjelmat hoivakodeille'], ['sv', 'Distansprogram för vårdhem'], ['en', 'Remote programmes for care homes']];
  // Signed out: the offers.
  for (const [lang, title] of languages) {
    const { page, context, assertClean } = await openPage(browser, server.base);
    await context.addInitScript((l) => localStorage.setItem('etakirjasto.lang', l), lang);
    await page.goto('/programmes');
    await appReady(page);
    await page.waitForSelector('article.programme');
    assert.equal(await page.locator('main h1').innerText(), title);
    await check(page, 'the offers', lang);
    assertClean();
    await context.close();
  }
  // The contact person: the list with bookings and the booking form.
  const unit = await openPage(browser, server.base);
  await signInWithPassword(unit.page, DEMO.careHome.email, DEMO.careHome.password);
  for (const [lang] of languages) {
    await unit.page.evaluate((l) => localStorage.setItem('etakirjasto.lang', l), lang);
    await unit.page.goto('/programmes');
    await appReady(unit.page);
    await unit.page.waitForSelector('#our-bookings-heading');
    await unit.page.waitForSelector('article.programme');
    await check(unit.page, 'the unit\'s page', lang);
    await unit.page.locator('article.programme a.button').first().click();
    await unit.page.waitForSelector('#residents');
    await check(unit.page, 'the booking form', lang);
  }
  unit.assertClean();
  await unit.context.close();
  // Staff: the list and one booking.
  const staff = await openPage(browser, server.base);
  await signInWithPassword(staff.page, DEMO.staff.email, DEMO.staff.password);
  for (const [lang] of languages) {
    await staff.page.evaluate((l) => localStorage.setItem('etakirjasto.lang', l), lang);
    await staff.page.goto('/staff/programmes');
    await appReady(staff.page);
    await staff.page.waitForSelector('.booking-item');
    await check(staff.page, 'the staff list', lang);
    await staff.page.locator('.booking-item a').first().click();
    await staff.page.waitForSelector('main dl');
    await check(staff.page, 'a booking for staff', lang);
  }
  staff.assertClean();
  await staff.context.close();
});

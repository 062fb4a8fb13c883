// Messages: a patron chooses text messages in Swedish on "My page" with the keyboard and the choice
// stays; staff find the patron's confirmation on the messages page, read it and send it again; a
// library's own wording is previewed (a wrong placeholder named at its field), saved and reset; no axe
// violations on the messages page and "My page" in fi, sv and en.
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

/** Calls the API as JSON; returns `{ status, body }`. */
async function api(path, { method = 'GET', token, body } = {}) {
  const headers = { Accept: 'application/json' };
  if (body) headers['Content-Type'] = 'application/json';
  if (token) headers.Authorization = `Bearer ${token}`;
  const res = await fetch(`${server.base}/api/v1${path}`, { method, headers, body: body && JSON.stringify(body) });
  return { status: res.status, body: await res.json() };
}

/** The demo patron books the first free practice call; returns the booking. */
async function patronBooks() {
  const login = await api('/auth/login', { method: 'POST', body: { email: DEMO.patron.email, password: DEMO.patron.password } });
  assert.equal(login.status, 200);
  const services = await api('/services?library=kalajoki');
  const practice = services.body.items.find((s) => s.name.en === 'Practice call');
  const slots = await api(`/services/${practice.id}/slots`);
  const booked = await api('/bookings', {
    method: 'POST',
    token: login.body.access_token,
    body: { service_id: practice.id, start: slots.body.slots[0].start, mode: 'video' },
  });
  assert.equal(booked.status, 201, JSON.stringify(booked.body));
  return booked.body;
}

test('a patron chooses text messages in Swedish; staff find the confirmation and send it again', async () => {
  const { page, context, assertClean } = await openPage(browser, server.base);
  await signInWithPassword(page, DEMO.patron.email, DEMO.patron.password);
  await page.waitForSelector('#message-choice-heading');
  // The saved choice is shown (and the form can be saved) once it has loaded.
  await page.waitForSelector('.message-choice button[type="submit"]:not([disabled])');
  await page.waitForFunction(() => document.querySelector('#message-channel-email')?.checked);
  await page.locator('#message-channel-sms').focus();
  await page.keyboard.press('Space');
  assert.equal(await page.locator('#message-channel-sms').isChecked(), true);
  await page.locator('#message-language').selectOption('sv');
  await page.locator('.message-choice button[type="submit"]').focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('.message-choice .save-status')?.textContent === 'Tallennettu.');
  await page.reload();
  await appReady(page);
  await page.waitForFunction(() => document.querySelector('#message-channel-sms')?.checked);
  assert.equal(await page.locator('#message-language').inputValue(), 'sv');
  assertClean();
  await context.close();

  const booking = await patronBooks();
  const staff = await openPage(browser, server.base);
  await signInWithPassword(staff.page, DEMO.staff.email, DEMO.staff.password);
  await staff.page.goto('/staff');
  await appReady(staff.page);
  await staff.page.getByRole('link', { name: 'Viestit', exact: true }).click();
  await staff.page.waitForURL('**/staff/messages');
  await staff.page.locator('#message-recipient').fill('maija@');
  await staff.page.locator('#message-recipient').press('Enter');
  // The list is read again for the filter: wait until it holds only Maija's messages.
  await staff.page.waitForFunction(() => {
    const items = [...document.querySelectorAll('.message-item')];
    return items.length > 0 && items.every((i) => /Maija/.test(i.querySelector('dl.details dd:nth-of-type(2)')?.textContent ?? ''));
  });
  const item = staff.page.locator('.message-item', { has: staff.page.getByRole('heading', { name: /Din tid är bokad/ }) });
  await item.first().waitFor();
  const text = await item.first().innerText();
  assert.match(text, /Varausvahvistus/);
  assert.match(text, /Maija/);
  await item.first().locator('summary').click();
  // The text is in the item whether the list has been drawn again since (closing it) or not.
  assert.match(await item.first().locator('.message-body').textContent(), new RegExp(booking.meeting_url.replace(/[.]/g, '\\.')));
  const before = await staff.page.locator('.message-item').count();
  await item.first().getByRole('button', { name: 'Lähetä uudelleen' }).click();
  await staff.page.waitForFunction(() => document.querySelector('.resend-status')?.textContent === 'Viesti lähetetään uudelleen.');
  // The copy is in the list too, still waiting or already sent.
  await staff.page.waitForFunction((n) => document.querySelectorAll('.message-item').length > n, before);
  staff.assertClean();
  await staff.context.close();
});

test('a library\'s wording is previewed, a wrong placeholder is named at its field, saved and reset', async () => {
  const { page, context, allow, assertClean } = await openPage(browser, server.base);
  allow('/preview', 422);
  await signInWithPassword(page, DEMO.staff.email, DEMO.staff.password);
  await page.goto('/staff/messages');
  await appReady(page);
  await page.waitForFunction(() => document.querySelector('#template-subject')?.value === 'Aikasi on varattu: {what}');
  assert.equal(await page.locator('.template-origin').innerText(), 'Oletussanamuoto');
  await page.locator('#template-body').fill('Hei {etunimi}, tervetuloa.');
  await page.getByRole('button', { name: 'Esikatsele' }).click();
  await page.waitForFunction(() => document.activeElement?.classList.contains('error-summary'));
  assert.match(await page.locator('.error-summary:not([hidden])').innerText(), /Teksti: /);
  assert.equal(await page.locator('#template-body').getAttribute('aria-invalid'), 'true');
  await page.locator('#template-body').fill('Hei {name}, tervetuloa: {what} {when}.');
  await page.getByRole('button', { name: 'Esikatsele' }).click();
  await page.waitForSelector('.message-preview');
  assert.match(await page.locator('.message-preview').innerText(), /Hei Maija, tervetuloa: Lukuneuvonta tiistaina 1\.12\.2026 klo 13\.00\./);
  await page.locator('#template-subject').focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('.wording .save-status')?.textContent === 'Tallennettu.');
  await page.waitForFunction(() => document.querySelector('.template-origin')?.textContent === 'Kirjaston oma sanamuoto');
  // Another language has its own wording, still the built-in one.
  await page.locator('#template-language').selectOption('sv');
  await page.waitForFunction(() => document.querySelector('#template-subject')?.value === 'Din tid är bokad: {what}');
  await page.locator('#template-language').selectOption('fi');
  await page.waitForFunction(() => document.querySelector('#template-body')?.value.startsWith('Hei {name}, tervetuloa'));
  await page.getByRole('button', { name: 'Palauta oletussanamuoto' }).click();
  await page.waitForFunction(() => document.querySelector('.template-origin')?.textContent === 'Oletussanamuoto');
  assert.match(await page.locator('#template-body').inputValue(), /^Hei \{name\},\n\nsinulle on varattu/);
  assertClean();
  await context.close();
});

test('axe finds no violations on the messages page and "My page" in fi, sv and en', async () => {
  const check = async (page, what, lang) => {
    const violations = await axeViolations(page);
    assert.equal(violations.length, 0, `axe violations on ${what} (${lang}):\n${describeViolations(violations)}`);
  };
  const staff = await openPage(browser, server.base);
  await signInWithPassword(staff.page, DEMO.staff.email, DEMO.staff.password);
  for (const [lang, title] of [['fi', 'Viestit'], ['sv', 'Meddelanden'], ['en', 'Messages']]) {
    await staff.page.evaluate((l) => localStorage.setItem('etakirjasto.lang', l), lang);
    await staff.page.goto('/staff/messages');
    await appReady(staff.page);
    assert.equal(await staff.page.locator('main h1').innerText(), title);
    await staff.page.waitForSelector('.message-list');
    await staff.page.waitForFunction(() => document.querySelector('#template-subject')?.value);
    await check(staff.page, 'the messages page', lang);
  }
  staff.assertClean();
  await staff.context.close();
  const patron = await openPage(browser, server.base);
  await signInWithPassword(patron.page, DEMO.patron.email, DEMO.patron.password);
  for (const lang of ['fi', 'sv', 'en']) {
    await patron.page.evaluate((l) => localStorage.setItem('etakirjasto.lang', l), lang);
    await patron.page.goto('/me');
    await appReady(patron.page);
    await patron.page.waitForSelector('#message-choice-heading');
    await check(patron.page, 'my page', lang);
  }
  patron.assertClean();
  await patron.context.close();
});

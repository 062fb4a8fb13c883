// The staff dashboard's calendar: a session a patron booked is found in the day and week views for
// a typed date, with the number to call and the video link; marking it held with a note reaches the
// API; staff book for a patron with the keyboard alone and find the booking in the calendar; a
// missing agreement is explained at its field; staff move and cancel sessions; no axe violations
// in fi/sv/en; no sideways scrolling at 320 px.
'use strict';

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const {
  DEMO, startServer, launchBrowser, openPage, appReady, signInWithPassword, axeViolations,
  describeViolations, freshCode,
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

/** Signs in through the API (staff and admins with the demo key's code); returns the access token. */
async function token(who) {
  const credentials = { email: DEMO[who].email, password: DEMO[who].password };
  if (who !== 'patron') credentials.one_time_code = await freshCode(server.base, DEMO[who].email);
  const { status, body } = await api('/auth/login', { method: 'POST', body: credentials });
  assert.equal(status, 200, JSON.stringify(body));
  return body.access_token;
}

/** The service whose English name is `name`. */
async function service(name) {
  const { body } = await api('/services?library=kalajoki');
  return body.items.find((s) => s.name.en === name);
}

/** The free times of a service in the next two weeks. */
async function freeTimes(serviceId) {
  const from = encodeURIComponent(new Date().toISOString());
  const to = encodeURIComponent(new Date(Date.now() + 14 * 864e5).toISOString());
  const { body } = await api(`/services/${serviceId}/slots?from=${from}&to=${to}`);
  return body.slots;
}

/** The demo patron books `serviceName` by `mode` at its `index`th free time; returns the booking. */
async function patronBooks(serviceName, mode, index = 0) {
  const s = await service(serviceName);
  const slots = await freeTimes(s.id);
  const { status, body } = await api('/bookings', {
    method: 'POST',
    token: await token('patron'),
    body: {
      service_id: s.id, start: slots[index].start, mode, accept_ground_rules: true,
      answers: ['Dekkarit ja elämäkerrat.'].slice(0, s.questions.length),
    },
  });
  assert.equal(status, 201, JSON.stringify(body));
  return body;
}

/** The `D.M.YYYY` and `YYYY-MM-DD` forms of a booking's local date. */
function dates(booking) {
  const iso = booking.start.slice(0, 10);
  const [y, m, d] = iso.split('-').map(Number);
  return { iso, finnish: `${d}.${m}.${y}` };
}

/** Signs in as the demo staff member and opens the dashboard from the navigation. */
async function openDashboard(page) {
  await signInWithPassword(page, DEMO.staff.email, DEMO.staff.password);
  await page.locator('nav a[href="/staff"]').click();
  await page.waitForURL('**/staff');
  await page.waitForSelector('.calendar-day');
}

/** Types a date into the calendar's date box, chooses the view and whose, and shows them. */
async function show(page, date, view, who) {
  const box = page.locator('#date');
  await box.fill('');
  await box.focus();
  await page.keyboard.type(date);
  await page.getByLabel(view, { exact: true }).check();
  await page.getByLabel(who, { exact: true }).check();
  await page.getByRole('button', { name: 'Näytä ajat' }).click();
}

/** The session entry of a booking in the calendar. */
function entry(page, booking) {
  return page.locator('.session', { has: page.locator(`[id="session-${booking.id}"]`) });
}

test('staff find a phone session in the day and week views, mark it held with a note, and the API has it', async () => {
  const phone = await patronBooks('Reading guidance', 'phone');
  const { page, context, assertClean } = await openPage(browser, server.base);
  await openDashboard(page);
  // The default is the staff member's own sessions of today.
  assert.equal(await page.getByLabel('Omat ajat', { exact: true }).isChecked(), true);
  assert.equal(await page.getByLabel('Yksi päivä', { exact: true }).isChecked(), true);
  const staffMe = (await api('/me', { token: await token('staff') })).body;
  const who = phone.staff_id === staffMe.id ? 'Omat ajat' : 'Koko tiimi';
  const { iso, finnish } = dates(phone);

  await show(page, finnish, 'Yksi päivä', who);
  const day = page.locator(`.calendar-day[data-date="${iso}"]`);
  await day.waitFor();
  assert.equal(await page.locator('.calendar-day').count(), 1);
  assert.match(await day.locator('h3').textContent(), /^(maanantai|tiistai|keskiviikko|torstai|perjantai) \d{1,2}\. [a-zä]+kuuta$/);
  const session = entry(page, phone);
  await session.waitFor();
  const text = await session.textContent();
  assert.match(text, /Lukuneuvonta/);
  assert.match(text, /Puhelu/);
  assert.match(text, new RegExp(DEMO.patron.name));
  assert.match(text, /Varattu/);
  assert.match(text, /Kirjastonhoitaja soittaa asiakkaalle\./);
  // The time is the library's, as the API wrote it.
  const [, hh, mm] = /T(\d{2}):(\d{2})/.exec(phone.start);
  assert.match(await session.locator('h4').textContent(), new RegExp(`^klo ${Number(hh)}\\.${mm}–`));
  const call = session.locator('a.call-link');
  assert.equal(await call.getAttribute('href'), 'tel:+358401234567');
  assert.equal((await call.textContent()).trim(), 'Soita 040 123 4567');

  // The week view of another day of the same week shows the session under its own day.
  const other = new Date(`${iso}T12:00:00Z`);
  other.setUTCDate(other.getUTCDate() + (other.getUTCDay() === 1 ? 1 : -1));
  await show(page, other.toISOString().slice(0, 10), 'Koko viikko', who);
  await page.waitForFunction(() => document.querySelectorAll('.calendar-day').length === 7);
  await entry(page, phone).waitFor();
  assert.equal(await page.locator(`.calendar-day[data-date="${iso}"] [id="session-${phone.id}"]`).count(), 1);
  assert.match(await page.locator('.calendar-range').textContent(), /^viikko \d+: /);
  assert.ok(await page.locator('.no-sessions').count() >= 1, 'days without sessions say so');
  assert.match(await page.locator('.no-sessions').first().textContent(), /Ei varattuja aikoja\./);
  assert.match(new URL(page.url()).search, /view=week/);

  // Contact details, answers and the note are behind a disclosure.
  const held = entry(page, phone);
  await held.locator('summary').click();
  assert.match(await held.locator('details').textContent(), /maija@example\.fi[\s\S]*Dekkarit ja elämäkerrat\./);
  await held.locator('textarea').fill('Suositeltu Agatha Christietä.');
  await held.getByRole('button', { name: 'Merkitse pidetyksi' }).click();
  await held.locator('[role="status"]:has-text("Aika on merkitty pidetyksi.")').waitFor();
  assert.equal((await held.locator('.session-status').textContent()).trim(), 'Pidetty');
  assert.equal(await held.locator('.mark-held').count(), 0, 'no outcome buttons once held');

  const stored = await api(`/bookings/${phone.id}`, { token: await token('staff') });
  assert.equal(stored.body.status, 'held');
  assert.equal(stored.body.internal_note, 'Suositeltu Agatha Christietä.');

  // A later change of the note alone is saved too.
  await held.locator('textarea').fill('Suositeltu Agatha Christietä ja Tove Janssonia.');
  await held.getByRole('button', { name: 'Tallenna muistiinpano' }).click();
  await held.locator('[role="status"]:has-text("Muistiinpano on tallennettu.")').waitFor();
  const again = await api(`/bookings/${phone.id}`, { token: await token('staff') });
  assert.equal(again.body.internal_note, 'Suositeltu Agatha Christietä ja Tove Janssonia.');
  assertClean();
  await context.close();
});

test('a video session offers the meeting room in a new tab, and a wrong date is explained at the field', async () => {
  const video = await patronBooks('Practice call', 'video');
  const { page, context, assertClean } = await openPage(browser, server.base);
  await openDashboard(page);
  await show(page, 'huomenna', 'Yksi päivä', 'Koko tiimi');
  await page.waitForSelector('.error-summary:not([hidden])');
  assert.match(await page.locator('.error-summary:not([hidden])').textContent(), /Päivämäärä: Tarkista muoto\./);
  assert.equal(await page.locator('#date').getAttribute('aria-invalid'), 'true');

  await show(page, dates(video).iso, 'Yksi päivä', 'Koko tiimi');
  const link = entry(page, video).locator('a.video-link');
  await link.waitFor();
  assert.equal(await link.getAttribute('href'), video.meeting_url);
  assert.equal(await link.getAttribute('target'), '_blank');
  assert.equal((await link.textContent()).trim(), 'Aloita videopuhelu (avautuu uuteen välilehteen)');
  assert.equal(await page.locator('.error-summary:not([hidden])').count(), 0);

  // Previous and next move a day at a time, and the address keeps the place.
  await page.getByRole('link', { name: 'Seuraava päivä' }).click();
  await page.waitForFunction((id) => !document.getElementById(`session-${id}`), video.id);
  await page.getByRole('link', { name: 'Edellinen päivä' }).click();
  await entry(page, video).waitFor();
  await page.reload();
  await appReady(page);
  await entry(page, video).waitFor();
  assertClean();
  await context.close();
});

/** Chooses a radio with the keyboard: focus, then Space. */
async function chooseRadio(page, locator) {
  await locator.focus();
  await page.keyboard.press('Space');
  assert.equal(await locator.isChecked(), true);
}

/** Presses Enter on the form's submit button, reached by focus. */
async function continueWithKeyboard(page) {
  await page.locator('main button[type="submit"]').focus();
  await page.keyboard.press('Enter');
}

/** Waits for the `<h1>` (or legend heading) saying `title`. */
async function atStep(page, title) {
  await page.waitForFunction((t) => {
    const h1 = document.querySelector('main h1');
    return h1 && h1.textContent.trim() === t;
  }, title);
}

/** Staff go through the booking for a patron up to the details step, with the keyboard. */
async function bookForPatronUpToDetails(page) {
  const start = page.getByRole('link', { name: 'Varaa aika asiakkaalle' });
  await start.focus();
  await page.keyboard.press('Enter');
  await page.waitForURL('**/book?**for=patron**');
  await page.waitForSelector('input[name="service"]');
  await chooseRadio(page, page.getByLabel('Lukuneuvonta'));
  await continueWithKeyboard(page);
  await atStep(page, 'Miten haluat asioida?');
  await chooseRadio(page, page.getByLabel('Puhelu', { exact: true }));
  await continueWithKeyboard(page);
  await atStep(page, 'Valitse päivä ja aika');
  const day = page.locator('.day-link').last();
  await day.focus();
  await page.keyboard.press('Enter');
  await page.waitForSelector('input[name="start"]');
  await chooseRadio(page, page.locator('input[name="start"]').last());
  await continueWithKeyboard(page);
  await atStep(page, 'Yhteystiedot');
}

test('staff book for a patron who phoned, with the keyboard alone, and find the booking in the calendar', async () => {
  const { page, context, assertClean } = await openPage(browser, server.base);
  await openDashboard(page);
  await bookForPatronUpToDetails(page);
  assert.match(await page.locator('main').textContent(), /Asiakas ei tarvitse tiliä\./);
  await page.locator('#name').focus();
  await page.keyboard.type('Puhelin Pirjo');
  await page.keyboard.press('Tab');
  await page.keyboard.type('pirjo@example.fi');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'phone');
  await page.keyboard.type('040 765 4321');
  await chooseRadio(page, page.getByLabel('Svenska'));
  await page.locator('#answer-0').focus();
  await page.keyboard.type('Kotimaisia romaaneja.');
  await page.locator('#patron_consent').focus();
  await page.keyboard.press('Space');
  assert.equal(await page.locator('#patron_consent').isChecked(), true);
  await continueWithKeyboard(page);

  await atStep(page, 'Tarkista varauksen tiedot');
  const summary = await page.locator('.summary-list').textContent();
  assert.match(summary, /Puhelin Pirjo/);
  assert.match(summary, /pirjo@example\.fi/);
  assert.match(summary, /Asiakas suostui varaukseen ja tietojensa tallentamiseen\./);
  await page.getByRole('button', { name: 'Vahvista varaus' }).focus();
  await page.keyboard.press('Enter');

  await atStep(page, 'Varaus on tehty');
  await page.waitForSelector('.keep-link');
  assert.match(await page.locator('.keep-link').textContent(), /Kerro asiakkaalle tämä linkki\./);
  const manage = await page.locator('.manage-link .url').textContent();
  assert.match(manage, /^http:\/\/127\.0\.0\.1:\d+\/bookings\/[^/#]+#token=.+/);
  const id = /\/bookings\/([^/#]+)#/.exec(manage)[1];
  const booked = (await api(`/bookings/${id}`, { token: await token('staff') })).body;
  assert.equal(booked.booked_by_staff, true);
  assert.equal(booked.contact_name, 'Puhelin Pirjo');
  assert.equal(booked.contact_phone, '+358407654321');

  const back = page.getByRole('link', { name: 'Takaisin henkilökunnan sivulle' });
  await back.focus();
  await page.keyboard.press('Enter');
  await page.waitForURL('**/staff');
  await page.waitForSelector('.calendar-day');
  await page.locator('#date').focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.type(dates(booked).finnish);
  await chooseRadio(page, page.getByLabel('Koko tiimi', { exact: true }));
  await continueWithKeyboard(page);
  const found = entry(page, booked);
  await found.waitFor();
  assert.match(await found.textContent(), /Puhelin Pirjo[\s\S]*Henkilökunta varasi asiakkaan puolesta\./);
  assert.equal(await found.locator('a.call-link').getAttribute('href'), 'tel:+358407654321');
  assertClean();
  await context.close();
});

test('booking for a patron without their agreement is explained at the checkbox', async () => {
  const { page, context, assertClean } = await openPage(browser, server.base);
  await openDashboard(page);
  await bookForPatronUpToDetails(page);
  await page.locator('#name').fill('Unohtunut Urho');
  await page.locator('#phone').fill('040 111 2222');
  await continueWithKeyboard(page);
  await page.waitForSelector('.error-summary:not([hidden])');
  await page.waitForFunction(() => document.activeElement && document.activeElement.classList.contains('error-summary'));
  assert.match(await page.locator('.error-summary:not([hidden])').textContent(), /Asiakkaan suostumus: Tämä tieto puuttuu\./);
  assert.match(await page.locator('#patron_consent-error').textContent(), /Tämä tieto puuttuu\./);
  assert.equal(await page.locator('#patron_consent').getAttribute('aria-invalid'), 'true');
  // The summary's link takes the keyboard to the checkbox.
  await page.locator('.error-summary a').last().click();
  assert.equal(await page.evaluate(() => document.activeElement.id), 'patron_consent');
  assertClean();
  await context.close();
});

test('staff move a session to another time and cancel another one', async () => {
  const first = await patronBooks('Reading guidance', 'video', 2);
  const second = await patronBooks('Reading guidance', 'video', 3);
  const { page, context, assertClean } = await openPage(browser, server.base);
  await openDashboard(page);
  await show(page, dates(first).iso, 'Koko viikko', 'Koko tiimi');
  const moving = entry(page, first);
  await moving.getByRole('link', { name: 'Vaihda aika' }).click();
  await page.waitForURL('**/reschedule?by=staff');
  await atStep(page, 'Valitse uusi aika');
  await page.locator('.day-link').last().click();
  const choice = page.locator('input[name="start"]').first();
  await choice.check();
  const newStart = await choice.inputValue();
  await page.getByRole('button', { name: 'Vaihda tähän aikaan' }).click();
  await page.waitForURL(`**/staff?view=day&date=${newStart.slice(0, 10)}**`);
  const moved = page.locator('.session', { has: page.locator(`[id="session-${first.id}"]`) });
  await moved.locator('.moved-notice').waitFor();
  assert.match(await moved.locator('[role="status"]').textContent(), /Aika on vaihdettu\. Uusi aika:/);
  assert.equal((await api(`/bookings/${first.id}`, { token: await token('staff') })).body.start, newStart);

  await show(page, dates(second).iso, 'Yksi päivä', 'Koko tiimi');
  const cancelling = entry(page, second);
  await cancelling.locator('.cancel-booking').click();
  await cancelling.locator('.confirm-cancel-yes').click();
  await cancelling.locator('[role="status"]:has-text("Varaus on peruttu.")').waitFor();
  assert.equal((await cancelling.locator('.session-status').textContent()).trim(), 'Peruttu');
  assert.equal((await api(`/bookings/${second.id}`, { token: await token('staff') })).body.status, 'cancelled');
  assertClean();
  await context.close();
});

for (const [lang, day, week, team, change] of [
  ['fi', 'Yksi päivä', 'Koko viikko', 'Koko tiimi', 'Vaihda aika'],
  ['sv', 'En dag', 'Hela veckan', 'Hela teamet', 'Byt tid'],
  ['en', 'One day', 'The whole week', 'Whole team', 'Change the time'],
]) {
  test(`axe finds no violations on the dashboard's day and week views and on choosing a new time in ${lang}`, async () => {
    const booking = await patronBooks('Help with e-services', 'in_person');
    const { page, context, assertClean } = await openPage(browser, server.base);
    await context.addInitScript((l) => localStorage.setItem('etakirjasto.lang', l), lang);
    const check = async (what) => {
      const violations = await axeViolations(page);
      assert.equal(violations.length, 0, `axe violations on ${what} (${lang}):\n${describeViolations(violations)}`);
    };
    await signInWithPassword(page, DEMO.staff.email, DEMO.staff.password);
    await page.goto(`/staff?view=day&date=${dates(booking).iso}&who=team`);
    await appReady(page);
    assert.equal(await page.evaluate(() => document.documentElement.lang), lang);
    const session = entry(page, booking);
    await session.waitFor();
    assert.equal(await page.getByLabel(day, { exact: true }).isChecked(), true);
    await check('the day view');
    await session.locator('summary').click();
    await session.locator('.cancel-booking').click();
    await session.locator('.confirm-cancel-yes').waitFor();
    await check('the day view with details open and a cancel question');
    await page.getByLabel(week, { exact: true }).check();
    await page.getByLabel(team, { exact: true }).check();
    await page.locator('.calendar-form button[type="submit"]').click();
    await page.waitForFunction(() => document.querySelectorAll('.calendar-day').length === 7);
    await check('the week view');
    await page.locator('#date').fill('32.13.2026');
    await page.locator('.calendar-form button[type="submit"]').click();
    await page.waitForSelector('.error-summary:not([hidden])');
    await check('the week view with a date error');

    await entry(page, booking).getByRole('link', { name: change }).click();
    await page.waitForSelector('.day-link');
    await check('choosing a new time');
    await page.locator('.day-link').first().click();
    await page.waitForSelector('input[name="start"]');
    await check('choosing a new time with a day');
    await page.locator('main button[type="submit"]').click();
    await page.waitForSelector('#start-error');
    await check('choosing a new time without a time');
    assertClean();
    await context.close();
  });
}

test('the dashboard does not scroll sideways at 320 px with the largest text', async () => {
  const booking = await patronBooks('Practice call', 'video', 1);
  const { page, context, assertClean } = await openPage(browser, server.base, { viewport: { width: 320, height: 640 } });
  await context.addInitScript(() => localStorage.setItem('etakirjasto.text-size', 'largest'));
  await signInWithPassword(page, DEMO.staff.email, DEMO.staff.password);
  await page.goto(`/staff?view=week&date=${dates(booking).iso}&who=team`);
  await appReady(page);
  const session = entry(page, booking);
  await session.waitFor();
  await session.locator('summary').click();
  await session.locator('.cancel-booking').click();
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  const wide = await page.evaluate(() => [...document.querySelectorAll('main *')]
    .filter((e) => e.getBoundingClientRect().right > 320)
    .map((e) => `${e.tagName.toLowerCase()}.${e.className}: ${e.textContent.slice(0, 40)}`));
  assert.ok(width <= 320, `the dashboard is ${width} px wide at 320 px with the largest text:\n${wide.join('\n')}`);
  assertClean();
  await context.close();
});

// Booking a one-to-one session: a guest books the practice call with the keyboard alone and cancels
// it from the manage link; the demo patron books reading guidance by phone and cancels it on "My
// bookings"; missing choices and unaccepted rules are explained; every step passes axe in every
// language; the time list does not scroll sideways at 320 px. Changing a booking's time: the patron
// on "My bookings", a guest from the manage link, and a time taken meanwhile.
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

/** The step headings, in Finnish. */
const TITLES = {
  service: 'Millaista apua tarvitset?',
  mode: 'Miten haluat asioida?',
  time: 'Valitse päivä ja aika',
  details: 'Yhteystiedot',
  check: 'Tarkista varauksen tiedot',
  done: 'Varaus on tehty',
};

/** Waits for the step whose `<h1>` says `title` and checks that focus moved to it. */
async function atStep(page, title, { focused = true } = {}) {
  await page.waitForFunction((t) => {
    const h1 = document.querySelector('main h1');
    return h1 && h1.textContent.trim() === t;
  }, title);
  if (focused) {
    await page.waitForFunction(() => document.activeElement && document.activeElement.tagName === 'H1');
  }
}

/** Presses Enter on the form's Continue button, reached by focus as a keyboard user would. */
async function continueWithKeyboard(page) {
  await page.locator('main button[type="submit"]').focus();
  await page.keyboard.press('Enter');
}

/** Chooses a radio with the keyboard: focus, then Space. */
async function chooseRadio(page, locator) {
  await locator.focus();
  await page.keyboard.press('Space');
  assert.equal(await locator.isChecked(), true);
}

/** On the time step: the first listed day, then its first time. */
async function chooseFirstTime(page) {
  const day = page.locator('.day-link').first();
  await day.waitFor();
  await day.focus();
  await page.keyboard.press('Enter');
  await page.waitForSelector('input[name="start"]');
  await chooseRadio(page, page.locator('input[name="start"]').first());
}

test('a guest books the practice call with the keyboard and cancels it from the manage link', async () => {
  const { page, context, assertClean } = await openPage(browser, server.base);
  await page.goto('/');
  await appReady(page);
  const start = page.getByRole('link', { name: 'Varaa aika' });
  await start.focus();
  await page.keyboard.press('Enter');
  await page.waitForURL('**/book');
  await page.waitForSelector('input[name="service"]');
  assert.match(await page.title(), /^Millaista apua tarvitset\? – Etäkirjasto$/);

  await chooseRadio(page, page.getByLabel('Harjoituspuhelu'));
  await continueWithKeyboard(page);
  await atStep(page, TITLES.mode);
  // The practice call is by video only, so that is already chosen.
  assert.equal(await page.getByLabel('Videopuhelu').isChecked(), true);
  await continueWithKeyboard(page);

  await atStep(page, TITLES.time);
  const dayText = (await page.locator('.day-link').first().textContent()).trim();
  assert.match(dayText, /^(maanantai|tiistai|keskiviikko|torstai|perjantai|lauantai|sunnuntai) \d{1,2}\. [a-zä]+kuuta$/);
  await chooseFirstTime(page);
  assert.match(await page.locator('label[for="start"]').textContent(), /^klo \d{1,2}\.\d{2}–\d{1,2}\.\d{2}$/);
  await continueWithKeyboard(page);

  await atStep(page, TITLES.details);
  assert.equal(await page.locator('#name').getAttribute('autocomplete'), 'name');
  assert.equal(await page.locator('#email').getAttribute('autocomplete'), 'email');
  await page.locator('#name').focus();
  await page.keyboard.type('Vieras Varaaja');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'email');
  await page.keyboard.type('vieras@example.fi');
  await continueWithKeyboard(page);

  await atStep(page, TITLES.check);
  const summary = await page.locator('.summary-list').textContent();
  assert.match(summary, /Harjoituspuhelu/);
  assert.match(summary, /Videopuhelu/);
  assert.match(summary, /Vieras Varaaja/);
  assert.match(summary, /vieras@example\.fi/);

  // A reload keeps the step and what was typed.
  await page.reload();
  await appReady(page);
  await atStep(page, TITLES.check, { focused: false });
  await page.waitForSelector('.summary-list:has-text("vieras@example.fi")');

  await page.getByRole('button', { name: 'Vahvista varaus' }).focus();
  await page.keyboard.press('Enter');
  await atStep(page, TITLES.done, { focused: false });
  const meeting = page.locator('.meeting-link');
  await meeting.waitFor();
  assert.match(await meeting.getAttribute('href'), /meet\.jit\.si\/etakirjasto-/);
  const manage = page.locator('.manage-link a');
  const href = await manage.getAttribute('href');
  assert.match(href, /^\/bookings\/[^/#]+#token=.+/);

  await manage.focus();
  await page.keyboard.press('Enter');
  await page.waitForURL('**/bookings/**');
  const cancel = page.locator('.cancel-booking');
  await cancel.waitFor();
  assert.match(await page.locator('.booking-when').textContent(), new RegExp(dayText));
  await cancel.focus();
  await page.keyboard.press('Enter');
  const yes = page.locator('.confirm-cancel-yes');
  await yes.waitFor();
  await yes.focus();
  await page.keyboard.press('Enter');
  await page.waitForSelector('.status-cancelled:has-text("Peruttu")');
  await page.waitForSelector('[role="status"] :text("Varaus on peruttu.")');
  assert.equal(await page.locator('.cancel-booking').count(), 0);

  // The manage link still shows the booking as cancelled after a reload.
  await page.reload();
  await appReady(page);
  await page.waitForSelector('.status-cancelled:has-text("Peruttu")');
  assertClean();
  await context.close();
});

test('the demo patron books reading guidance by phone and cancels it on My bookings', async () => {
  const { page, context, assertClean } = await openPage(browser, server.base);
  await signInWithPassword(page, DEMO.patron.email, DEMO.patron.password);
  await page.goto('/book');
  await appReady(page);
  await page.waitForSelector('input[name="service"]');
  await page.getByLabel('Lukuneuvonta').check();
  await page.getByRole('button', { name: 'Jatka' }).click();
  await atStep(page, TITLES.mode);
  await page.getByLabel('Puhelu', { exact: true }).check();
  await page.getByRole('button', { name: 'Jatka' }).click();
  await atStep(page, TITLES.time);
  await chooseFirstTime(page);
  await page.getByRole('button', { name: 'Jatka' }).click();
  await atStep(page, TITLES.details);
  assert.match(await page.locator('.booked-as').textContent(), new RegExp(DEMO.patron.name));
  await page.locator('#answer-0').fill('Dekkarit ja elämäkerrat.');
  await page.getByRole('button', { name: 'Jatka' }).click();
  await atStep(page, TITLES.check);
  assert.match(await page.locator('.summary-list').textContent(), /Dekkarit ja elämäkerrat\./);
  await page.getByRole('button', { name: 'Vahvista varaus' }).click();
  await atStep(page, TITLES.done, { focused: false });
  await page.waitForSelector('.booking:has-text("040 123 4567")');

  await page.locator('nav a[href="/bookings"]').click();
  await page.waitForURL('**/bookings');
  const card = page.locator('.booking', { hasText: 'Lukuneuvonta' }).filter({ hasText: 'Puhelu' }).first();
  await card.waitFor();
  await card.locator('.cancel-booking').click();
  await card.locator('.confirm-cancel-yes').click();
  await card.locator('.status-cancelled').waitFor();
  assert.equal(await card.locator('.cancel-booking').count(), 0);
  assertClean();
  await context.close();
});

test('continuing without a choice, and e-services help without the rules, are explained', async () => {
  const { page, context, assertClean } = await openPage(browser, server.base);
  await page.goto('/book');
  await appReady(page);
  await page.waitForSelector('input[name="service"]');
  await page.getByRole('button', { name: 'Jatka' }).click();
  await page.waitForSelector('.error-summary:not([hidden])');
  await page.waitForFunction(() => document.activeElement && document.activeElement.classList.contains('error-summary'));
  assert.match(await page.locator('.error-summary:not([hidden])').textContent(), /Palvelu: Tämä tieto puuttuu\./);
  assert.match(await page.locator('#service-error').textContent(), /Tämä tieto puuttuu\./);

  await page.getByLabel('Apua e-palveluihin').check();
  await page.getByRole('button', { name: 'Jatka' }).click();
  await atStep(page, TITLES.mode);
  await page.getByRole('button', { name: 'Jatka' }).click();
  await page.locator('#mode-error').waitFor();
  await page.getByLabel('Kirjastossa').check();
  await page.getByRole('button', { name: 'Jatka' }).click();
  await atStep(page, TITLES.time);
  await page.locator('.day-link').first().click();
  await page.waitForSelector('input[name="start"]');
  await page.getByRole('button', { name: 'Jatka' }).click();
  await page.locator('#start-error').waitFor();
  await page.locator('input[name="start"]').first().check();
  await page.getByRole('button', { name: 'Jatka' }).click();

  await atStep(page, TITLES.details);
  await page.locator('#name').fill('Vieras Varaaja');
  await page.locator('#email').fill('vieras2@example.fi');
  assert.match(await page.locator('.rules').textContent(), /ei hoida pankkiasioitasi/);
  await page.getByRole('button', { name: 'Jatka' }).click();
  await page.locator('#accept_ground_rules-error').waitFor();
  assert.match(await page.locator('.error-summary:not([hidden])').textContent(), /Säännöt: Tämä tieto puuttuu\./);
  assert.equal(await page.locator('#accept_ground_rules').getAttribute('aria-invalid'), 'true');
  await page.getByLabel('Hyväksyn säännöt').check();
  await page.getByRole('button', { name: 'Jatka' }).click();
  await atStep(page, TITLES.check);

  // Back works: the browser's Back returns to the details with what was typed.
  await page.goBack();
  await atStep(page, TITLES.details, { focused: false });
  assert.equal(await page.locator('#email').inputValue(), 'vieras2@example.fi');
  assertClean();
  await context.close();
});

for (const [lang, practice, confirm, myBookings] of [
  ['fi', 'Harjoituspuhelu', 'Vahvista varaus', 'Omat varaukset'],
  ['sv', 'Övningssamtal', 'Bekräfta bokningen', 'Mina bokningar'],
  ['en', 'Practice call', 'Confirm booking', 'My bookings'],
]) {
  test(`axe finds no violations on any booking step or on My bookings in ${lang}`, async () => {
    const { page, context, assertClean } = await openPage(browser, server.base);
    await context.addInitScript((l) => localStorage.setItem('etakirjasto.lang', l), lang);
    const check = async (what) => {
      const violations = await axeViolations(page);
      assert.equal(violations.length, 0, `axe violations on ${what} (${lang}):\n${describeViolations(violations)}`);
    };
    const next = () => page.locator('main button[type="submit"]').click();
    await page.goto('/book');
    await appReady(page);
    await page.waitForSelector('input[name="service"]');
    assert.equal(await page.evaluate(() => document.documentElement.lang), lang);
    await check('step 1');
    await next();
    await page.waitForSelector('.error-summary:not([hidden])');
    await check('step 1 with an error');
    await page.getByLabel(practice).check();
    await next();
    await page.waitForSelector('input[name="mode"]');
    await check('step 2');
    await next();
    await page.waitForSelector('.day-link');
    await check('step 3');
    await page.locator('.day-link').first().click();
    await page.waitForSelector('input[name="start"]');
    await check('step 3 with a day');
    await page.locator('input[name="start"]').first().check();
    await next();
    await page.waitForSelector('#name');
    await check('step 4');
    await next();
    await page.waitForSelector('#name-error');
    await check('step 4 with errors');
    await page.locator('#name').fill('Axe Tester');
    await page.locator('#email').fill(`axe-${lang}@example.fi`);
    await next();
    await page.waitForSelector('.summary-list');
    await check('step 5');
    await page.getByRole('button', { name: confirm }).click();
    await page.waitForSelector('.meeting-link');
    await check('step 6');
    await page.locator('.manage-link a').click();
    await page.waitForSelector('.cancel-booking');
    await check('the manage page');
    await page.locator('.cancel-booking').click();
    await page.waitForSelector('.confirm-cancel-yes');
    await check('the manage page asking to confirm');

    await signInWithPassword(page, DEMO.patron.email, DEMO.patron.password);
    await page.goto('/bookings');
    await appReady(page);
    await page.waitForFunction((t) => document.querySelector('main h1').textContent.trim() === t, myBookings);
    await page.waitForSelector('main .booking-list, main .button');
    await check('My bookings');
    assertClean();
    await context.close();
  });
}

test('the time step does not scroll sideways at 320 px with the largest text', async () => {
  const { page, context, assertClean } = await openPage(browser, server.base, { viewport: { width: 320, height: 640 } });
  await context.addInitScript(() => localStorage.setItem('etakirjasto.text-size', 'largest'));
  await page.goto('/book');
  await appReady(page);
  await page.waitForSelector('input[name="service"]');
  await page.getByLabel('Lukuneuvonta').check();
  await page.locator('main button[type="submit"]').click();
  await page.waitForSelector('input[name="mode"]');
  await page.getByLabel('Videopuhelu').check();
  await page.locator('main button[type="submit"]').click();
  await page.locator('.day-link').first().click();
  await page.waitForSelector('input[name="start"]');
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 320, `the time step is ${width} px wide at 320 px with the largest text`);
  assertClean();
  await context.close();
});

test('a time taken meanwhile sends the guest back to fresh times with the reason', async () => {
  const { page, context, allow, assertClean } = await openPage(browser, server.base);
  allow('/api/v1/bookings', 409);
  await page.goto('/book');
  await appReady(page);
  await page.waitForSelector('input[name="service"]');
  await page.getByLabel('Harjoituspuhelu').check();
  await page.locator('main button[type="submit"]').click();
  await atStep(page, TITLES.mode);
  await page.locator('main button[type="submit"]').click();
  await atStep(page, TITLES.time);
  // A later day, so that the other tests' bookings do not matter.
  await page.locator('.day-link').last().click();
  await page.waitForSelector('input[name="start"]');
  await page.locator('input[name="start"]').first().check();
  await page.locator('main button[type="submit"]').click();
  await atStep(page, TITLES.details);
  await page.locator('#name').fill('Hidas Varaaja');
  await page.locator('#email').fill('hidas@example.fi');
  await page.locator('main button[type="submit"]').click();
  await atStep(page, TITLES.check);

  // Someone else books the same time until no staff member is free for it.
  const url = new URL(page.url());
  const body = {
    service_id: url.searchParams.get('service'), start: url.searchParams.get('start'), mode: 'video',
    answers: [], name: 'Nopea Varaaja', email: 'nopea@example.fi',
  };
  let status = 0;
  for (let i = 0; i < 10 && status !== 409; i += 1) {
    const res = await fetch(`${server.base}/api/v1/bookings`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body),
    });
    status = res.status;
    assert.ok(status === 201 || status === 409, `booking answered ${status}`);
  }
  assert.equal(status, 409, 'the time was taken');

  await page.getByRole('button', { name: 'Vahvista varaus' }).click();
  await atStep(page, TITLES.time, { focused: false });
  await page.waitForSelector('.error-summary:not([hidden])');
  await page.waitForFunction(() => document.activeElement && document.activeElement.classList.contains('error-summary'));
  assert.match(await page.locator('.error-summary:not([hidden])').textContent(), /Joku ehti varata tämän ajan juuri ennen sinua\./);
  assert.match(await page.locator('main').textContent(), /Alla näkyvät ajat ovat nyt vapaina\./);
  // The free times are read again: wait for the list, then the taken time must be missing.
  await page.waitForFunction(() => document.querySelectorAll('input[name="start"]').length > 0);
  const times = await page.locator('input[name="start"]').evaluateAll((els) => els.map((e) => e.value));
  assert.ok(!times.includes(body.start), 'the taken time is no longer offered');
  assertClean();
  await context.close();
});

test('a guest who signs in halfway returns to the same step, signed in', async () => {
  const { page, context, assertClean } = await openPage(browser, server.base);
  await page.goto('/book');
  await appReady(page);
  await page.waitForSelector('input[name="service"]');
  await page.getByLabel('Lukuneuvonta').check();
  await page.locator('main button[type="submit"]').click();
  await page.getByLabel('Videopuhelu').check();
  await page.locator('main button[type="submit"]').click();
  await page.locator('.day-link').first().click();
  await page.locator('input[name="start"]').first().check();
  await page.locator('main button[type="submit"]').click();
  await atStep(page, TITLES.details);

  await page.getByRole('link', { name: 'Onko sinulla tili? Kirjaudu sisään' }).click();
  await page.waitForURL('**/sign-in?next=**');
  await page.locator('#login').fill(DEMO.patron.email);
  await page.locator('#password').fill(DEMO.patron.password);
  await page.locator('#password').press('Enter');
  await page.waitForURL('**/book?step=details**');
  await page.waitForSelector(`.booked-as:has-text("${DEMO.patron.name}")`);
  assert.equal(await page.locator('#name').count(), 0, 'no guest fields once signed in');
  await page.locator('main button[type="submit"]').click();
  await atStep(page, TITLES.check);
  const summary = await page.locator('.summary-list').textContent();
  assert.match(summary, /Lukuneuvonta[\s\S]*Videopuhelu[\s\S]*klo \d{1,2}\.\d{2}–/);
  assert.ok(summary.includes(DEMO.patron.name), 'the booking is made in the patron\'s name');
  assertClean();
  await context.close();
});

/** Calls the API as JSON; returns `{ status, body }`. */
async function api(path, { method = 'GET', token, manage, body } = {}) {
  const headers = { Accept: 'application/json' };
  if (body) headers['Content-Type'] = 'application/json';
  if (token) headers.Authorization = `Bearer ${token}`;
  if (manage) headers['X-Manage-Token'] = manage;
  const res = await fetch(`${server.base}/api/v1${path}`, { method, headers, body: body && JSON.stringify(body) });
  return { status: res.status, body: await res.json() };
}

/** Books the `index`th free time of the service named `name` (in English) by video, as `who`. */
async function bookByApi(name, index, who) {
  const services = (await api('/services?library=kalajoki')).body.items;
  const s = services.find((x) => x.name.en === name);
  const from = encodeURIComponent(new Date().toISOString());
  const to = encodeURIComponent(new Date(Date.now() + 14 * 864e5).toISOString());
  const slots = (await api(`/services/${s.id}/slots?from=${from}&to=${to}`)).body.slots;
  let token;
  if (who === 'patron') {
    token = (await api('/auth/login', { method: 'POST', body: { email: DEMO.patron.email, password: DEMO.patron.password } })).body.access_token;
  }
  const body = { service_id: s.id, start: slots[index].start, mode: 'video', answers: [] };
  if (!token) Object.assign(body, { name: 'Vieras Siirtäjä', email: 'siirtaja@example.fi' });
  const res = await api('/bookings', { method: 'POST', token, body });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return { booking: res.body, token };
}

/** On choosing a new time: the last listed day and its last time; returns that time's value. */
async function chooseLastTime(page) {
  await page.locator('.day-link').last().click();
  const radio = page.locator('input[name="start"]').last();
  await radio.check();
  return radio.inputValue();
}

test('the demo patron changes the time of a booking on My bookings and sees the new time', async () => {
  const { booking, token } = await bookByApi('Reading guidance', 1, 'patron');
  const { page, context, assertClean } = await openPage(browser, server.base);
  await signInWithPassword(page, DEMO.patron.email, DEMO.patron.password);
  await page.locator('nav a[href="/bookings"]').click();
  const card = page.locator('.booking', { has: page.locator(`a[href^="/bookings/${booking.id}/reschedule"]`) });
  await card.waitFor();
  assert.match(await card.textContent(), /Voit vaihtaa ajan tai perua varauksen verkossa/);
  await card.getByRole('link', { name: 'Vaihda aika' }).click();
  await page.waitForURL(`**/bookings/${booking.id}/reschedule`);
  await page.waitForFunction(() => document.querySelector('main h1').textContent.trim() === 'Valitse uusi aika');
  assert.equal(await page.title(), 'Valitse uusi aika – Etäkirjasto');
  await page.waitForSelector('.day-link');
  const dayText = (await page.locator('.day-link').last().textContent()).trim();
  const start = await chooseLastTime(page);
  const timeText = (await page.locator('input[name="start"]:checked + label').textContent()).trim();
  await page.getByRole('button', { name: 'Vaihda tähän aikaan' }).click();

  await page.waitForURL('**/bookings');
  const moved = page.locator('.booking', { has: page.locator(`a[href^="/bookings/${booking.id}/reschedule"]`) });
  await moved.locator('.moved-notice').waitFor();
  assert.match(await moved.locator('[role="status"]').textContent(), new RegExp(`Aika on vaihdettu\\. Uusi aika: ${dayText} ${timeText}\\.`));
  assert.equal((await moved.locator('.booking-when').textContent()).trim(), `${dayText} ${timeText}`);
  assert.equal((await api(`/bookings/${booking.id}`, { token })).body.start, start);
  assertClean();
  await context.close();
});

test('a guest changes the time from the manage link; a time taken meanwhile is explained and the times reload', async () => {
  const { booking } = await bookByApi('Practice call', 0, 'guest');
  const { page, context, allow, assertClean } = await openPage(browser, server.base);
  allow('/reschedule', 409);
  await page.goto(`/bookings/${booking.id}#token=${encodeURIComponent(booking.manage_token)}`);
  await appReady(page);
  await page.locator('.reschedule-booking').click();
  await page.waitForURL(`**/bookings/${booking.id}/reschedule#token=**`);
  await page.waitForSelector('.day-link');
  const taken = await chooseLastTime(page);

  // Someone else books the same time until no staff member is free for it.
  let status = 0;
  for (let i = 0; i < 10 && status !== 409; i += 1) {
    ({ status } = await api('/bookings', {
      method: 'POST',
      body: { service_id: booking.service_id, start: taken, mode: 'video', name: 'Nopea Varaaja', email: 'nopea2@example.fi' },
    }));
  }
  assert.equal(status, 409, 'the time was taken');

  await page.getByRole('button', { name: 'Vaihda tähän aikaan' }).click();
  await page.waitForSelector('.error-summary:not([hidden])');
  await page.waitForFunction(() => document.activeElement && document.activeElement.classList.contains('error-summary'));
  assert.match(await page.locator('.error-summary:not([hidden])').textContent(), /Joku ehti varata tämän ajan juuri ennen sinua\./);
  assert.match(await page.locator('main').textContent(), /Alla näkyvät ajat ovat nyt vapaina\./);
  await page.waitForFunction((t) => {
    const values = [...document.querySelectorAll('input[name="start"]')].map((e) => e.value);
    return values.length > 0 && !values.includes(t);
  }, taken);
  const axe = await axeViolations(page);
  assert.equal(axe.length, 0, describeViolations(axe));

  const start = await chooseLastTime(page);
  await page.getByRole('button', { name: 'Vaihda tähän aikaan' }).click();
  await page.waitForURL(`**/bookings/${booking.id}#token=**`);
  await page.locator('.moved-notice').waitFor();
  assert.equal((await api(`/bookings/${booking.id}`, { manage: booking.manage_token })).body.start, start);
  assertClean();
  await context.close();
});

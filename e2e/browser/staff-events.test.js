// The staff's events page: staff find an event from the dashboard, see the participants with their
// needs, download the list as CSV, write to everyone registered (an empty message named at its
// field), and cancel the event after a confirmation step; no axe violations in fi, sv and en.
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

/** Staff create an online event two days ahead; the demo patron registers with a need. */
async function eventWithParticipant(title) {
  const code = await freshCode(server.base, DEMO.staff.email);
  const staff = await api('/auth/login', { method: 'POST', body: { email: DEMO.staff.email, password: DEMO.staff.password, one_time_code: code } });
  assert.equal(staff.status, 200, JSON.stringify(staff.body));
  const start = new Date(Date.now() + 2 * 864e5);
  const end = new Date(start.getTime() + 36e5);
  const created = await api('/events', {
    method: 'POST',
    token: staff.body.access_token,
    body: {
      library: 'kalajoki', title: { fi: title }, description: { fi: 'Kuvaus.' },
      category: 'class', audience: 'adults', mode: 'online',
      start: start.toISOString(), end: end.toISOString(),
      join_url: 'https://meet.jit.si/etakirjasto-selaintesti', online_capacity: 10, max_seats_per_registration: 2,
    },
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const patron = await api('/auth/login', { method: 'POST', body: { email: DEMO.patron.email, password: DEMO.patron.password } });
  const reg = await api(`/events/${created.body.id}/registrations`, {
    method: 'POST', token: patron.body.access_token, body: { seat_type: 'online', needs: 'Tekstitys' },
  });
  assert.equal(reg.status, 201, JSON.stringify(reg.body));
  return created.body;
}

test('staff see the participants, download the list, write to everyone and cancel the event', async () => {
  const event = await eventWithParticipant('Tabletin alkeet');
  const { page, context, allow, assertClean } = await openPage(browser, server.base);
  allow('/message', 422);
  await signInWithPassword(page, DEMO.staff.email, DEMO.staff.password);
  await page.goto('/staff');
  await appReady(page);
  await page.getByRole('link', { name: 'Tapahtumat ja osallistujat' }).click();
  await page.waitForURL('**/staff/events');
  await page.getByRole('link', { name: 'Tabletin alkeet' }).click();
  await page.waitForURL(`**/staff/events?event=${event.id}`);
  await page.waitForSelector('table.participants');
  const row = page.locator('table.participants tbody tr').first();
  assert.match(await row.innerText(), /Maija Meikäläinen/);
  assert.match(await row.innerText(), /Tekstitys/);
  assert.match(await row.innerText(), /Paikka varattu/);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Lataa osallistujalista (CSV)' }).click(),
  ]);
  assert.equal(download.suggestedFilename(), 'osallistujat.csv');
  const fs = require('node:fs');
  const csv = fs.readFileSync(await download.path(), 'utf8');
  assert.match(csv, /^\uFEFFNimi;/);
  assert.match(csv, /Maija Meikäläinen/);

  // An empty message is named at its field; a real one goes to the one person registered.
  await page.locator('.message-all button[type="submit"]').focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.classList.contains('error-summary'));
  assert.match(await page.locator('.message-all .error-summary').innerText(), /Viesti: /);
  await page.locator('#event-message').fill('Ota tabletti ja laturi mukaan.');
  await page.locator('.message-all button[type="submit"]').click();
  await page.waitForFunction(() => document.querySelector('.message-all-status')?.textContent === 'Viesti lähti 1 henkilölle.');

  await page.getByRole('button', { name: 'Peru tapahtuma' }).click();
  await page.getByRole('button', { name: 'Kyllä, peru tapahtuma' }).click();
  await page.waitForFunction(() => /Tapahtuma on peruttu\./.test(document.querySelector('main').innerText));
  assert.equal(await page.getByRole('button', { name: 'Peru tapahtuma' }).count(), 0);
  assertClean();
  await context.close();
});

test('staff register someone who phoned, with their consent, and move them to the other seats', async () => {
  const code = await freshCode(server.base, DEMO.staff.email);
  const staff = await api('/auth/login', { method: 'POST', body: { email: DEMO.staff.email, password: DEMO.staff.password, one_time_code: code } });
  const start = new Date(Date.now() + 3 * 864e5);
  const created = await api('/events', {
    method: 'POST',
    token: staff.body.access_token,
    body: {
      library: 'kalajoki', title: { fi: 'Hybridi-ilta' }, description: { fi: 'Kuvaus.' },
      category: 'author_visit', audience: 'adults', mode: 'hybrid', room: 'Lukusali',
      start: start.toISOString(), end: new Date(start.getTime() + 36e5).toISOString(),
      join_url: 'https://meet.jit.si/etakirjasto-hybriditesti', on_site_capacity: 5, online_capacity: 5,
      max_seats_per_registration: 2,
    },
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const { page, context, allow, assertClean } = await openPage(browser, server.base);
  allow('/registrations', 422);
  await signInWithPassword(page, DEMO.staff.email, DEMO.staff.password);
  await page.goto(`/staff/events?event=${created.body.id}`);
  await appReady(page);
  await page.locator('#behalf-name').waitFor();
  assert.match(await page.locator('main').innerText(), /Kukaan ei ole vielä ilmoittautunut/);

  // Without the person's consent the form names that box.
  await page.locator('#behalf-name').fill('Aino Asiakas');
  await page.locator('#behalf-phone').fill('0401234567');
  await page.locator('#behalf-seat-on_site').check();
  await page.locator('#behalf-needs').fill('Pyörätuoli');
  await page.locator('#behalf-language').selectOption('sv');
  await page.locator('#behalf-needs').press('Enter');
  await page.waitForFunction(() => document.activeElement?.classList.contains('error-summary'));
  assert.match(await page.locator('#behalf-summary').locator('..').innerText(), /suostuu/);
  await page.locator('#behalf-consent').focus();
  await page.keyboard.press('Space');
  await page.locator('#behalf-needs').press('Enter');
  await page.waitForFunction(() => /Aino Asiakas: Paikka varattu/.test(document.querySelector('main').innerText));

  await page.waitForSelector('table.participants');
  const row = page.locator('table.participants tbody tr', { hasText: 'Aino Asiakas' });
  assert.match(await row.innerText(), /henkilökunnan ilmoittama/);
  assert.match(await row.innerText(), /\+358401234567/);
  assert.match(await row.innerText(), /Pyörätuoli/);
  assert.match(await row.innerText(), /Tulen kirjastoon × 1/);
  const regs = await api(`/events/${created.body.id}/registrations`, { token: staff.body.access_token });
  assert.equal(regs.body.length, 1);
  assert.equal(regs.body[0].seat_type, 'on_site');

  await page.getByRole('button', { name: /^Siirrä etäpaikalle\s*: Aino Asiakas$/ }).click();
  await page.waitForFunction(() => /Osallistun verkossa kotoa × 1/.test(document.querySelector('table.participants')?.innerText ?? ''));
  const moved = await api(`/events/${created.body.id}/registrations`, { token: staff.body.access_token });
  assert.equal(moved.body[0].seat_type, 'online');
  assertClean();
  await context.close();
});

test('staff create a weekly online series across the spring clock change, then change one time', async () => {
  const { page, context, allow, assertClean } = await openPage(browser, server.base);
  allow('/api/v1/events', 422);
  await signInWithPassword(page, DEMO.staff.email, DEMO.staff.password);
  await page.goto('/staff/events');
  await appReady(page);
  await page.getByRole('link', { name: 'Uusi tapahtuma' }).click();
  await page.waitForURL('**/staff/events?edit=new');
  await page.locator('#title-fi').waitFor();

  // Saving without a date names that field.
  await page.locator('#title-fi').fill('Kevään etälukupiiri');
  await page.locator('#title-fi').press('Enter');
  await page.waitForFunction(() => document.activeElement?.classList.contains('error-summary'));
  assert.match(await page.locator('.error-summary:not([hidden])').innerText(), /Päivä: /);

  const y = new Date().getUTCFullYear() + 1;
  await page.locator('#description-fi').fill('Luemme ja keskustelemme verkossa.');
  await page.locator('#event-category').selectOption('reading_circle');
  await page.locator('#event-audience').selectOption('elderly');
  await page.locator('#event-mode-online').check();
  await page.locator('#event-date').fill(`${y}-03-16`);
  await page.locator('#event-start').fill('18:00');
  await page.locator('#event-end').fill('19:30');
  await page.locator('#join-url').fill('https://meet.jit.si/etakirjasto-kevatpiiri');
  await page.locator('#online-capacity').fill('12');
  await page.locator('#a11y-fi').fill('Tekstitys');
  await page.locator('#event-repeat-weekly').check();
  await page.locator('#event-until').fill(`${y}-04-06`);
  await page.locator('#event-until').press('Enter');
  await page.waitForURL('**/staff/events?event=*');
  await page.waitForFunction(() => /Tapahtuma tallennettu\./.test(document.querySelector('main').innerText));
  const id = new URL(page.url()).searchParams.get('event');

  const code = await freshCode(server.base, DEMO.staff.email);
  const staff = await api('/auth/login', { method: 'POST', body: { email: DEMO.staff.email, password: DEMO.staff.password, one_time_code: code } });
  const first = await api(`/events/${id}`, { token: staff.body.access_token });
  assert.equal(first.status, 200);
  assert.equal(first.body.title.fi, 'Kevään etälukupiiri');
  assert.equal(first.body.audience, 'elderly');
  assert.equal(first.body.online.capacity, 12);
  assert.equal(first.body.join_url, 'https://meet.jit.si/etakirjasto-kevatpiiri');
  assert.equal(first.body.accessibility_note.fi, 'Tekstitys');
  const series = await api(`/event-series/${first.body.series}`);
  assert.deepEqual(series.body.occurrences.map((o) => o.start), [
    `${y}-03-16T18:00:00+02:00`, `${y}-03-23T18:00:00+02:00`, `${y}-03-30T18:00:00+03:00`, `${y}-04-06T18:00:00+03:00`,
  ]);

  // Changing the first time leaves the rest as they were.
  await page.getByRole('link', { name: 'Muokkaa tapahtuman tietoja' }).click();
  await page.waitForURL('**/staff/events?edit=*');
  await page.waitForFunction(() => document.querySelector('#title-fi')?.value === 'Kevään etälukupiiri');
  assert.equal(await page.locator('#event-start').inputValue(), '18:00');
  assert.equal(await page.locator('#event-repeat-weekly').count(), 0, 'a saved event does not offer repeating');
  await page.locator('#online-capacity').fill('20');
  await page.locator('#event-start').fill('17:30');
  await page.locator('#online-capacity').press('Enter');
  await page.waitForURL(`**/staff/events?event=${id}`);
  await page.waitForFunction(() => document.activeElement?.textContent === "Tapahtuma tallennettu.");
  const changed = await api(`/events/${id}`, { token: staff.body.access_token });
  assert.equal(changed.body.online.capacity, 20);
  assert.equal(changed.body.start, `${y}-03-16T17:30:00+02:00`);
  const rest = await api(`/event-series/${first.body.series}`);
  assert.equal(rest.body.occurrences[1].start, `${y}-03-23T18:00:00+02:00`);
  assertClean();
  await context.close();
});

test('axe finds no violations on the staff\'s events pages in fi, sv and en', async () => {
  const event = await eventWithParticipant('Saavutettavuustesti');
  const { page, context, assertClean } = await openPage(browser, server.base);
  await signInWithPassword(page, DEMO.staff.email, DEMO.staff.password);
  for (const [lang, title] of [['fi', 'Tapahtumat ja osallistujat'], ['sv', 'Evenemang och deltagare'], ['en', 'Events and participants']]) {
    await page.evaluate((l) => localStorage.setItem('etakirjasto.lang', l), lang);
    await page.goto('/staff/events');
    await appReady(page);
    assert.equal(await page.locator('main h1').innerText(), title);
    await page.waitForSelector('.staff-events');
    let violations = await axeViolations(page);
    assert.equal(violations.length, 0, `axe on the list (${lang}):\n${describeViolations(violations)}`);
    await page.goto(`/staff/events?event=${event.id}`);
    await appReady(page);
    await page.waitForSelector('table.participants');
    violations = await axeViolations(page);
    assert.equal(violations.length, 0, `axe on the event (${lang}):\n${describeViolations(violations)}`);
    await page.goto('/staff/events?edit=new');
    await appReady(page);
    await page.locator('#title-fi').waitFor();
    await page.locator('#event-mode-hybrid').check();
    await page.locator('#event-repeat-monthly').check();
    violations = await axeViolations(page);
    assert.equal(violations.length, 0, `axe on the event form (${lang}):\n${describeViolations(violations)}`);
  }
  assertClean();
  await context.close();
});

// One instance, many libraries: with a second library and its event, the events page lists the
// region's events together, each naming its library, and filters them by library with the keyboard;
// a patron chooses their own library in the footer (said in a live region, the header follows, and
// the choice is remembered across a reload). No axe violations in fi, sv and en.
'use strict';

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { execFileSync } = require('node:child_process');
const {
  startServer, launchBrowser, openPage, appReady, axeViolations, describeViolations, totpCode,
} = require('./helpers');

let server;
let browser;

const OULU_ADMIN = { email: 'paakayttaja@oulu.example', password: 'oulun paakayttaja 1' };

async function api(path, { method = 'GET', token, body } = {}) {
  const headers = { Accept: 'application/json' };
  if (body) headers['Content-Type'] = 'application/json';
  if (token) headers.Authorization = `Bearer ${token}`;
  const res = await fetch(`${server.base}/api/v1${path}`, { method, headers, body: body && JSON.stringify(body) });
  return { status: res.status, body: res.status === 204 ? null : await res.json() };
}

/** Oulu's library and admin (made with the command line, as an instance admin does), and its event. */
async function secondLibrary() {
  const cli = (args, extra = {}) => execFileSync(server.bin, args, {
    env: { ...process.env, DATABASE_URL: server.databaseUrl, ...extra },
  });
  cli(['library', 'add', '--slug', 'oulu', '--name', 'Oulun kaupunginkirjasto',
    '--phone', '+358 8 558 47510', '--email', 'kirjasto@oulu.example']);
  cli(['user', 'add', '--library', 'oulu', '--role', 'admin', '--email', OULU_ADMIN.email, '--name', 'Olli Oulusta'],
    { ETAKIRJASTO_PASSWORD: OULU_ADMIN.password });
  // Two-step sign-in set up through the API, then a session with the admin role.
  let login = await api('/auth/login', { method: 'POST', body: OULU_ADMIN });
  assert.equal(login.status, 200, JSON.stringify(login.body));
  const setup = await api('/me/second-factor', { method: 'POST', token: login.body.access_token });
  assert.equal(setup.status, 201, JSON.stringify(setup.body));
  const step = Math.floor(Date.now() / 30000);
  const confirmed = await api('/me/second-factor/confirm', {
    method: 'POST', token: login.body.access_token, body: { one_time_code: totpCode(setup.body.secret, step) },
  });
  assert.equal(confirmed.status, 200, JSON.stringify(confirmed.body));
  login = await api('/auth/login', {
    method: 'POST', body: { ...OULU_ADMIN, one_time_code: totpCode(setup.body.secret, step + 1) },
  });
  assert.equal(login.status, 200, JSON.stringify(login.body));
  const start = new Date(Date.now() + 5 * 24 * 3600 * 1000);
  const made = await api('/events', {
    method: 'POST',
    token: login.body.access_token,
    body: {
      library: 'oulu',
      title: { fi: 'Oulun etälukupiiri', sv: 'Uleåborgs läscirkel', en: 'Oulu reading circle' },
      description: { fi: 'Luemme yhdessä verkossa.' },
      category: 'reading_circle', audience: 'adults', mode: 'online',
      start: start.toISOString(), end: new Date(start.getTime() + 90 * 60000).toISOString(),
      join_url: 'https://meet.jit.si/oulu-lukupiiri', online_capacity: 12, max_seats_per_registration: 1,
    },
  });
  assert.equal(made.status, 201, JSON.stringify(made.body));
}

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  await secondLibrary();
});

after(async () => {
  if (browser) await browser.close();
  if (server) await server.stop();
});

test('the events page lists the region together and filters by library with the keyboard', async () => {
  const { page, context, assertClean } = await openPage(browser, server.base);
  await page.goto('/events');
  await appReady(page);
  const oulu = page.locator('li.event-item', { hasText: 'Oulun etälukupiiri' });
  await oulu.waitFor();
  assert.equal(await oulu.locator('.event-library').innerText(), 'Oulun kaupunginkirjasto');
  const kalajoki = page.locator('li.event-item .event-library', { hasText: 'Kalajoen kaupunginkirjasto' });
  assert.ok(await kalajoki.count() > 0, 'Kalajoki\'s events are listed too');

  await page.getByLabel('Kirjasto', { exact: true }).focus();
  await page.getByLabel('Kirjasto', { exact: true }).selectOption('oulu');
  await page.getByRole('button', { name: 'Näytä' }).press('Enter');
  await page.waitForURL('**/events?library=oulu');
  await page.waitForFunction(() => [...document.querySelectorAll('li.event-item .event-library')]
    .every((e) => e.innerText === 'Oulun kaupunginkirjasto'));
  await oulu.waitFor();
  assert.equal(await page.locator('li.event-item').count(), 1);

  for (const lang of ['fi', 'sv', 'en']) {
    await page.evaluate((l) => localStorage.setItem('etakirjasto.lang', l), lang);
    await page.goto('/events?library=oulu');
    await appReady(page);
    await page.locator('li.event-item').first().waitFor();
    await page.locator('#filter-library').waitFor();
    const violations = await axeViolations(page);
    assert.equal(violations.length, 0, `axe on the regional events (${lang}):\n${describeViolations(violations)}`);
  }
  await page.evaluate(() => localStorage.setItem('etakirjasto.lang', 'fi'));
  assertClean();
  await context.close();
});

test('a patron chooses their library in the footer and the choice is remembered', async () => {
  const { page, context, assertClean } = await openPage(browser, server.base);
  await page.goto('/');
  await appReady(page);
  assert.equal(await page.locator('.site-name').innerText(), 'Kalajoen kaupunginkirjasto');
  const choice = page.getByLabel('Oma kirjastosi');
  await choice.focus();
  await choice.selectOption('oulu');
  await page.getByRole('button', { name: 'Vaihda kirjasto' }).press('Enter');
  await page.locator('.library-chooser [role=status]', { hasText: 'Kirjastosi on nyt Oulun kaupunginkirjasto.' }).waitFor();
  await page.locator('.site-name', { hasText: 'Oulun kaupunginkirjasto' }).waitFor();
  assert.equal(await page.evaluate(() => localStorage.getItem('etakirjasto.library')), 'oulu');

  await page.reload();
  await appReady(page);
  await page.locator('.site-name', { hasText: 'Oulun kaupunginkirjasto' }).waitFor();
  assert.equal(await page.getByLabel('Oma kirjastosi').inputValue(), 'oulu');
  const violations = await axeViolations(page);
  assert.equal(violations.length, 0, `axe on the home page with the chooser:\n${describeViolations(violations)}`);
  assertClean();
  await context.close();
});

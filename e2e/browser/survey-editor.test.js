// The staff's survey editor: a new survey built with the keyboard (an empty save lists every fault in
// a summary that takes focus and marks each field; a question added, retyped and moved keeps focus
// where the person acted), saved and changed again; no axe violations in fi, sv and en.
'use strict';

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const {
  DEMO, startServer, launchBrowser, openPage, appReady, axeViolations, describeViolations, freshCode,
  signInWithPassword,
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

async function api(path, { token } = {}) {
  const headers = { Accept: 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  const res = await fetch(`${server.base}/api/v1${path}`, { headers });
  return { status: res.status, body: await res.json() };
}

async function staffToken() {
  const res = await fetch(`${server.base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({
      email: DEMO.staff.email,
      password: DEMO.staff.password,
      one_time_code: await freshCode(server.base, DEMO.staff.email),
    }),
  });
  return (await res.json()).access_token;
}

test('staff build a survey with the keyboard, save it and change it', async () => {
  const { page, context, allow, assertClean } = await openPage(browser, server.base);
  allow('/api/v1/surveys', 422);
  await signInWithPassword(page, DEMO.staff.email, DEMO.staff.password);
  await page.goto('/staff/surveys');
  await appReady(page);
  await page.getByRole('link', { name: 'Tee uusi kysely' }).press('Enter');
  await page.waitForURL('**/staff/surveys?edit=new');
  await page.waitForSelector('form.survey-editor');
  assert.equal(await page.locator('h1').innerText(), 'Uusi kysely');

  // Saved empty: the summary takes focus and names the title and the question's text and options.
  await page.getByRole('button', { name: 'Tallenna kysely' }).press('Enter');
  await page.waitForFunction(() => document.activeElement?.classList.contains('error-summary'));
  const summary = await page.locator('.error-summary').innerText();
  assert.match(summary, /Kyselyn otsikko \(Suomeksi\): Tämä tieto puuttuu\./);
  assert.match(summary, /Kysymys 1 \(Suomeksi\): Tämä tieto puuttuu\./);
  assert.match(summary, /Kysymys 1, Vaihtoehto 2 \(Suomeksi\): Tämä tieto puuttuu\./);
  assert.equal(await page.locator('#sv-title-fi').getAttribute('aria-invalid'), 'true');
  assert.equal(await page.locator('#sv-title-fi').getAttribute('aria-describedby'), 'sv-title-fi-error');
  await page.locator('.error-summary a').first().press('Enter');
  await page.waitForFunction(() => document.activeElement?.id === 'sv-title-fi');
  const violations = await axeViolations(page);
  assert.equal(violations.length, 0, `axe on the editor with errors:\n${describeViolations(violations)}`);

  await page.keyboard.type('Etäpalvelukysely');
  await page.locator('#sq-0-text-fi').fill('Mitä palvelua käyttäisit?');
  await page.locator('#sq-0-o-0-fi').fill('Videopuhelu');
  await page.locator('#sq-0-o-1-fi').fill('Puhelin');
  // A third option: focus goes to its text.
  await page.getByRole('button', { name: 'Lisää vaihtoehto: Kysymys 1' }).press('Enter');
  await page.waitForFunction(() => document.activeElement?.id === 'sq-0-o-2-fi');
  await page.keyboard.type('Kotipalvelu');
  // A second question, made free text, then moved first: focus follows each step.
  await page.getByRole('button', { name: 'Lisää kysymys' }).press('Enter');
  await page.waitForFunction(() => document.activeElement?.id === 'sq-1-text-fi');
  await page.keyboard.type('Muuta kerrottavaa?');
  await page.locator('#sq-1-kind').selectOption('text');
  await page.waitForFunction(() => document.activeElement?.id === 'sq-1-kind');
  assert.equal(await page.locator('#sq-1-add-option').count(), 0, 'a text question has no options');
  await page.getByRole('button', { name: 'Siirrä ylös: Kysymys 2' }).press('Enter');
  await page.waitForFunction(() => document.activeElement?.id === 'sq-0-down');
  assert.equal(await page.locator('#sq-0-text-fi').inputValue(), 'Muuta kerrottavaa?');
  assert.equal(await page.locator('#sq-1-o-2-fi').inputValue(), 'Kotipalvelu');
  await page.locator('#sv-published').focus();
  await page.keyboard.press('Space');
  await page.getByRole('button', { name: 'Tallenna kysely' }).press('Enter');
  await page.waitForURL(/\/staff\/surveys\?results=/);
  const id = new URL(page.url()).searchParams.get('results');
  const token = await staffToken();
  const { body: saved } = await api(`/surveys/${id}`, { token });
  assert.equal(saved.title.fi, 'Etäpalvelukysely');
  assert.equal(saved.published, true);
  assert.deepEqual(saved.questions.map((q) => q.kind), ['text', 'single']);
  assert.deepEqual(saved.questions[1].options.map((o) => o.label.fi), ['Videopuhelu', 'Puhelin', 'Kotipalvelu']);

  // Changed through the list's edit link: the change is a new version.
  await page.goto('/staff/surveys');
  await appReady(page);
  await page.getByRole('link', { name: 'Muokkaa: Etäpalvelukysely' }).press('Enter');
  await page.waitForURL(`**/staff/surveys?edit=${id}`);
  await page.waitForSelector('#sv-title-sv');
  assert.equal(await page.locator('#sv-title-fi').inputValue(), 'Etäpalvelukysely');
  await page.locator('#sv-title-sv').fill('Enkät om distanstjänster');
  await page.getByRole('button', { name: 'Tallenna kysely' }).press('Enter');
  await page.waitForURL(`**/staff/surveys?results=${id}`);
  const { body: changed } = await api(`/surveys/${id}`, { token });
  assert.equal(changed.version, 2);
  assert.equal(changed.title.sv, 'Enkät om distanstjänster');

  for (const lang of ['fi', 'sv', 'en']) {
    await page.evaluate((l) => localStorage.setItem('etakirjasto.lang', l), lang);
    for (const edit of ['new', id]) {
      await page.goto(`/staff/surveys?edit=${edit}`);
      await appReady(page);
      await page.waitForSelector('#sq-0-text-fi');
      const violations = await axeViolations(page);
      assert.equal(violations.length, 0, `axe on the editor ${edit} (${lang}):\n${describeViolations(violations)}`);
    }
  }
  await page.evaluate(() => localStorage.setItem('etakirjasto.lang', 'fi'));
  assertClean();
  await context.close();
});

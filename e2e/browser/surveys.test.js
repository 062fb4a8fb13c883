// Needs surveys: from the front page a person without an account reaches the open surveys with the
// keyboard, answers one (sending it half done names the questions left), and is thanked; staff see
// the results as charts with a table of the same figures beside each, cross-tabulate them by age,
// invite the units' contact people (once each), and enter an answer given on paper, marked so. No axe violations in fi, sv and en.
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

async function api(path, { method = 'GET', token, body } = {}) {
  const headers = { Accept: 'application/json' };
  if (body) headers['Content-Type'] = 'application/json';
  if (token) headers.Authorization = `Bearer ${token}`;
  const res = await fetch(`${server.base}/api/v1${path}`, { method, headers, body: body && JSON.stringify(body) });
  return { status: res.status, body: await res.json() };
}

async function staffToken() {
  const credentials = {
    email: DEMO.staff.email,
    password: DEMO.staff.password,
    one_time_code: await freshCode(server.base, DEMO.staff.email),
  };
  const { status, body } = await api('/auth/login', { method: 'POST', body: credentials });
  assert.equal(status, 200, JSON.stringify(body));
  return body.access_token;
}

const REMOTE = 'Mitä kirjaston etäpalveluja käyttäisit?';

async function remoteSurvey() {
  const { body } = await api('/surveys?library=kalajoki&state=open');
  return body.items.find((s) => s.title.fi === REMOTE);
}

/** Tabs forward until the focused element is a link with `name`, then follows it with Enter. */
async function tabToLink(page, name) {
  for (let i = 0; i < 80; i += 1) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.tagName === 'A' ? document.activeElement.textContent.trim() : '');
    if (focused === name) {
      await page.keyboard.press('Enter');
      return;
    }
  }
  assert.fail(`no link "${name}" reached with Tab`);
}

test('a person without an account answers a survey with the keyboard', async () => {
  const survey = await remoteSurvey();
  const token = await staffToken();
  const before = (await api(`/surveys/${survey.id}/results`, { token })).body.responses;
  const { page, context, allow, assertClean } = await openPage(browser, server.base);
  allow(`/api/v1/surveys/${survey.id}/responses`, 422);
  await page.goto('/');
  await appReady(page);
  await tabToLink(page, 'Kerro, mitä palveluja tarvitset: vastaa kyselyyn');
  await page.waitForURL('**/surveys');
  await page.waitForSelector('.survey-card');
  assert.equal(await page.locator('h1').innerText(), 'Kyselyt');
  assert.deepEqual((await page.locator('.survey-card h2').allInnerTexts()).sort(), [
    REMOTE, 'Tarvitsetko sinä tai läheisesi kotipalvelua?',
  ].sort());
  await tabToLink(page, REMOTE);
  await page.waitForURL(`**/surveys/${survey.id}`);
  await page.waitForSelector('form.survey-form');
  await page.waitForFunction((t) => document.title === `${t} – Etäkirjasto`, REMOTE);

  // Sent empty: the summary takes focus and names the two required questions.
  await page.getByRole('button', { name: 'Lähetä vastaukset' }).press('Enter');
  await page.waitForFunction(() => document.activeElement?.classList.contains('error-summary'));
  const summary = await page.locator('.error-summary').innerText();
  assert.match(summary, /Ikäsi: Tämä tieto puuttuu\./);
  assert.match(summary, /Mitä kirjaston etäpalveluja käyttäisit\?: Tämä tieto puuttuu\./);
  // Each question at fault is marked and names its error.
  const age = page.locator('fieldset:has(#q-age)');
  assert.equal(await age.getAttribute('aria-invalid'), 'true');
  assert.equal(await age.getAttribute('aria-describedby'), 'q-age-error');
  assert.equal(await page.locator('#q-age-error').textContent(), 'Virhe: Tämä tieto puuttuu.');
  // The summary's link takes focus to the question.
  await page.locator('.error-summary a').first().press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'q-age');

  // Answered with the keyboard: arrows move within a radio group, Space ticks a box.
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  assert.equal(await page.locator('#q-age-65_79').isChecked(), true);
  await page.locator('#q-services').focus();
  await page.keyboard.press('Space');
  await page.locator('#q-services-other').focus();
  await page.keyboard.press('Space');
  await page.locator('#q-services-other-text').fill('Kirjavinkit kirjeitse');
  await page.locator('#q-confidence-2').focus();
  await page.keyboard.press('Space');
  await page.locator('#q-visits').fill('12');
  await page.locator('#q-wishes').fill('Isompi teksti, kiitos.');
  // A contact address the server refuses is shown at its field, and nothing is lost.
  await page.locator('#contact-email').fill('ei-osoite');
  await page.getByRole('button', { name: 'Lähetä vastaukset' }).press('Enter');
  await page.waitForFunction(() => document.activeElement?.classList.contains('error-summary')
    && document.activeElement.innerText.includes('Sähköposti'));
  assert.equal(await page.locator('#contact-email').getAttribute('aria-invalid'), 'true');
  assert.equal(await page.locator('#q-visits').inputValue(), '12');
  await page.locator('#contact-email').fill('vastaaja@example.fi');
  await page.getByRole('button', { name: 'Lähetä vastaukset' }).press('Enter');
  await page.waitForFunction(() => document.activeElement?.classList.contains('confirmation'));
  assert.equal(await page.locator('.confirmation h2').innerText(), 'Kiitos vastauksistasi!');

  const after = (await api(`/surveys/${survey.id}/results`, { token })).body;
  assert.equal(after.responses, before + 1);
  const services = after.questions.find((q) => q.question === 'services');
  assert.ok(services.texts.includes('Kirjavinkit kirjeitse'), JSON.stringify(services.texts));

  // axe on the list and a survey, in each language; the question texts follow the language.
  for (const lang of ['fi', 'sv', 'en']) {
    await page.evaluate((l) => localStorage.setItem('etakirjasto.lang', l), lang);
    await page.goto(`/surveys/${survey.id}`);
    await appReady(page);
    await page.waitForSelector('form.survey-form');
    if (lang === 'sv') assert.match(await page.locator('h1').innerText(), /Vilka av bibliotekets distanstjänster/);
    if (lang === 'en') assert.equal(await page.locator('#q-age').evaluate((e) => e.labels[0].innerText), 'Under 30');
    let violations = await axeViolations(page);
    assert.equal(violations.length, 0, `axe on a survey (${lang}):\n${describeViolations(violations)}`);
    await page.getByRole('button').filter({ hasText: /Lähetä|Skicka|Send/ }).press('Enter');
    await page.waitForFunction(() => document.activeElement?.classList.contains('error-summary'));
    violations = await axeViolations(page);
    assert.equal(violations.length, 0, `axe on a survey with errors (${lang}):\n${describeViolations(violations)}`);
    await page.goto('/surveys');
    await appReady(page);
    await page.waitForSelector('.survey-card');
    violations = await axeViolations(page);
    assert.equal(violations.length, 0, `axe on the surveys (${lang}):\n${describeViolations(violations)}`);
  }
  await page.evaluate(() => localStorage.setItem('etakirjasto.lang', 'fi'));
  assertClean();
  await context.close();
});

test('staff read the results as charts and tables, cross-tabulate them, and enter a paper answer', async () => {
  const survey = await remoteSurvey();
  const { page, context, assertClean } = await openPage(browser, server.base);
  await signInWithPassword(page, DEMO.staff.email, DEMO.staff.password);
  await page.goto('/staff');
  await appReady(page);
  await page.getByRole('link', { name: 'Kyselyt ja tulokset' }).press('Enter');
  await page.waitForURL('**/staff/surveys');
  await page.waitForSelector('.survey-table tbody tr');
  assert.equal(await page.locator('.survey-table tbody tr').count(), 2);
  await page.getByRole('link', { name: REMOTE, exact: true }).press('Enter');
  await page.waitForURL(`**/staff/surveys?results=${survey.id}`);
  await page.waitForSelector('.result');
  await page.waitForFunction(() => document.querySelector('h1')?.innerText.endsWith('Tulokset'));
  // Every choice and scale question: a chart hidden from screen readers and a table with the figures.
  const age = page.locator('.result').first();
  assert.equal(await age.locator('h2').innerText(), 'Ikäsi');
  assert.equal(await age.locator('svg.bar-chart').getAttribute('aria-hidden'), 'true');
  assert.deepEqual(await age.locator('table thead th').allInnerTexts(), ['Vaihtoehto', 'Määrä', 'Osuus vastanneista']);
  assert.equal(await age.locator('table tbody tr').count(), 4);
  const counts = (await age.locator('table tbody td:nth-child(2)').allInnerTexts()).map(Number);
  const { body: results } = await api(`/surveys/${survey.id}/results`, { token: await staffToken() });
  assert.equal(counts.reduce((a, b) => a + b, 0), results.responses, 'the table adds up to the responses');
  assert.match(await age.locator('table tbody td:nth-child(3)').first().innerText(), /^\d+,\d %$/);

  // Cross-tabulated by age with the keyboard.
  await page.locator('#cross-by').focus();
  await page.locator('#cross-by').selectOption('age');
  await page.getByRole('button', { name: 'Näytä' }).press('Enter');
  await page.waitForURL(`**/staff/surveys?results=${survey.id}&by=age`);
  await page.waitForSelector('.cross .cross-table');
  assert.equal(await page.locator('#cross-heading').innerText(), 'Ristiintaulukointi');
  assert.match(await page.locator('.cross-table thead').first().innerText(), /80 tai yli \(n = \d+\)/);

  // Inviting the units' contact people: once, and sending again invites nobody twice.
  await page.locator('#invite-care_home_contacts').focus();
  await page.keyboard.press('Space');
  await page.locator('#invite-note').fill('Kertokaa, mitä yksikkönne tarvitsee.');
  await page.getByRole('button', { name: 'Lähetä kutsut' }).press('Enter');
  await page.waitForFunction(() => document.querySelector('.invite-status')?.innerText.startsWith('Kutsuttu nyt: 1.'));
  await page.getByRole('button', { name: 'Lähetä kutsut' }).press('Enter');
  await page.waitForFunction(() => document.querySelector('.invite-status')?.innerText.startsWith('Kutsuttu nyt: 0. Kutsuttu jo aiemmin: 1.'));
  // The event choice appears for an event's participants.
  await page.locator('#invite-event_participants').focus();
  await page.keyboard.press('Space');
  await page.waitForSelector('#invite-event option', { state: 'attached' });

  for (const lang of ['fi', 'sv', 'en']) {
    await page.evaluate((l) => localStorage.setItem('etakirjasto.lang', l), lang);
    await page.goto(`/staff/surveys?results=${survey.id}&by=age`);
    await appReady(page);
    await page.waitForSelector('.cross .cross-table');
    await page.waitForSelector('.invite form');
    let violations = await axeViolations(page);
    assert.equal(violations.length, 0, `axe on the results (${lang}):\n${describeViolations(violations)}`);
    await page.goto('/staff/surveys');
    await appReady(page);
    await page.waitForSelector('.survey-table tbody tr');
    violations = await axeViolations(page);
    assert.equal(violations.length, 0, `axe on the staff's surveys (${lang}):\n${describeViolations(violations)}`);
  }
  await page.evaluate(() => localStorage.setItem('etakirjasto.lang', 'fi'));

  // A paper answer: the link opens the survey with "on paper" chosen.
  const paperBefore = results.sources.find((s) => s.source === 'paper').count;
  await page.goto('/staff/surveys');
  await appReady(page);
  await page.waitForSelector('.survey-table tbody tr');
  await page.getByRole('link', { name: `Syötä paperi- tai puhelinvastaus: ${REMOTE}` }).press('Enter');
  await page.waitForURL(`**/surveys/${survey.id}?source=paper`);
  await page.waitForSelector('form.survey-form #source-paper');
  assert.equal(await page.locator('#source-paper').isChecked(), true);
  await page.locator('#q-age-80_plus').focus();
  await page.keyboard.press('Space');
  await page.locator('#q-services-home_delivery').focus();
  await page.keyboard.press('Space');
  await page.getByRole('button', { name: 'Lähetä vastaukset' }).press('Enter');
  await page.waitForFunction(() => document.activeElement?.classList.contains('confirmation'));
  assert.equal(await page.getByRole('button', { name: 'Syötä seuraava vastaus' }).count(), 1);
  const { body: after } = await api(`/surveys/${survey.id}/results`, { token: await staffToken() });
  assert.equal(after.sources.find((s) => s.source === 'paper').count, paperBefore + 1);
  // The next answer starts from an empty form.
  await page.getByRole('button', { name: 'Syötä seuraava vastaus' }).press('Enter');
  await page.waitForSelector('form.survey-form');
  await page.waitForFunction(() => document.activeElement?.id === 'q-age');
  assert.equal(await page.locator('#q-age-80_plus').isChecked(), false);
  assertClean();
  await context.close();
});

// The operating models: from the front page a patron reaches the catalogue with the keyboard, finds
// the models grouped by service and opens one (its sections, variants per situation, licence and
// Markdown download). When the library switches to "patrons unable to visit", the front page lists
// the services that work now with what is different, and a model shows the variant in force first.
// No axe violations in fi, sv and en.
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

/** Calls the API as JSON; returns `{ status, body }`. */
async function api(path, { method = 'GET', token, body } = {}) {
  const headers = { Accept: 'application/json' };
  if (body) headers['Content-Type'] = 'application/json';
  if (token) headers.Authorization = `Bearer ${token}`;
  const res = await fetch(`${server.base}/api/v1${path}`, { method, headers, body: body && JSON.stringify(body) });
  return { status: res.status, body: await res.json() };
}

async function adminToken() {
  const credentials = {
    email: DEMO.admin.email,
    password: DEMO.admin.password,
    one_time_code: await freshCode(server.base, DEMO.admin.email),
  };
  const { status, body } = await api('/auth/login', { method: 'POST', body: credentials });
  assert.equal(status, 200, JSON.stringify(body));
  return body.access_token;
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

test('a patron finds the operating models with the keyboard and reads one', async () => {
  const { page, context, assertClean } = await openPage(browser, server.base);
  await page.goto('/');
  await appReady(page);
  await page.waitForSelector('.branch');
  assert.equal(await page.locator('.services-now').count(), 0, 'normal times: no list of services now');
  await tabToLink(page, 'Näin etäpalvelumme toimivat');
  await page.waitForURL('**/guides');
  await page.waitForSelector('.guide-group');
  assert.equal(await page.locator('h1').innerText(), 'Näin etäpalvelumme toimivat');
  const groups = await page.locator('.guide-group h2').allInnerTexts();
  assert.deepEqual(groups, [
    'Henkilökohtaiset etätapaamiset',
    'Etätapahtumat ja lukupiiri',
    'Hoivakotien etäohjelmat',
    'Kotipalvelu',
  ]);
  assert.match(
    await page.getByRole('link', { name: 'Lataa kaikki toimintamallit (Markdown)' }).getAttribute('href'),
    /\/api\/v1\/libraries\/kalajoki\/guides\.md$/,
  );

  await tabToLink(page, 'Kotipalvelu');
  await page.waitForURL('**/guides/*');
  await page.waitForSelector('article.guide');
  assert.equal(await page.locator('h1').innerText(), 'Kotipalvelu');
  await page.waitForFunction(() => document.title === 'Kotipalvelu – Etäkirjasto');
  const headings = await page.locator('article.guide h2').allInnerTexts();
  assert.deepEqual(headings, [
    'Tarkoitus', 'Kenelle', 'Miten palvelu toimii', 'Roolit', 'Laitteet ja ohjelmat', 'Miten saat palvelun',
    'Eri tilanteissa',
  ]);
  assert.deepEqual(await page.locator('article.guide h3').allInnerTexts(), [
    'Kirjasto on suljettu', 'Asiakkaat eivät voi tulla kirjastoon',
  ]);
  // The steps are a real list, and the Markdown's emphasis is kept.
  assert.equal(await page.locator('#guide-steps + .markdown ol > li').count(), 5);
  assert.equal(await page.locator('#guide-howtoget + .markdown strong').innerText(), 'Kotipalvelu');
  const licence = page.locator('a[rel="license"]');
  assert.equal(await licence.innerText(), 'Creative Commons Attribution 4.0 International');
  assert.equal(await licence.getAttribute('href'), 'https://creativecommons.org/licenses/by/4.0/');
  assert.match(
    await page.getByRole('link', { name: 'Lataa toimintamalli (Markdown)' }).getAttribute('href'),
    /\/api\/v1\/guides\/[0-9a-f-]{36}\/markdown$/,
  );

  // axe on the catalogue and the model, in each language; in Swedish and English the model's text
  // is marked as Finnish.
  for (const lang of ['fi', 'sv', 'en']) {
    await page.evaluate((l) => localStorage.setItem('etakirjasto.lang', l), lang);
    await page.reload();
    await appReady(page);
    await page.waitForSelector('article.guide');
    assert.equal(await page.locator('article.guide h1').getAttribute('lang'), 'fi');
    let violations = await axeViolations(page);
    assert.equal(violations.length, 0, `axe on a model (${lang}):\n${describeViolations(violations)}`);
    await page.goto('/guides');
    await appReady(page);
    await page.waitForSelector('.guide-group');
    violations = await axeViolations(page);
    assert.equal(violations.length, 0, `axe on the catalogue (${lang}):\n${describeViolations(violations)}`);
    await page.goBack();
  }
  await page.evaluate(() => localStorage.setItem('etakirjasto.lang', 'fi'));
  assertClean();
  await context.close();
});

test('in an exceptional situation the front page lists the services that work now', async () => {
  const token = await adminToken();
  const { status, body } = await api('/libraries/kalajoki/scenario', {
    method: 'PUT',
    token,
    body: { scenario: 'patrons_unable_to_visit', notice: { fi: 'Emme voi ottaa asiakkaita vastaan. Etäpalvelut toimivat.' } },
  });
  assert.equal(status, 200, JSON.stringify(body));
  try {
    const { page, context, assertClean } = await openPage(browser, server.base);
    await page.goto('/');
    await appReady(page);
    const now = page.locator('.services-now');
    await now.waitFor();
    assert.equal(await now.locator('h2').innerText(), 'Nämä etäpalvelut toimivat nyt');
    assert.deepEqual(await now.locator('h3').allInnerTexts(), [
      'Henkilökohtainen etäopastus', 'Etäohjelmat hoivakoteihin', 'Kotipalvelu',
    ]);
    // Each with what is different now.
    assert.match(await now.locator('.guide-card').last().innerText(), /jätetään oven taakse/);
    let violations = await axeViolations(page);
    assert.equal(violations.length, 0, `axe on the front page:\n${describeViolations(violations)}`);

    await now.getByRole('link', { name: 'Kotipalvelu' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForSelector('article.guide');
    const inForce = page.locator('article.guide .scenario-notice');
    await inForce.waitFor();
    assert.equal(await inForce.locator('h2').innerText(), 'Nyt voimassa: Asiakkaat eivät voi tulla kirjastoon');
    assert.match(await inForce.innerText(), /jätetään oven taakse/);
    violations = await axeViolations(page);
    assert.equal(violations.length, 0, `axe on a model in force:\n${describeViolations(violations)}`);
    assertClean();
    await context.close();
  } finally {
    await api('/libraries/kalajoki/scenario', { method: 'PUT', token, body: { scenario: 'normal' } });
  }
});

test('staff write a model with the keyboard, publish it, and a stale edit is refused without losing it', async () => {
  const { page, context, allow, assertClean } = await openPage(browser, server.base);
  allow('/api/v1/guides', 422);
  allow('/api/v1/guides/', 409);
  await signInWithPassword(page, DEMO.staff.email, DEMO.staff.password);
  await page.goto('/staff');
  await appReady(page);
  await page.getByRole('link', { name: 'Kirjastosi toimintamallit' }).press('Enter');
  await page.waitForURL('**/staff/guides');
  await page.waitForSelector('.guide-list');
  assert.equal(await page.locator('.guide-list > li').count(), 4);
  await page.getByRole('link', { name: 'Kirjoita uusi toimintamalli' }).press('Enter');
  await page.waitForURL('**/staff/guides?edit=new');
  await page.waitForSelector('.guide-form');

  // Sending it empty names each required field.
  await page.getByRole('button', { name: 'Tallenna' }).press('Enter');
  await page.waitForFunction(() => document.activeElement?.classList.contains('error-summary'));
  const summary = await page.locator('.error-summary:not([hidden])').innerText();
  for (const label of ['Otsikko', 'Tarkoitus', 'Kenelle', 'Miten palvelu toimii', 'Miten saat palvelun']) {
    assert.match(summary, new RegExp(label), summary);
  }
  await page.locator('#guide-title').fill('Lukulista sähköpostiin');
  await page.locator('#guide-service').selectOption('other');
  await page.locator('#guide-purpose').fill('Asiakas saa joka kuukausi **lukulistan**.');
  await page.locator('#guide-audience').fill('Kaikki, jotka haluavat lukuvinkkejä.');
  await page.locator('#guide-steps-text').fill('1. Tilaa lista.\n2. Saat listan sähköpostiin.');
  await page.locator('#guide-how').fill('Soita kirjastoon.');
  await page.locator('#guide-variant-staff_remote').fill('Lista kootaan etänä.');
  await page.locator('#guide-published').focus();
  await page.keyboard.press('Space');
  await page.getByRole('button', { name: 'Tallenna' }).press('Enter');
  await page.waitForURL(/\/guides\/[0-9a-f-]{36}$/);
  await page.waitForSelector('article.guide');
  assert.equal(await page.locator('h1').innerText(), 'Lukulista sähköpostiin');
  assert.equal(await page.locator('#guide-purpose + .markdown strong').innerText(), 'lukulistan');
  assert.deepEqual(await page.locator('article.guide h3').allInnerTexts(), ['Henkilökunta tekee etätyötä']);
  const id = page.url().split('/').pop();
  const anonymous = await api(`/guides/${id}`);
  assert.equal(anonymous.status, 200, 'published for everyone');

  // Edited with a note: version 2, and the history names both versions.
  await page.getByRole('link', { name: 'Muokkaa' }).press('Enter');
  await page.waitForURL('**/staff/guides?edit=*');
  await page.waitForSelector('.guide-history li');
  assert.equal(await page.locator('#guide-title').inputValue(), 'Lukulista sähköpostiin');
  assert.equal(await page.locator('#guide-variant-staff_remote').inputValue(), 'Lista kootaan etänä.');
  // An edit without a title names the field, marked at the field itself.
  await page.locator('#guide-title').fill('');
  await page.getByRole('button', { name: 'Tallenna' }).press('Enter');
  await page.waitForFunction(() => document.activeElement?.classList.contains('error-summary'));
  assert.match(await page.locator('.error-summary:not([hidden])').innerText(), /Otsikko/);
  assert.equal(await page.locator('#guide-title').getAttribute('aria-invalid'), 'true');
  await page.locator('#guide-title').fill('Lukulista sähköpostiin');
  await page.locator('#guide-how').fill('Soita kirjastoon tai tilaa verkossa.');
  await page.locator('#guide-note').fill('Verkkotilaus lisätty.');
  await page.getByRole('button', { name: 'Tallenna' }).press('Enter');
  await page.waitForURL(/\/guides\/[0-9a-f-]{36}$/);
  await page.waitForFunction(() => /Versio 2/.test(document.querySelector('.meta')?.textContent ?? ''));
  await page.getByRole('link', { name: 'Muokkaa' }).press('Enter');
  await page.waitForSelector('.guide-history li');
  const history = await page.locator('.guide-history li').allInnerTexts();
  assert.equal(history.length, 2);
  assert.match(history[0], /^Versio 2: .*Liisa Kirjastonhoitaja – Verkkotilaus lisätty\.$/);

  let violations = await axeViolations(page);
  assert.equal(violations.length, 0, `axe on the editor:\n${describeViolations(violations)}`);

  // Someone else saves meanwhile: this save is refused with what to do, and the text stays.
  const token = await adminToken();
  const { body: revisions } = await api(`/guides/${id}/revisions?limit=1`, { token });
  const theirs = { ...revisions.items[0].guide, title: 'Lukulista (toisen muokkaama)' };
  const other = await api(`/guides/${id}`, { method: 'PUT', token, body: { version: 2, note: 'Toinen', guide: theirs } });
  assert.equal(other.status, 200, JSON.stringify(other.body));
  await page.locator('#guide-title').fill('Minun otsikkoni');
  await page.getByRole('button', { name: 'Tallenna' }).press('Enter');
  await page.waitForFunction(() => document.activeElement?.classList.contains('error-summary'));
  assert.match(await page.locator('.guide-form').evaluate((f) => f.previousElementSibling?.textContent ?? ''), /Joku tallensi mallista uudemman version/);
  assert.equal(await page.locator('#guide-title').inputValue(), 'Minun otsikkoni', 'the text is kept');
  const stored = await api(`/guides/${id}`);
  assert.equal(stored.body.title, 'Lukulista (toisen muokkaama)');
  // The version saved meanwhile is linked; saving again replaces it knowingly.
  await page.waitForSelector('.notice a[href^="/guides/"]');
  assert.match(await page.locator('.notice a[href^="/guides/"]').innerText(), /versio 3$/);
  await page.getByRole('button', { name: 'Tallenna' }).press('Enter');
  await page.waitForURL(/\/guides\/[0-9a-f-]{36}$/);
  await page.waitForFunction(() => document.querySelector('h1')?.textContent === 'Minun otsikkoni');
  assert.match(await page.locator('.meta').innerText(), /Versio 4/);
  await page.getByRole('link', { name: 'Muokkaa' }).press('Enter');
  await page.waitForSelector('.guide-form');

  for (const lang of ['sv', 'en']) {
    await page.evaluate((l) => localStorage.setItem('etakirjasto.lang', l), lang);
    await page.goto('/staff/guides?edit=new');
    await appReady(page);
    await page.waitForSelector('.guide-form');
    violations = await axeViolations(page);
    assert.equal(violations.length, 0, `axe on the editor (${lang}):\n${describeViolations(violations)}`);
  }
  await page.evaluate(() => localStorage.setItem('etakirjasto.lang', 'fi'));
  assertClean();
  await context.close();
});

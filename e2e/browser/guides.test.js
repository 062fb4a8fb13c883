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
  assert.match(await page.title(), /^Kotipalvelu – Etäkirjasto$/);
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

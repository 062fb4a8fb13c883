// Partner systems: an admin reaches the page from the dashboard with the keyboard, is told field by
// field what an empty form lacks, makes a client (the secret is shown once, its heading takes focus,
// and the secret really works at /oauth/token), sees the client's calls as a table, and revokes it
// after a confirmation step (the token stops at once). Staff who are not admins are told the page is
// for admins. No axe violations in fi, sv and en.
'use strict';

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const {
  DEMO, startServer, launchBrowser, openPage, appReady, axeViolations, describeViolations,
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

async function exchange(clientId, secret) {
  const res = await fetch(`${server.base}/api/v1/oauth/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: secret }),
  });
  return { status: res.status, body: await res.json() };
}


test('an admin makes a partner client, sees its secret once and its calls, and revokes it', async () => {
  const { page, context, assertClean } = await openPage(browser, server.base);
  await signInWithPassword(page, DEMO.admin.email, DEMO.admin.password);
  await page.goto('/staff');
  await appReady(page);
  await page.getByRole('link', { name: 'Kumppanijärjestelmät (ylläpitäjille)' }).press('Enter');
  await page.waitForURL('**/staff/api-clients');
  await page.getByText('Ei vielä yhtään.').waitFor();

  // Sent empty: the summary takes focus and names the name and the scopes.
  await page.getByRole('button', { name: 'Luo tunnus' }).press('Enter');
  await page.waitForFunction(() => document.activeElement?.classList.contains('error-summary'));
  const summary = await page.locator('.error-summary').innerText();
  assert.match(summary, /Järjestelmän nimi: Tämä tieto puuttuu\./);
  assert.match(summary, /Mitä järjestelmä saa tehdä: Tämä tieto puuttuu\./);
  assert.equal(await page.locator('#client-name').getAttribute('aria-invalid'), 'true');
  let violations = await axeViolations(page);
  assert.equal(violations.length, 0, `axe on the form with errors:\n${describeViolations(violations)}`);

  // Filled with the keyboard.
  await page.locator('#client-name').focus();
  await page.keyboard.type('Kalajoen kaupungin verkkosivut');
  await page.getByLabel('Lukea tapahtumat').focus();
  await page.keyboard.press('Space');
  await page.getByLabel('Ilmoittaa asiakkaita tapahtumiin').focus();
  await page.keyboard.press('Space');
  await page.locator('#client-origins').fill('https://www.kalajoki.fi');
  await page.locator('#client-rate').fill('120');
  await page.getByRole('button', { name: 'Luo tunnus' }).press('Enter');

  // The secret, shown once: its heading has focus, and it works.
  await page.waitForFunction(() => document.activeElement?.id === 'client-secret-heading');
  assert.equal(await page.locator('[role=status]').first().innerText(), 'Tunnus luotu.');
  const secret = await page.locator('[data-testid=client-secret]').innerText();
  assert.match(secret, /^eks_/);
  const card = page.locator('li.card', { has: page.locator('h3', { hasText: 'Kalajoen kaupungin verkkosivut' }) });
  const clientId = await card.locator('dd code').first().innerText();
  const { status, body: granted } = await exchange(clientId, secret);
  assert.equal(status, 200, JSON.stringify(granted));
  assert.equal(granted.scope, 'events:read registrations:write');
  const call = await fetch(`${server.base}/api/v1/events?limit=1`, { headers: { Authorization: `Bearer ${granted.access_token}` } });
  assert.equal(call.status, 200);
  assert.match(await card.innerText(), /https:\/\/www\.kalajoki\.fi/);
  assert.match(await card.innerText(), /120 kutsua minuutissa/);
  violations = await axeViolations(page);
  assert.equal(violations.length, 0, `axe with the secret shown:\n${describeViolations(violations)}`);

  // Stored: the panel goes, and focus is on the client's heading.
  await page.getByRole('button', { name: 'Salaisuus on tallessa' }).press('Enter');
  await page.waitForFunction((id) => document.activeElement?.id === `client-${id}`, clientId);
  assert.equal(await page.locator('[data-testid=client-secret]').count(), 0);

  // Its calls, as a table.
  await card.getByRole('button', { name: 'Näytä kutsut' }).press('Enter');
  const row = card.locator('table tbody tr').first();
  await row.waitFor();
  assert.match(await row.innerText(), /GET \/api\/v1\/events\s+200/);

  // Revoked after a confirmation step; the token stops at once.
  await card.getByRole('button', { name: 'Lopeta käyttö' }).press('Enter');
  await page.waitForFunction((id) => document.activeElement?.id === `client-${id}-confirm`, clientId);
  await page.keyboard.press('Enter');
  await card.getByText(/käyttö lopetettu/).waitFor();
  await page.waitForFunction((id) => document.activeElement?.id === `client-${id}`, clientId);
  assert.equal(await page.locator('[role=status]').first().innerText(), 'Käyttö lopetettu.');
  assert.equal(await card.getByRole('button', { name: 'Tee uusi salaisuus' }).count(), 0);
  const after = await fetch(`${server.base}/api/v1/events?limit=1`, { headers: { Authorization: `Bearer ${granted.access_token}` } });
  assert.equal(after.status, 401);

  for (const lang of ['fi', 'sv', 'en']) {
    await page.evaluate((l) => localStorage.setItem('etakirjasto.lang', l), lang);
    await page.goto('/staff/api-clients');
    await appReady(page);
    await page.waitForSelector('li.card');
    await page.locator('li.card button[aria-expanded]').first().press('Enter');
    await page.waitForSelector('li.card table');
    violations = await axeViolations(page);
    assert.equal(violations.length, 0, `axe on the partner systems (${lang}):\n${describeViolations(violations)}`);
  }
  await page.evaluate(() => localStorage.setItem('etakirjasto.lang', 'fi'));
  assertClean();
  await context.close();
});

test('staff who are not admins are told the page is for admins', async () => {
  const { page, context, assertClean } = await openPage(browser, server.base);
  await signInWithPassword(page, DEMO.staff.email, DEMO.staff.password);
  await page.goto('/staff');
  await appReady(page);
  assert.equal(await page.getByRole('link', { name: 'Kumppanijärjestelmät (ylläpitäjille)' }).count(), 0);
  await page.goto('/staff/api-clients');
  await appReady(page);
  await page.getByText('Kumppanijärjestelmiä hallitsevat kirjaston ylläpitäjät.').waitFor();
  assertClean();
  await context.close();
});

// Staff training: a staff member reaches their training from the dashboard with the keyboard, ticks
// a checklist item (saved at once, announced, focus stays on the box), books a practice with a
// colleague and calls it off, and rates their confidence; an admin takes a sign-off back and gives
// it again in the competence matrix, focus staying on the cell's button. No axe violations in fi,
// sv and en.
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

const PEKKA = { email: 'pekka@kalajoki.example', password: 'demo-staff-2026', name: 'Pekka Informaatikko' };

async function api(path, { method = 'GET', token, body } = {}) {
  const headers = { Accept: 'application/json' };
  if (body) headers['Content-Type'] = 'application/json';
  if (token) headers.Authorization = `Bearer ${token}`;
  const res = await fetch(`${server.base}/api/v1${path}`, { method, headers, body: body && JSON.stringify(body) });
  return { status: res.status, body: await res.json() };
}

async function tokenFor(who) {
  const credentials = {
    email: who.email,
    password: who.password,
    one_time_code: await freshCode(server.base, who.email),
  };
  const { status, body } = await api('/auth/login', { method: 'POST', body: credentials });
  assert.equal(status, 200, JSON.stringify(body));
  return body.access_token;
}

/** The module section whose heading is `title`. */
function moduleSection(page, title) {
  return page.locator('section.training-module').filter({ has: page.locator('h3', { hasText: title }) });
}

test('a staff member ticks an item, books and calls off a practice, and rates their confidence', async () => {
  const { page, context, assertClean } = await openPage(browser, server.base);
  await signInWithPassword(page, PEKKA.email, PEKKA.password);
  await page.goto('/staff');
  await appReady(page);
  await page.getByRole('link', { name: 'Koulutus ja osaaminen' }).press('Enter');
  await page.waitForURL('**/staff/training');
  await page.waitForSelector('section.training-module');
  assert.equal(await page.locator('section.training-module').count(), 4);

  // The privacy module: two of three done; Space on the third saves it, and focus stays there.
  const privacy = moduleSection(page, 'Kotipalvelun tietosuoja');
  assert.equal(await privacy.locator('.training-progress').innerText(), '2/3 tehty');
  const third = privacy.locator('input[type=checkbox]').nth(2);
  assert.equal(await third.isChecked(), false);
  await third.focus();
  await page.keyboard.press('Space');
  await page.waitForFunction(() => document.querySelector('#training-outcome')?.innerText
    === 'Merkitty tehdyksi: Tiedä, että katselut kirjataan lokiin');
  await privacy.locator('.training-progress', { hasText: '3/3 tehty · Valmis' }).waitFor();
  assert.equal(await third.evaluate((e) => e === document.activeElement), true);
  const token = await tokenFor(PEKKA);
  const { body: modules } = await api('/training/modules?library=kalajoki', { token });
  const stored = modules.find((m) => m.title.fi === 'Kotipalvelun tietosuoja');
  assert.equal(stored.progress.complete, true);

  // A practice of the video module with Liisa tomorrow at 10, booked with the keyboard.
  const video = moduleSection(page, 'Videoistunnon pitäminen');
  const tomorrow = new Date(Date.now() + 24 * 3600 * 1000).toISOString().slice(0, 10);
  await video.getByLabel('Kollega', { exact: true }).selectOption({ label: DEMO.staff.name });
  await video.getByLabel('Päivä', { exact: true }).fill(tomorrow);
  await video.getByLabel('Kellonaika', { exact: true }).fill('10:00');
  const bookButton = video.getByRole('button', { name: 'Varaa harjoitus' });
  await bookButton.press('Enter');
  await page.waitForFunction(() => document.querySelector('#training-outcome')?.innerText === 'Harjoitus on varattu.');
  assert.equal(await bookButton.evaluate((e) => e === document.activeElement), true, 'focus stays on the button');
  const booked = video.locator('.practice-list li', { hasText: 'varattu' });
  await booked.waitFor();
  assert.match(await booked.innerText(), /Harjoittelet kollegan kanssa: Liisa Kirjastonhoitaja · .* klo 10\.00 · varattu/);
  // The trainee cannot record it held, only call it off.
  assert.equal(await booked.getByRole('button', { name: /Merkitse pidetyksi/ }).count(), 0);
  await booked.getByRole('button', { name: /Peru harjoitus/ }).press('Enter');
  await video.locator('.practice-list li', { hasText: 'peruttu' }).waitFor();
  // The button went with the list: focus is on the practice part's heading.
  await page.waitForFunction(() => document.activeElement?.tagName === 'H4'
    && document.activeElement.innerText === 'Harjoitus kollegan kanssa');
  const { body: after } = await api('/training/modules?library=kalajoki', { token });
  const practice = after.find((m) => m.title.fi === 'Videoistunnon pitäminen').progress.practices
    .find((p) => p.trainee.name === PEKKA.name && p.colleague?.name === DEMO.staff.name && p.state === 'cancelled');
  assert.ok(practice, 'the practice is stored, called off');

  // Confidence for the first session type: saved and announced.
  const form = page.locator('form.confidence-form').first();
  await form.getByLabel('Ennen koulutusta').selectOption('1');
  await form.getByLabel('Koulutuksen jälkeen').selectOption('5');
  await form.getByRole('button', { name: 'Tallenna arviot' }).press('Enter');
  await form.locator('[role=status]', { hasText: 'Tallennettu.' }).waitFor();
  const { body: matrix } = await api('/training/matrix?library=kalajoki', { token });
  const own = matrix.people[0].cells[0];
  assert.deepEqual([own.confidence_before, own.confidence_after], [1, 5]);
  // A staff member sees no matrix of others.
  assert.equal(await page.locator('.matrix-table').count(), 0);

  for (const lang of ['fi', 'sv', 'en']) {
    await page.evaluate((l) => localStorage.setItem('etakirjasto.lang', l), lang);
    await page.goto('/staff/training');
    await appReady(page);
    await page.waitForSelector('section.training-module');
    await page.waitForSelector('.readiness-table');
    await page.locator('section.training-module details summary').first().click();
    const violations = await axeViolations(page);
    assert.equal(violations.length, 0, `axe on the training (${lang}):\n${describeViolations(violations)}`);
  }
  await page.evaluate(() => localStorage.setItem('etakirjasto.lang', 'fi'));
  assertClean();
  await context.close();
});

test('an admin takes a sign-off back and gives it again in the matrix with the keyboard', async () => {
  const { page, context, assertClean } = await openPage(browser, server.base);
  await signInWithPassword(page, DEMO.admin.email, DEMO.admin.password);
  await page.goto('/staff/training');
  await appReady(page);
  await page.waitForSelector('.matrix-table tbody tr');
  assert.deepEqual(await page.locator('.matrix-table tbody th').allInnerTexts(), [
    'Aino Ylläpitäjä (3/4 koulutusta valmiina)',
    'Liisa Kirjastonhoitaja (4/4 koulutusta valmiina)',
    'Pekka Informaatikko (4/4 koulutusta valmiina)',
  ]);
  const takeBack = page.getByRole('button', { name: 'Peru hyväksyntä: Pekka Informaatikko, Lukuneuvonta' });
  await takeBack.focus();
  await page.keyboard.press('Enter');
  const signOff = page.getByRole('button', { name: 'Hyväksy: Pekka Informaatikko, Lukuneuvonta' });
  await signOff.waitFor();
  await page.waitForFunction(() => document.activeElement?.innerText === 'Hyväksy');
  assert.equal(await page.locator('#training-outcome').innerText(), 'Pekka Informaatikko: koulutettu, odottaa hyväksyntää');
  const token = await tokenFor(DEMO.admin);
  const cellOf = async () => {
    const { body } = await api('/training/matrix?library=kalajoki', { token });
    const at = body.services.findIndex((s) => s.name.fi === 'Lukuneuvonta');
    return body.people.find((p) => p.staff.name === PEKKA.name).cells[at];
  };
  assert.equal((await cellOf()).state, 'trained');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.innerText === 'Peru hyväksyntä');
  assert.equal((await cellOf()).state, 'competent');

  for (const lang of ['fi', 'sv', 'en']) {
    await page.evaluate((l) => localStorage.setItem('etakirjasto.lang', l), lang);
    await page.goto('/staff/training');
    await appReady(page);
    await page.waitForSelector('.matrix-table tbody tr');
    await page.waitForSelector('.readiness-table');
    const violations = await axeViolations(page);
    assert.equal(violations.length, 0, `axe on the matrix (${lang}):\n${describeViolations(violations)}`);
  }
  await page.evaluate(() => localStorage.setItem('etakirjasto.lang', 'fi'));
  assertClean();
  await context.close();
});

test('an admin writes a module with the keyboard, and an empty one is refused field by field', async () => {
  const { page, context, allow, assertClean } = await openPage(browser, server.base);
  allow('/api/v1/training/modules', 422);
  await signInWithPassword(page, DEMO.admin.email, DEMO.admin.password);
  await page.goto('/staff/training');
  await appReady(page);
  await page.getByRole('link', { name: 'Uusi koulutus' }).press('Enter');
  await page.waitForURL('**/staff/training?edit=new');
  await page.waitForSelector('form.module-editor');

  // Saved empty: the summary takes focus and names the title, the guide and the item's text.
  await page.getByRole('button', { name: 'Tallenna koulutus' }).press('Enter');
  await page.waitForFunction(() => document.activeElement?.classList.contains('error-summary'));
  const summary = await page.locator('.error-summary').innerText();
  assert.match(summary, /Koulutuksen nimi \(Suomeksi\): Tämä tieto puuttuu\./);
  assert.match(summary, /Ohje \(Suomeksi\): Tämä tieto puuttuu\./);
  assert.match(summary, /Tehtävä 1 \(Suomeksi\): Tämä tieto puuttuu\./);
  assert.equal(await page.locator('#tm-title-fi').getAttribute('aria-invalid'), 'true');
  let violations = await axeViolations(page);
  assert.equal(violations.length, 0, `axe on the module editor with errors:\n${describeViolations(violations)}`);

  await page.locator('#tm-title-fi').fill('Etäohjaus käytännössä');
  await page.locator('#tm-body-fi').fill('1. Sovi aika.\n2. Soita koepuhelu.');
  await page.locator('#tm-i-0-fi').fill('Lue ohje');
  await page.getByRole('button', { name: 'Lisää tehtävä' }).press('Enter');
  await page.waitForFunction(() => document.activeElement?.id === 'tm-i-1-fi');
  await page.keyboard.type('Kokeile kollegan kanssa');
  await page.locator('#tm-practice').focus();
  await page.keyboard.press('Space');
  await page.getByLabel('Harjoituspuhelu').focus();
  await page.keyboard.press('Space');
  await page.getByRole('button', { name: 'Tallenna koulutus' }).press('Enter');
  await page.waitForURL(/\/staff\/training$/);
  const written = moduleSection(page, 'Etäohjaus käytännössä');
  await written.waitFor();
  assert.equal(await written.locator('.training-progress').innerText(), '0/2 tehty');
  assert.match(await written.innerText(), /Vaaditaan palveluun: Harjoituspuhelu/);
  assert.equal(await written.locator('ol li').count(), 2, 'the guide is shown as a numbered list');

  // Changed through its edit link: a new version.
  await written.getByRole('link', { name: 'Muokkaa: Etäohjaus käytännössä' }).press('Enter');
  await page.waitForURL(/\/staff\/training\?edit=/);
  await page.waitForSelector('#tm-title-sv');
  assert.equal(await page.locator('#tm-i-1-fi').inputValue(), 'Kokeile kollegan kanssa');
  await page.locator('#tm-title-sv').fill('Distansvägledning i praktiken');
  for (const lang of ['fi', 'sv', 'en']) {
    if (lang !== 'fi') {
      await page.evaluate((l) => localStorage.setItem('etakirjasto.lang', l), lang);
      await page.reload();
      await appReady(page);
      await page.waitForSelector('#tm-title-sv');
    }
    violations = await axeViolations(page);
    assert.equal(violations.length, 0, `axe on the module editor (${lang}):\n${describeViolations(violations)}`);
  }
  await page.evaluate(() => localStorage.setItem('etakirjasto.lang', 'fi'));
  await page.reload();
  await appReady(page);
  await page.waitForSelector('#tm-title-sv');
  await page.locator('#tm-title-sv').fill('Distansvägledning i praktiken');
  await page.getByRole('button', { name: 'Tallenna koulutus' }).press('Enter');
  await page.waitForURL(/\/staff\/training$/);
  const token = await tokenFor(DEMO.admin);
  const { body: modules } = await api('/training/modules?library=kalajoki', { token });
  const stored = modules.find((m) => m.title.fi === 'Etäohjaus käytännössä');
  assert.equal(stored.version, 2);
  assert.equal(stored.title.sv, 'Distansvägledning i praktiken');
  assert.equal(stored.practice, true);
  assert.deepEqual(stored.items.map((i) => i.text.fi), ['Lue ohje', 'Kokeile kollegan kanssa']);
  assertClean();
  await context.close();
});

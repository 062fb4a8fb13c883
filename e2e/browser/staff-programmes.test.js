// The staff's programme offers and units: staff publish a programme with two times typed as dates
// and clock times (one in winter, one in summer, so the library's offset must change with the
// clocks), change it, and add a care home naming its contact person; a mistake is named at its
// field first. No axe violations on either page in fi, sv and en.
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

/** The public offers, as any unit sees them. */
async function offers() {
  const res = await fetch(`${server.base}/api/v1/programme-offers?limit=100`, { headers: { Accept: 'application/json' } });
  assert.equal(res.status, 200);
  return (await res.json()).items;
}

test('staff publish a programme with a winter and a summer time, then change it', async () => {
  const { page, context, allow, assertClean } = await openPage(browser, server.base);
  allow('/api/v1/programme-offers', 422);
  await signInWithPassword(page, DEMO.staff.email, DEMO.staff.password);
  await page.goto('/staff');
  await appReady(page);
  await page.getByRole('link', { name: 'Ohjelmatarjonta ja ajat' }).click();
  await page.waitForURL('**/staff/programme-offers');
  await page.waitForSelector('.staff-offers');
  assert.match(await page.locator('.staff-offers').innerText(), /Muistojen tuokio/);
  await page.getByRole('link', { name: 'Uusi ohjelma' }).click();
  await page.waitForURL('**/staff/programme-offers?offer=new');

  // Saving without a title names that field and moves focus to the summary.
  await page.locator('#title-fi').waitFor();
  await page.locator('#duration').fill('45');
  await page.getByRole('button', { name: 'Tallenna' }).click();
  await page.waitForFunction(() => document.activeElement?.classList.contains('error-summary'));
  assert.match(await page.locator('.error-summary:not([hidden])').innerText(), /Nimi suomeksi: /);

  const year = new Date().getUTCFullYear() + 1;
  await page.locator('#title-fi').fill('Lauluhetki');
  await page.locator('#title-en').fill('Singing hour');
  await page.locator('#description-fi').fill('Laulamme tuttuja lauluja yhdessä.');
  await page.getByRole('button', { name: 'Lisää aika' }).click();
  // The new row's date takes focus, so the keyboard carries on from there.
  await page.waitForFunction(() => document.activeElement?.id === 'time-0-date');
  await page.locator('#time-0-date').fill(`${year}-01-12`);
  await page.locator('#time-0-clock').fill('13:00');
  await page.getByRole('button', { name: 'Lisää aika' }).click();
  await page.locator('#time-1-date').fill(`${year}-07-13`);
  await page.locator('#time-1-clock').fill('13:00');
  await page.getByRole('button', { name: 'Tallenna' }).click();
  await page.waitForFunction(() => /Tallennettu\./.test(document.querySelector('.confirmation')?.textContent ?? ''));

  let mine = (await offers()).find((o) => o.title.fi === 'Lauluhetki');
  assert.ok(mine, 'the offer is published');
  assert.equal(mine.title.en, 'Singing hour');
  assert.equal(mine.duration_minutes, 45);
  assert.deepEqual(mine.times.map((t) => t.start), [`${year}-01-12T13:00:00+02:00`, `${year}-07-13T13:00:00+03:00`]);

  // Saving again changes the same offer: the winter time goes, the length changes.
  await page.getByRole('button', { name: 'Poista aika (Aika 1)' }).click();
  await page.locator('#duration').fill('60');
  await page.getByRole('button', { name: 'Tallenna' }).click();
  await page.waitForFunction(() => /Tallennettu\./.test(document.querySelector('.confirmation')?.textContent ?? ''));
  const all = (await offers()).filter((o) => o.title.fi === 'Lauluhetki');
  assert.equal(all.length, 1, 'one offer, not two');
  mine = all[0];
  assert.equal(mine.duration_minutes, 60);
  assert.deepEqual(mine.times.map((t) => [t.start, t.end]), [[`${year}-07-13T13:00:00+03:00`, `${year}-07-13T14:00:00+03:00`]]);

  // The list shows it, and opening it again shows the summer time as typed.
  await page.goto('/staff/programme-offers');
  await appReady(page);
  await page.getByRole('link', { name: /^Muokkaa\s*: Lauluhetki$/ }).click();
  await page.locator('#time-0-date').waitFor();
  assert.equal(await page.locator('#time-0-date').inputValue(), `${year}-07-13`);
  assert.equal(await page.locator('#time-0-clock').inputValue(), '13:00');
  assert.equal(await page.locator('#duration').inputValue(), '60');
  assertClean();
  await context.close();
});

test('staff add a care home and name its contact person by email', async () => {
  const { page, context, allow, assertClean } = await openPage(browser, server.base);
  allow('/api/v1/organisations', 422);
  await signInWithPassword(page, DEMO.staff.email, DEMO.staff.password);
  await page.goto('/staff');
  await appReady(page);
  await page.getByRole('link', { name: 'Palvelutalot ja hoivakodit' }).click();
  await page.waitForURL('**/staff/organisations');
  await page.waitForSelector('.staff-organisations');
  assert.match(await page.locator('.staff-organisations').innerText(), /Kotirinne/);
  await page.getByRole('link', { name: 'Lisää yksikkö' }).click();
  await page.locator('#organisation-name').fill('Päiväkeskus Kotiranta');
  await page.locator('#organisation-kind').selectOption('day_centre');
  // An email with no account of the library is named at its field.
  await page.locator('#contact-email').fill('ei-tunnusta@example.fi');
  await page.locator('#contact-email').press('Enter');
  await page.waitForFunction(() => document.activeElement?.classList.contains('error-summary'));
  assert.match(await page.locator('.error-summary:not([hidden])').innerText(), /Yhteyshenkilön sähköposti: /);
  assert.equal(await page.locator('#contact-email').getAttribute('aria-invalid'), 'true');
  await page.locator('#contact-email').fill(DEMO.patron.email);
  await page.locator('#contact-email').press('Enter');
  await page.waitForFunction(() => /Tallennettu\./.test(document.querySelector('.confirmation')?.textContent ?? ''));

  await page.getByRole('link', { name: 'Takaisin yksiköihin' }).click();
  await page.waitForSelector('.staff-organisations');
  const item = page.locator('.staff-organisations li', { hasText: 'Päiväkeskus Kotiranta' });
  assert.match(await item.innerText(), /Päiväkeskus/);
  assert.match(await item.innerText(), new RegExp(DEMO.patron.name));
  assertClean();
  await context.close();
});

test('axe finds no violations on the staff\'s offers and units pages in fi, sv and en', async () => {
  const { page, context, assertClean } = await openPage(browser, server.base);
  await signInWithPassword(page, DEMO.staff.email, DEMO.staff.password);
  for (const lang of ['fi', 'sv', 'en']) {
    await page.evaluate((l) => localStorage.setItem('etakirjasto.lang', l), lang);
    for (const [path, ready] of [
      ['/staff/programme-offers', '.staff-offers'],
      ['/staff/programme-offers?offer=new', '#title-fi'],
      ['/staff/organisations', '.staff-organisations'],
      ['/staff/organisations?organisation=new', '#organisation-name'],
    ]) {
      await page.goto(path);
      await appReady(page);
      await page.waitForSelector(ready);
      if (path.endsWith('offer=new')) await page.locator('form .button-secondary').first().click();
      const violations = await axeViolations(page);
      assert.equal(violations.length, 0, `axe on ${path} (${lang}):\n${describeViolations(violations)}`);
    }
  }
  assertClean();
  await context.close();
});

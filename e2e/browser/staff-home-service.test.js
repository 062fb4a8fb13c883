// The home-delivery service for staff: an application waits in the queue; staff decline one with a
// reason (a missing reason is named at its field) and approve another with the keyboard; the round
// of the next weekday lists the demo clients by postcode and street with what to bring and collect,
// and prints without the page's frame. A volunteer sees only their own stops. No axe violations in
// fi, sv and en.
'use strict';

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const {
  DEMO, startServer, launchBrowser, openPage, appReady, signInWithPassword, axeViolations,
  describeViolations,
} = require('./helpers');

const VOLUNTEER = { email: 'veikko@example.fi', password: 'demo-vapaaehtoinen-2026' };

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

/** Today in the library's zone, `YYYY-MM-DD`. */
function helsinkiToday() {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Helsinki' }).format(new Date());
}

/** The weekday after `iso`: the demo round's day. */
function nextWeekday(iso) {
  const d = new Date(`${iso}T12:00:00Z`);
  do d.setUTCDate(d.getUTCDate() + 1); while (d.getUTCDay() === 0 || d.getUTCDay() === 6);
  return d.toISOString().slice(0, 10);
}

async function apply(name) {
  const res = await fetch(`${server.base}/api/v1/home-service/applications`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({
      library: 'kalajoki', relation: 'relative', applicant_name: 'Pekka Testinen', applicant_phone: '0401234567',
      name, street_address: 'Rantatie 5 B 12', postal_code: '85100', city: 'Kalajoki', phone: '0407654321',
      reasons: ['age'], formats: ['large_print', 'audiobook'], interests: 'Kotiseutu', frequency: 'every_two_weeks',
      days: ['tuesday'], day_part: 'morning', visit_notes: 'Soita ovikelloa kahdesti.', language: 'fi', consent: true,
    }),
  });
  assert.equal(res.status, 201);
}

test('staff decline one application with a reason and approve another with the keyboard', async () => {
  await apply('Aino Testinen');
  await apply('Bertta Testinen');
  const { page, context, allow, assertClean } = await openPage(browser, server.base);
  allow('/api/v1/home-service/applications/', 422);
  await signInWithPassword(page, DEMO.staff.email, DEMO.staff.password);
  await page.goto('/staff');
  await appReady(page);
  await page.getByRole('link', { name: 'Kotipalvelu: hakemukset, käynnit ja kierrokset' }).click();
  await page.waitForURL('**/staff/home-service');
  await page.waitForSelector('.home-queue');
  const queue = await page.locator('.home-queue').innerText();
  assert.match(queue, /Aino Testinen/);
  assert.match(queue, /Pekka Testinen \(omainen\)/);
  assert.match(queue, /isoteksti, äänikirja/);
  assert.match(queue, /joka toinen viikko/);

  // Declining without a reason names the field; with one, the application leaves the queue.
  const decline = page.getByRole('button', { name: /^Hylkää\s*: Bertta Testinen$/ });
  await decline.click();
  assert.equal(await decline.getAttribute('aria-expanded'), 'true');
  await page.locator('#decline-reason').press('Tab');
  await page.getByRole('button', { name: 'Lähetä hylkäys' }).click();
  await page.waitForFunction(() => document.activeElement?.classList.contains('error-summary'));
  assert.match(await page.locator('.error-summary:not([hidden])').innerText(), /Perustelu hakijalle: /);
  await page.locator('#decline-reason').fill('Osoite on toisen kirjaston alueella. Soita Ylivieskan kirjastoon.');
  await page.getByRole('button', { name: 'Lähetä hylkäys' }).press('Enter');
  await page.waitForFunction(() => /hylättiin/.test(document.querySelector('.confirmation')?.textContent ?? ''));
  await page.waitForFunction(() => !/Bertta Testinen/.test(document.querySelector('.home-queue')?.textContent ?? ''));

  // Approving with the keyboard alone.
  const approve = page.getByRole('button', { name: /^Hyväksy asiakkaaksi\s*: Aino Testinen$/ });
  await approve.focus();
  await page.keyboard.press('Space');
  await page.waitForFunction(() => /hyväksyttiin/.test(document.querySelector('.confirmation')?.textContent ?? ''));
  await page.waitForFunction(() => !/Aino Testinen/.test(document.querySelector('.home-queue')?.textContent ?? ''));
  assertClean();
  await context.close();
});

test('the next weekday\'s round lists the stops in street order and prints without the frame', async () => {
  const day = nextWeekday(helsinkiToday());
  const { page, context, assertClean } = await openPage(browser, server.base);
  await signInWithPassword(page, DEMO.staff.email, DEMO.staff.password);
  await page.goto('/staff/home-service');
  await appReady(page);
  await page.locator('#round-date').fill(day);
  await page.locator('#round-date').press('Enter');
  await page.waitForURL(`**/staff/home-service?round=${day}`);
  await page.waitForSelector('.round');
  const names = await page.locator('.round-stop h2').allInnerTexts();
  assert.deepEqual(names.filter((n) => n === 'Toivo Niemi' || n === 'Elli Koskinen'), ['Toivo Niemi', 'Elli Koskinen'],
    'Asematie comes before Rantatie');
  const elli = page.locator('.round-stop', { hasText: 'Elli Koskinen' });
  assert.match(await elli.innerText(), /Rantatie 12, 85100 Kalajoki/);
  assert.match(await elli.innerText(), /Ovikoodi 1234/);
  assert.match(await elli.innerText(), /Hae pois: .*Kotiranta, Anni Blomqvist \(isoteksti\)/);
  assert.match(await page.locator('.round-stop', { hasText: 'Toivo Niemi' }).innerText(), /Yhteyshenkilö: Marja Niemi/);

  await page.emulateMedia({ media: 'print' });
  for (const selector of ['.no-print', 'header']) {
    const shown = await page.locator(selector).first().evaluate((el) => getComputedStyle(el).display);
    assert.equal(shown, 'none', `${selector} is not printed`);
  }
  await page.emulateMedia({ media: 'screen' });
  assertClean();
  await context.close();
});

test('a volunteer sees only their own stops', async () => {
  const day = nextWeekday(helsinkiToday());
  const { page, context, assertClean } = await openPage(browser, server.base);
  await signInWithPassword(page, VOLUNTEER.email, VOLUNTEER.password);
  await page.goto(`/staff/home-service?round=${day}`);
  await appReady(page);
  await page.waitForSelector('.round');
  const names = await page.locator('.round-stop h2').allInnerTexts();
  assert.ok(names.includes('Toivo Niemi'), names.join(', '));
  assert.ok(!names.includes('Elli Koskinen'), names.join(', '));
  assertClean();
  await context.close();
});

test('axe finds no violations on the home-delivery pages in fi, sv and en', async () => {
  await apply('Cecilia Testinen');
  const day = nextWeekday(helsinkiToday());
  const { page, context, assertClean } = await openPage(browser, server.base);
  await signInWithPassword(page, DEMO.staff.email, DEMO.staff.password);
  for (const lang of ['fi', 'sv', 'en']) {
    await page.evaluate((l) => localStorage.setItem('etakirjasto.lang', l), lang);
    for (const [path, ready] of [['/staff/home-service', '.home-queue'], [`/staff/home-service?round=${day}`, '.round']]) {
      await page.goto(path);
      await appReady(page);
      await page.waitForSelector(ready);
      if (ready === '.home-queue') {
        await page.locator('.home-queue .button-secondary').first().click();
        await page.locator('#decline-reason').waitFor();
      }
      const violations = await axeViolations(page);
      assert.equal(violations.length, 0, `axe on ${path} (${lang}):\n${describeViolations(violations)}`);
    }
  }
  assertClean();
  await context.close();
});

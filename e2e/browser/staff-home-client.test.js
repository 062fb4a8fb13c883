// One home-delivery client, as the library's home-service staff work with them: the dashboard's
// client list and monthly figures lead to Elli's page; the chooser picks an item for her coming
// visit, is warned with the day that she has had one before and adds it anyway; a visit added for
// today is recorded as delivered, with what she liked and a book that came back, and moves to the
// history; her daughter becomes the contact person and the volunteer her deliverer; a pause is saved
// with its days. All with the keyboard. An admin then reads in the audit log who handled the data,
// filtered by action. No axe violations in fi, sv and en.
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

/** Today in the library's zone, `YYYY-MM-DD`. */
function helsinkiToday() {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Helsinki' }).format(new Date());
}

/** "30.11.2026" for `2026-11-30`. */
function finnishDay(iso) {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d}.${m}.${y}`;
}

/** Waits for the notice that takes focus with `pattern`: an earlier notice with the same words,
 * still shown but no longer focused, does not count. */
async function notice(page, pattern) {
  await page.waitForFunction(
    (source) => {
      const n = document.querySelector('.home-notice');
      return n !== null && n === document.activeElement && new RegExp(source).test(n.textContent);
    },
    pattern.source,
  );
}

/** Waits until the element's text matches `pattern` (lists are read again after a notice). */
async function textOf(page, selector, pattern) {
  await page.waitForFunction(
    ([sel, source]) => new RegExp(source).test(document.querySelector(sel)?.textContent ?? ''),
    [selector, pattern.source],
  );
}

test('the chooser is warned of a repeat, a visit is recorded and a pause saved, with the keyboard', async () => {
  const { page, context, allow, assertClean } = await openPage(browser, server.base);
  // The repeat warning is the server's 409 `already_delivered`.
  allow('/api/v1/home-service/visits/', 409);
  await signInWithPassword(page, DEMO.staff.email, DEMO.staff.password);
  await page.goto('/staff/home-service');
  await appReady(page);
  await page.waitForSelector('.home-clients');
  const figures = page.locator('table.figures');
  assert.match(await figures.locator('caption').innerText(), /kuuden viimeisen kuukauden/);
  assert.equal(await figures.locator('tbody tr').count(), 6, 'six months');
  assert.match(await page.locator('.home-clients').innerText(), /Onni Lehto\s+tauolla/);
  await page.locator('.home-clients a', { hasText: 'Elli Koskinen' }).focus();
  await page.keyboard.press('Enter');
  await page.waitForURL('**/staff/home-service?client=*');
  await page.waitForSelector('.home-history');
  await page.waitForFunction(() => document.querySelector('h1')?.textContent === 'Elli Koskinen');
  assert.match(await page.locator('.facts').innerText(), /Ovikoodi 1234/);
  const history = await page.locator('.home-history').innerText();
  assert.match(history, /Kotiranta, Anni Blomqvist \(isoteksti\)/);
  assert.match(history, /Mistä asiakas piti: Tykkäsi kovasti/);

  // The chooser picks a book she has had: warned with the day, then adds it anyway.
  const coming = page.locator('.home-visits > li').first();
  await coming.getByRole('button', { name: /^Valitse aineistoa\s*: / }).press('Enter');
  await page.locator('#item-title').fill('Kotiranta');
  await page.locator('#item-author').fill('anni  BLOMQVIST');
  await page.locator('#item-format').selectOption('large_print');
  await page.locator('#item-identifier').press('Enter');
  await page.waitForSelector('.repeat-warning');
  const warning = page.locator('.repeat-warning');
  assert.ok(await warning.evaluate((el) => el === document.activeElement), 'the warning takes focus');
  assert.match(await warning.innerText(), /on jo saanut tämän .*\d+\.\d+\.\d{4}/s);
  await warning.getByRole('button', { name: 'Lisää silti' }).press('Enter');
  await notice(page, /lisättiin käynnille/);
  await page.waitForFunction(() => /Kotiranta/.test(document.querySelector('.home-visits .item-list')?.textContent ?? ''));

  // The form stays open for the next item, emptied; a new book goes on without a warning, and
  // comes off again.
  assert.equal(await page.locator('#item-title').inputValue(), '');
  await page.locator('#item-title').fill('Sinuhe egyptiläinen');
  await page.locator('#item-author').fill('Mika Waltari');
  await page.locator('#item-title').press('Enter');
  await notice(page, /lisättiin käynnille/);
  await page.getByRole('button', { name: /^Poista\s*: Sinuhe egyptiläinen, Mika Waltari/ }).press('Enter');
  await notice(page, /poistettiin/);
  // The notice comes with the answer; the list is read again after it.
  await page.waitForFunction(() => !/Sinuhe/.test(document.querySelector('.home-visits')?.textContent ?? ''));
  assert.match(await page.locator('.home-visits').innerText(), /Kotiranta/);

  // A visit added for today is recorded as delivered, with what she liked and a book back.
  const today = helsinkiToday();
  await page.locator('#visit-day').fill(today);
  await page.locator('#visit-day').press('Enter');
  await notice(page, /Käynti lisättiin/);
  const todays = page.locator('.home-visits > li', { hasText: new RegExp(`\\s${finnishDay(today).replace(/\./g, '\\.')}(?!\\d)`) });
  await todays.getByRole('button', { name: /^Kirjaa käynti\s*: / }).press('Enter');
  // Saving without saying how it went names the question.
  await page.getByRole('button', { name: 'Tallenna käynti' }).press('Enter');
  await page.waitForFunction(() => document.activeElement?.classList.contains('error-summary'));
  assert.match(await page.locator('.error-summary:not([hidden])').innerText(), /Miten käynti meni\?/);
  await page.locator('#visit-outcome').check();
  await page.locator('#visit-feedback').fill('Piti Kotirannasta, toivoo lisää Blomqvistia.');
  await page.getByLabel('Tuntematon sotilas, Väinö Linna (äänikirja)').check();
  await page.getByRole('button', { name: 'Tallenna käynti' }).press('Enter');
  await notice(page, /Käynti kirjattiin/);
  await textOf(page, '.home-history > li', /Piti Kotirannasta/);
  const recorded = page.locator('.home-history > li').first();
  const text = await recorded.innerText();
  assert.match(text, /toimitettu/);
  assert.match(text, /Mistä asiakas piti: Piti Kotirannasta/);
  assert.match(text, /Palautui: Tuntematon sotilas/);

  // Her daughter as the contact person, and the volunteer to bring the books.
  await page.locator('#contact-name').fill('Kaisa Koskinen');
  await page.locator('#contact-phone').fill('040 765 4321');
  await page.locator('#deliverer').selectOption({ label: 'Veikko Vapaaehtoinen (vapaaehtoinen)' });
  assert.equal(await page.locator('#chooser option', { hasText: 'Veikko' }).count(), 0, 'a volunteer does not choose');
  await page.locator('#contact-email').press('Enter');
  await notice(page, /uudelle tuojalle/);
  await page.waitForFunction(() => /Kaisa Koskinen/.test(document.querySelector('.facts')?.textContent ?? ''));
  assert.match(await page.locator('.facts').innerText(), /Tuoja\s+Veikko Vapaaehtoinen/);
  await textOf(page, '.home-visits > li:last-child', /Tuoja: Veikko Vapaaehtoinen/);

  // A pause with its days.
  await page.locator('#client-status-paused').check();
  await page.locator('#paused-from').fill('2027-06-01');
  await page.locator('#paused-until').fill('2027-06-30');
  await page.getByRole('button', { name: 'Tallenna tila' }).press('Enter');
  await notice(page, /Tila tallennettiin/);
  await page.waitForFunction(() => /tauolla 1\.6\.2027 – 30\.6\.2027/.test(document.querySelector('.facts')?.textContent ?? ''));
  assertClean();
  await context.close();
});

test('axe finds no violations on a client\'s page in fi, sv and en, with the forms open', async () => {
  const { page, context, assertClean } = await openPage(browser, server.base);
  await signInWithPassword(page, DEMO.staff.email, DEMO.staff.password);
  await page.goto('/staff/home-service');
  await appReady(page);
  await page.waitForSelector('.home-clients');
  const href = await page.locator('.home-clients a', { hasText: 'Toivo Niemi' }).getAttribute('href');
  for (const lang of ['fi', 'sv', 'en']) {
    await page.evaluate((l) => localStorage.setItem('etakirjasto.lang', l), lang);
    await page.goto('/staff/home-service');
    await appReady(page);
    await page.waitForSelector('table.figures');
    let violations = await axeViolations(page);
    assert.equal(violations.length, 0, `axe on the dashboard (${lang}):\n${describeViolations(violations)}`);
    await page.goto(href);
    await appReady(page);
    await page.waitForSelector('.home-history');
    await page.locator('.home-visits > li').first().locator('button[aria-expanded]').first().click();
    await page.locator('#item-title').waitFor();
    violations = await axeViolations(page);
    assert.equal(violations.length, 0, `axe on a client (${lang}):\n${describeViolations(violations)}`);
  }
  assertClean();
  await context.close();
});

test('an admin reads who handled home-service data, filters by action, and axe finds nothing', async () => {
  // Staff read a client first, so the log has something to show.
  const staff = await openPage(browser, server.base);
  await signInWithPassword(staff.page, DEMO.staff.email, DEMO.staff.password);
  await staff.page.goto('/staff/home-service');
  await appReady(staff.page);
  await staff.page.locator('.home-clients a', { hasText: 'Saimi Heikkinen' }).click();
  await staff.page.waitForFunction(() => document.querySelector('h1')?.textContent === 'Saimi Heikkinen');
  await staff.page.waitForSelector('.home-visits');
  staff.assertClean();
  await staff.context.close();

  const { page, context, assertClean } = await openPage(browser, server.base);
  await signInWithPassword(page, DEMO.admin.email, DEMO.admin.password);
  await page.goto('/staff');
  await appReady(page);
  await page.getByRole('link', { name: 'Lokitiedot henkilötietojen käsittelystä (ylläpitäjille)' }).click();
  await page.waitForURL('**/staff/audit');
  await page.waitForSelector('table.audit-log');
  const rows = page.locator('table.audit-log tbody tr');
  assert.match(await rows.first().innerText(), /Liisa Kirjastonhoitaja/);
  assert.match(await page.locator('table.audit-log').innerText(), /kotipalveluasiakkaan tiedot luettu/);

  // Filtered by action with the keyboard: the address keeps the filter and every row matches.
  await page.locator('#audit-action').selectOption('home_service.visits_viewed');
  await page.locator('#audit-record').press('Enter');
  await page.waitForURL('**/staff/audit?action=home_service.visits_viewed');
  await page.waitForFunction(() => {
    const cells = [...document.querySelectorAll('table.audit-log tbody tr td:nth-child(3)')];
    return cells.length > 0 && cells.every((c) => c.textContent === 'kotipalvelukäynnit luettu');
  });
  for (const lang of ['fi', 'sv', 'en']) {
    await page.evaluate((l) => localStorage.setItem('etakirjasto.lang', l), lang);
    await page.goto('/staff/audit');
    await appReady(page);
    await page.waitForSelector('table.audit-log');
    const violations = await axeViolations(page);
    assert.equal(violations.length, 0, `axe on the audit log (${lang}):\n${describeViolations(violations)}`);
  }
  assertClean();
  await context.close();
});

// Applying for the home-delivery service on behalf of someone else, with the keyboard: a relative
// goes through the steps, a missing answer is named at its field, "check your answers" shows
// everything with change links, the server's objection to the phone number sends them back to that
// step, consent is required, and the reference is shown. No axe violations on any step in fi, sv
// and en.
'use strict';

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { startServer, launchBrowser, openPage, appReady, axeViolations, describeViolations } = require('./helpers');

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

async function continueWith(page, name = 'Jatka') {
  await page.getByRole('button', { name }).press('Enter');
}

async function waitStep(page, step) {
  await page.waitForURL(`**/home-service?step=${step}`);
  await page.locator('main form').waitFor();
}

test('a relative applies for their mother step by step with the keyboard', async () => {
  const { page, context, allow, assertClean } = await openPage(browser, server.base);
  allow('/api/v1/home-service/applications', 422);
  await page.goto('/');
  await appReady(page);
  await page.getByRole('link', { name: 'Kirjaston kotipalvelu: hae tästä' }).click();
  await page.waitForURL('**/home-service');
  await page.locator('#relation-themselves').waitFor();

  // Nothing chosen: the question is named, and focus goes to the summary.
  await continueWith(page);
  await page.waitForFunction(() => document.activeElement?.classList.contains('error-summary'));
  assert.match(await page.locator('.error-summary:not([hidden])').innerText(), /Kenelle haet kotipalvelua\?: /);
  // Arrow keys move between the choices, as in any radio group.
  await page.locator('#relation-themselves').focus();
  await page.keyboard.press('ArrowDown');
  assert.equal(await page.locator('#relation-relative').isChecked(), true);
  await page.locator('#applicant-name').fill('Pekka Virtanen');
  await page.locator('#applicant-phone').fill('040 123 4567');
  await page.locator('#applicant-phone').press('Enter');

  await waitStep(page, 'person');
  assert.match(await page.locator('main').innerText(), /ei omiasi/);
  await page.locator('#name').fill('Aino Virtanen');
  await page.locator('#street-address').fill('Rantatie 5 B 12');
  await page.locator('#postal-code').fill('85100');
  await page.locator('#city').fill('Kalajoki');
  await page.locator('#phone').fill('12');
  await page.locator('#phone').press('Enter');

  await waitStep(page, 'needs');
  // The new step's heading takes focus, so a screen reader says where the person is.
  await page.waitForFunction(() => document.activeElement?.classList.contains('step-heading'));
  assert.equal(await page.title(), 'Miksi kirjastossa käyminen ei onnistu? – Etäkirjasto');
  await page.locator('#reason-age').focus();
  await page.keyboard.press('Space');
  await continueWith(page);

  await waitStep(page, 'wishes');
  await continueWith(page);
  await page.waitForFunction(() => document.activeElement?.classList.contains('error-summary'));
  assert.match(await page.locator('.error-summary:not([hidden])').innerText(), /Millaisia aineistoja\?: /);
  await page.locator('#format-large_print').focus();
  await page.keyboard.press('Space');
  await page.locator('#interests').fill('Kotiseutu, Kalle Päätalo');
  await continueWith(page);

  await waitStep(page, 'visits');
  await page.locator('#frequency-every_two_weeks').check();
  await page.locator('#day-tuesday').check();
  await page.locator('#visit-notes').fill('Soita ovikelloa pitkään.');
  await continueWith(page);

  await waitStep(page, 'check');
  const summary = await page.locator('dl.summary').innerText();
  assert.match(summary, /Omaiselleni: Pekka Virtanen, 040 123 4567/);
  assert.match(summary, /Aino Virtanen/);
  assert.match(summary, /Rantatie 5 B 12, 85100 Kalajoki/);
  assert.match(summary, /Joka toinen viikko/);
  assert.match(summary, /Tiistai/);
  assert.match(summary, /Isoteksti/);

  // Consent is required.
  await continueWith(page, 'Lähetä hakemus');
  await page.waitForFunction(() => document.activeElement?.classList.contains('error-summary'));
  assert.match(await page.locator('.error-summary:not([hidden])').innerText(), /Annan luvan: /);
  await page.locator('#consent').focus();
  await page.keyboard.press('Space');

  // The server refuses the phone number: back to that step, the field named.
  await continueWith(page, 'Lähetä hakemus');
  await waitStep(page, 'person');
  await page.waitForFunction(() => /Puhelinnumero: /.test(document.querySelector('.error-summary:not([hidden])')?.textContent ?? ''));
  assert.equal(await page.locator('#phone').getAttribute('aria-invalid'), 'true');
  assert.equal(await page.locator('#name').inputValue(), 'Aino Virtanen', 'the answers are kept');
  await page.locator('#phone').fill('040 765 4321');
  await page.locator('#phone').press('Enter');
  for (const step of ['needs', 'wishes', 'visits']) {
    await waitStep(page, step);
    await continueWith(page);
  }
  await waitStep(page, 'check');
  assert.equal(await page.locator('#consent').isChecked(), true);
  await continueWith(page, 'Lähetä hakemus');
  await page.waitForFunction(() => /Hakemus on lähetetty/.test(document.querySelector('main')?.textContent ?? ''));
  assert.match(await page.locator('main').innerText(), /Hakemuksen tunnus: [0-9A-F]{8}/);
  assertClean();
  await context.close();
});

test('answers lost to a reload lead back to their step when sending', async () => {
  const { page, context, assertClean } = await openPage(browser, server.base);
  await page.goto('/home-service?step=check');
  await appReady(page);
  await page.locator('#consent').check();
  await page.getByRole('button', { name: 'Lähetä hakemus' }).press('Enter');
  await waitStep(page, 'who');
  await page.waitForFunction(() => document.activeElement?.classList.contains('error-summary'));
  assert.match(await page.locator('.error-summary:not([hidden])').innerText(), /Kenelle haet kotipalvelua\?: /);
  assertClean();
  await context.close();
});

test('axe finds no violations on any step of the application in fi, sv and en', async () => {
  const { page, context, assertClean } = await openPage(browser, server.base);
  for (const lang of ['fi', 'sv', 'en']) {
    await page.goto('/');
    await page.evaluate((l) => localStorage.setItem('etakirjasto.lang', l), lang);
    for (const step of ['who', 'person', 'needs', 'wishes', 'visits', 'check']) {
      await page.goto(`/home-service?step=${step}`);
      await appReady(page);
      await page.locator('main form').waitFor();
      if (step === 'who' || step === 'needs') {
        // With the errors shown, and (for "who") the applicant's own fields.
        await page.locator('main form button[type=submit]').click();
        await page.locator('.error-summary:not([hidden])').waitFor();
        if (step === 'who') await page.locator('#relation-relative').check();
        if (step === 'needs') await page.locator('#reason-temporary').check();
      }
      const violations = await axeViolations(page);
      assert.equal(violations.length, 0, `axe on ${step} (${lang}):\n${describeViolations(violations)}`);
    }
  }
  assertClean();
  await context.close();
});

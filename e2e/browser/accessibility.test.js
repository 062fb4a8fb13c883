// Accessibility: axe-core finds no WCAG 2.1 A/AA violations on any page in any language; the skip
// link is the first Tab stop; sign-in works with the keyboard alone; nothing scrolls sideways at
// 320 px.
'use strict';

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const {
  DEMO, startServer, launchBrowser, openPage, appReady, signInWithPassword, axeViolations, describeViolations,
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

/** Opens a page with the language already chosen, as a returning reader would have it. */
async function openIn(lang, options) {
  const opened = await openPage(browser, server.base, options);
  await opened.context.addInitScript((l) => localStorage.setItem('etakirjasto.lang', l), lang);
  return opened;
}

async function expectNoViolations(page, what) {
  const violations = await axeViolations(page);
  assert.equal(violations.length, 0, `axe violations on ${what}:\n${describeViolations(violations)}`);
}

for (const lang of ['fi', 'sv', 'en']) {
  test(`axe finds no WCAG 2.1 AA violations on any page in ${lang}`, async () => {
    const { page, context, assertClean } = await openIn(lang);
    for (const path of ['/', '/sign-in', '/register', '/ei-tallaista-sivua']) {
      await page.goto(path);
      await appReady(page);
      assert.equal(await page.evaluate(() => document.documentElement.lang), lang);
      if (path === '/') await page.waitForSelector('.branch');
      await expectNoViolations(page, `${path} (${lang})`);
    }

    // A form showing its errors must pass too.
    await page.goto('/register');
    await appReady(page);
    await page.locator('#email').fill('x');
    await page.locator('#email').press('Enter');
    await page.waitForSelector('.error-summary:not([hidden])');
    await expectNoViolations(page, `/register with errors (${lang})`);

    await signInWithPassword(page, DEMO.staff.email, DEMO.staff.password);
    await expectNoViolations(page, `/me (${lang})`);
    await page.locator('nav a[href="/staff"]').click();
    await page.waitForSelector('.staff-dashboard');
    await expectNoViolations(page, `/staff (${lang})`);
    assertClean();
    await context.close();
  });
}

test('the skip link is the first Tab stop and moves focus to the main content', async () => {
  const { page, context, assertClean } = await openPage(browser, server.base);
  await page.goto('/');
  await appReady(page);
  await page.keyboard.press('Tab');
  const first = await page.evaluate(() => ({
    cls: document.activeElement.className,
    text: document.activeElement.textContent.trim(),
    href: document.activeElement.getAttribute('href'),
  }));
  assert.deepEqual(first, { cls: 'skip-link', text: 'Siirry sisältöön', href: '#main' });
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'main');
  assert.equal(new URL(page.url()).pathname, '/', 'the skip link does not change the page');
  assertClean();
  await context.close();
});

/** Presses Tab until `selector` has focus; fails after `limit` presses. */
async function tabTo(page, selector, limit = 30) {
  for (let i = 0; i < limit; i += 1) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement.matches(s), selector)) return;
  }
  assert.fail(`${selector} was not reached with ${limit} Tab presses`);
}

test('signing in works with the keyboard alone, with password and with card', async () => {
  const { page, context, assertClean } = await openPage(browser, server.base);
  await page.goto('/sign-in');
  await appReady(page);
  await tabTo(page, '#login');
  await page.keyboard.type(DEMO.patron.email);
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'password');
  await page.keyboard.type(DEMO.patron.password);
  await page.keyboard.press('Enter');
  await page.waitForURL('**/me');
  await page.waitForSelector(`.me-name:has-text("${DEMO.patron.name}")`);
  // After a page change focus moves to the new content.
  assert.equal(await page.evaluate(() => document.activeElement.id), 'main');

  await tabTo(page, 'button.button-secondary');
  await page.keyboard.press('Enter');
  await page.waitForURL('**/sign-in');

  // The radio group is reached with Tab and changed with the arrow keys.
  await tabTo(page, 'input[type="radio"]:checked');
  await page.keyboard.press('ArrowDown');
  await tabTo(page, '#card_number', 3);
  await page.keyboard.type(DEMO.card.number);
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'pin');
  await page.keyboard.type(DEMO.card.pin);
  await page.keyboard.press('Enter');
  await page.waitForURL('**/me');
  await page.waitForSelector(`.me-name:has-text("${DEMO.patron.name}")`);
  assertClean();
  await context.close();
});

for (const size of ['Normaali', 'Suurin']) {
  test(`nothing scrolls sideways at 320 px wide with ${size.toLowerCase()} text`, async () => {
    const { page, context, assertClean } = await openPage(browser, server.base, { viewport: { width: 320, height: 640 } });
    for (const path of ['/', '/sign-in', '/register']) {
      await page.goto(path);
      await appReady(page);
      await page.getByRole('button', { name: size, exact: true }).click();
      if (path === '/') await page.waitForSelector('.branch');
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= 320, `${path} is ${width} px wide at 320 px with ${size} text`);
    }
    assertClean();
    await context.close();
  });
}

// The default story in English, Spanish and Arabic, chosen by the page's lang attribute.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setup, open, axe, artifacts, root, defaultStory as story, tr, intlDates } from './browser.mjs';

const env = setup();

const LANGS = [
  { lang: 'en', path: '/', dir: 'ltr', status: 'Stop 4 of 4', date: 'October 6 – 7, 2022', km: '2,457 km' },
  { lang: 'es', path: '/es.html', dir: 'ltr', status: 'Parada 4 de 4', date: '6–7 de octubre de 2022', km: '2457 km' },
  { lang: 'ar', path: '/ar.html', dir: 'rtl', status: 'المحطة 4 من 4', date: '6–7 أكتوبر 2022', km: '2,457 كم' },
];

for (const l of LANGS) {
  test(`${l.lang}: the story and the interface are in ${l.lang}`, async () => {
    const { page, problems, close } = await open(env.browser, env.server.url + l.path);
    const root = page.locator('.tripmap');
    assert.equal(await root.getAttribute('lang'), l.lang);
    assert.equal(await root.getAttribute('dir'), l.dir);
    assert.equal(await page.locator('.tripmap__title').textContent(), tr(story.title, l.lang));
    for (const s of story.stops) {
      assert.equal(await page.locator(`[data-stop="${s.id}"]`).getAttribute('aria-label'), tr(s.name, l.lang));
      assert.ok((await page.locator(`[data-stop="${s.id}"] .tripmap__label`).textContent()).includes(tr(s.name, l.lang)), 'map label');
    }
    await page.locator('.tripmap__stop-list button').nth(3).click();
    const card = page.locator('[data-card="lima"]');
    await card.waitFor();
    const text = (await card.textContent()).replace(/[\u2009\u202f]/g, ' ');
    const lima = story.stops[3];
    assert.equal((await intlDates(page, lima, l.lang)).replace(/[\u2009\u202f]/g, ' '), l.date, 'what Intl says here');
    for (const e of [l.status, l.date, l.km, tr(lima.place, l.lang), tr(lima.summary, l.lang), ...lima.figures.map((f) => tr(f.label, l.lang))]) {
      assert.ok(text.includes(e), `${l.lang} card lacks "${e}"`);
    }
    assert.ok((await page.locator('.tripmap__leg-labels').textContent()).includes(l.km.replace(/ /g, ' ').split(' ')[0]), 'distance labels localised');
    assert.deepEqual(problems, []);
    await close();
  });
}

test('ar: right to left: the interface mirrors, the map does not, the arrow keys follow the reading', async () => {
  const { page, problems, close } = await open(env.browser, env.server.url + '/ar.html');
  const map = await page.locator('.tripmap__svg').boundingBox();
  const aside = await page.locator('.tripmap__aside').boundingBox();
  assert.ok(aside.x + aside.width <= map.x + 1, 'the side column sits on the left in Arabic');
  assert.equal(await page.locator('.tripmap__svg').evaluate((e) => getComputedStyle(e).direction), 'ltr', 'the map is not mirrored');
  // Washington is drawn north of Santiago and west-east positions are as in English.
  const wash = await page.locator('[data-stop="washington"] .tripmap__marker').boundingBox();
  const santiago = await page.locator('[data-stop="santiago"] .tripmap__marker').boundingBox();
  assert.ok(wash.y < santiago.y);
  await page.locator('[data-stop="washington"]').focus();
  await page.keyboard.press('ArrowLeft');
  await page.locator('[data-card="washington"]').waitFor();
  await page.keyboard.press('ArrowLeft');
  await page.locator('[data-card="bogota"]').waitFor();
  await page.keyboard.press('ArrowRight');
  await page.locator('[data-card="washington"]').waitFor();
  assert.equal(await page.locator('.tripmap__step-status').textContent(), 'واشنطن، المحطة 1 من 4');
  await page.locator('.tripmap__stop-list button').nth(1).click();
  await page.locator('[data-card="bogota"]').waitFor();
  await page.waitForTimeout(2500);
  await page.screenshot({ path: `${artifacts}/ar-card-1280.png` });
  assert.deepEqual(await axe(page), [], 'axe on the Arabic page');
  assert.deepEqual(problems, []);
  await close();
});

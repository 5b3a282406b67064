// A teacher's own lesson without a build: a lesson file tried on the teacher page (read in
// the page by the build's own reader, with its file:line errors), in English and French,
// then played like a built-in lesson; and a hosted site's lessons/index.txt, read at start.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cp, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { useSite } from './lib/site.mjs';
import { openBrowser, screenshot } from './lib/browser.mjs';
import { serveUnderPath } from './lib/servers.mjs';

const withPage = useSite();
const wide = { viewport: { width: 1280, height: 720 }, locale: 'en-GB' };
const fixtures = new URL('./fixtures/lessons/', import.meta.url).pathname;
const dist = process.env.FACTEUR_DIST ?? new URL('../dist', import.meta.url).pathname;

/** Waits until every goal of the step on screen is met. */
async function allMet(page) {
  await page.waitForFunction(() => {
    const g = [...document.querySelectorAll('.goals .goal')];
    return g.length > 0 && g.every((x) => x.dataset.met === 'true');
  });
}

for (const [locale, lang, words] of [
  ['en-GB', 'en', { open: 'Choose a lesson file', read: 'Lesson 17 “Does this address exist?” is read', openIt: 'Open it', title: 'Does this address exist?', showMe: 'Show me', hint: 'Hint' }],
  ['fr-FR', 'fr', { open: 'Choisir un fichier de leçon', read: 'La leçon 17 « Cette adresse existe-t-elle ? » est lue', openIt: 'L’ouvrir', title: 'Cette adresse existe-t-elle ?', showMe: 'Montrez-moi', hint: 'Indice' }],
]) {
  test(`a teacher tries a lesson file on the teacher page and plays it like a built-in lesson (${lang})`, async () => {
    await withPage({ ...wide, locale, path: '#/teacher' }, async (page) => {
      const section = page.locator('.try-lesson');
      await section.getByLabel(words.open).setInputFiles(join(fixtures, lang, '17-verify.toml'));
      // French typography puts no-break spaces inside « » and before ?: compared as plain spaces.
      await page.waitForFunction((want) => document.querySelector('.try-read')?.textContent.replace(/\s/g, ' ').includes(want), words.read);
      await screenshot(page, `own-lesson-read-${lang}`);
      await section.getByRole('link', { name: words.openIt }).click();
      await page.locator('#step-title').waitFor();
      assert.match(page.url(), /#\/lesson\/17\/step\/1$/);
      assert.equal((await page.locator('.lesson-heading').innerText()).replace(/\s/g, ' '), words.title);
      await page.getByRole('button', { name: words.hint }).click();
      assert.equal(await page.locator('.hints .hint').count(), 1);
      await page.getByRole('button', { name: words.showMe }).click();
      await allMet(page);
      await screenshot(page, `own-lesson-done-${lang}`);
      // The home page lists it after the course's sixteen.
      await page.goto(page.url().replace(/#.*$/, '#/'));
      await page.getByRole('link', { name: new RegExp(words.title.replace(/[?]/g, '.').replace(/ /g, '\\s')) }).first().waitFor();
    });
  });
}

test('a lesson file with a mistake is refused with the build\'s file:line: reason', async () => {
  await withPage({ ...wide, path: '#/teacher' }, async (page) => {
    const section = page.locator('.try-lesson');
    await section.getByLabel('Choose a lesson file').setInputFiles(join(fixtures, '17-verify-broken.toml'));
    const error = section.locator('pre.lesson-error');
    await error.waitFor();
    assert.match(await error.innerText(), /^17-verify-broken\.toml:\d+: .*surprise/);
    await section.getByText('Correct the file at that line and choose it again.').waitFor();
    // Nothing joined the course.
    await page.goto(page.url().replace(/#.*$/, '#/lesson/17/step/1'));
    await page.getByText('This lesson or step does not exist.').waitFor();
  });
});

test('a hosted site reads the lessons lessons/index.txt lists, at start, and the teacher page says what came of each', async () => {
  const site = await serveUnderPath(dist);
  const browser = await openBrowser(wide);
  try {
    await cp(join(fixtures, 'en'), join(site.site, 'lessons', 'en'), { recursive: true });
    await writeFile(join(site.site, 'lessons', 'index.txt'), '# Our school\nen/17-verify.toml\nen/18-missing.toml\n');
    const { page, errors } = await browser.newPage();
    await page.goto(`${site.url}#/`);
    await page.getByRole('link', { name: /Does this address exist/ }).first().waitFor();
    await page.goto(`${site.url}#/teacher`);
    const hosted = page.locator('.hosted-lessons li');
    await hosted.nth(1).waitFor();
    assert.match(await hosted.nth(0).innerText(), /en\/17-verify\.toml — 17\. Does this address exist\?/);
    assert.match(await hosted.nth(1).innerText(), /lessons\/en\/18-missing\.toml is listed but the site does not have it/);
    await screenshot(page, 'own-lessons-hosted');
    // The missing file is the only request that failed.
    assert.ok(errors.every((e) => /18-missing\.toml|404/.test(e)), errors.join('\n'));
  } finally {
    await browser.close();
    await site.stop();
  }
});

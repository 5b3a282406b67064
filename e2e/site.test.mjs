// The release build in dist/, served as plain static files the way a classroom would host it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { screenshot } from './lib/browser.mjs';
import { useSite } from './lib/site.mjs';

const withPage = useSite();

test('the wasm app starts on a plain static server and shows the terminal', async () => {
  await withPage({ locale: 'en-GB' }, async (page) => {
    assert.equal(await page.title(), 'Facteur — see how email really moves');
    await page.getByText('Connect to a server: its greeting appears here').waitFor();
    assert.equal(await page.getByLabel('Command line').isDisabled(), true, 'no typing before connecting');
  });
});

test('a French browser gets the page in French, and the switch changes it back', async () => {
  await withPage({ locale: 'fr-FR' }, async (page) => {
    await page.getByRole('button', { name: 'Se connecter' }).waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'fr');
    await screenshot(page, 'terminal-fr');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('button', { name: 'Connect' }).waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  });
});

test('dark and light themes follow the system setting', async () => {
  const background = async (scheme) => {
    let color;
    await withPage({ locale: 'en-GB', colorScheme: scheme }, async (page) => {
      color = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
      await screenshot(page, `theme-${scheme}`);
    });
    return color;
  };
  assert.notEqual(await background('light'), await background('dark'));
});

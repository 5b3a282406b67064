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

test('while the simulator downloads, the first screen names the site, lists the lessons and counts the bytes', async () => {
  for (const locale of ['en-GB', 'fr-FR']) {
    let release;
    const held = new Promise((resolve) => { release = resolve; });
    const hold = async (page) => {
      await page.route(/\.wasm$/, async (route) => {
        await held;
        await route.continue();
      });
    };
    await withPage({ locale, path: '#/', before: hold, started: false }, async (page) => {
      const fr = locale.startsWith('fr');
      const first = page.locator(`.first-screen[lang="${fr ? 'fr' : 'en'}"]`);
      await first.waitFor();
      assert.equal(await page.locator('.first-screen:visible').count(), 1, 'one language shown');
      await first.getByText(fr ? 'Chargement du simulateur…' : 'Loading the simulator…').waitFor();
      const links = first.locator('.first-lessons a');
      assert.equal(await links.count(), 16);
      assert.equal(await links.first().getAttribute('href'), '#/lesson/1/step/1');
      assert.match(await links.first().innerText(), fr ? /courriel/ : /journey of an email/);
      await screenshot(page, `first-screen-${fr ? 'fr' : 'en'}`);
      release();
      await page.locator('.brand').waitFor();
      assert.equal(await page.locator('#first-screen').count(), 0, 'the first screen goes once the app runs');
      await page.locator('.lesson-list').waitFor();
    });
  }
});

test('on a 10 Mbit/s network the first screen counts the wasm as it arrives', async () => {
  const slow = async (page) => {
    // Chromium's own network emulation: a school line of 10 Mbit/s.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false, latency: 20, downloadThroughput: 10e6 / 8, uploadThroughput: 10e6 / 8,
    });
  };
  await withPage({ locale: 'en-GB', path: '#/', before: slow, started: false }, async (page) => {
    const percent = page.locator('.first-screen[lang="en"] .first-percent');
    await percent.waitFor({ state: 'attached' });
    const seen = new Set();
    while (await page.locator('#first-screen').count()) {
      const t = await percent.textContent().catch(() => '');
      if (t) seen.add(t);
      await page.waitForTimeout(50);
    }
    await page.locator('.brand').waitFor();
    const shown = [...seen];
    assert.ok(shown.length >= 3 && shown.every((t) => /^\d{1,2} %$/.test(t)), `percentages as the bytes came: ${shown.join(', ')}`);
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

test('a learner downloads the lessons of the language they read, and the other only on switching', async () => {
  const asked = [];
  const watch = async (page) => {
    page.on('request', (r) => { const m = /course-(\w+)\.json$/.exec(r.url()); if (m) asked.push(m[1]); });
  };
  await withPage({ locale: 'en-GB', path: '#/', before: watch }, async (page) => {
    await page.locator('.lesson-item').first().waitFor();
    assert.equal(await page.locator('.lesson-item').count(), 16);
    assert.deepEqual([...new Set(asked)], ['en'], 'English only');
    await page.getByRole('button', { name: 'Français' }).click();
    await page.locator('.lesson-title', { hasText: 'Le voyage d’un courriel' }).waitFor();
    assert.deepEqual([...new Set(asked)], ['en', 'fr']);
    // Back to English: nothing more to fetch.
    const before = asked.length;
    await page.getByRole('button', { name: 'English' }).click();
    await page.locator('.lesson-title', { hasText: 'The journey of an email' }).waitFor();
    assert.equal(asked.length, before);
  });
});

test('when the lessons cannot be read the page says so, and the sandbox still works', async () => {
  const refuse = async (page) => { await page.route(/course-\w+\.json$/, (route) => route.fulfill({ status: 200, contentType: 'application/json', body: '{"cut short' })); };
  await withPage({ locale: 'en-GB', path: '#/', before: refuse }, async (page) => {
    await page.locator('.course-unavailable', { hasText: 'The lessons in this language could not be loaded' }).waitFor();
    await page.getByRole('link', { name: 'Sandbox' }).first().click();
    await page.getByRole('button', { name: 'Connect' }).waitFor();
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

// The release build in dist/, served as plain static files the way a classroom would host it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openBrowser, screenshot } from './lib/browser.mjs';
import { serveStatic } from './lib/servers.mjs';

const dist = process.env.FACTEUR_DIST ?? new URL('../dist', import.meta.url).pathname;
let site;

before(async () => {
  site = await serveStatic(dist);
});
after(async () => {
  await site?.stop();
});

async function withPage(options, body) {
  const browser = await openBrowser(options);
  try {
    const { page, errors } = await browser.newPage();
    await page.goto(site.url);
    await page.getByRole('heading', { level: 1, name: 'Facteur' }).waitFor();
    await body(page);
    assert.deepEqual(errors, [], 'the page logged no error');
  } finally {
    await browser.close();
  }
}

test('the wasm app starts and shows the Facteur page', async () => {
  await withPage({ locale: 'en-GB' }, async (page) => {
    assert.equal(await page.title(), 'Facteur — see how email really moves');
    await page.getByText('Nothing sent yet.').waitFor();
    const focused = await page.evaluate(() => document.activeElement?.id);
    assert.equal(focused, 'command-line', 'the prompt has the focus, ready for typing');
  });
});

test('a typed line is echoed into the transcript one step later', async () => {
  await withPage({ locale: 'en-GB' }, async (page) => {
    const input = page.getByLabel('Command line');
    await input.fill('EHLO laptop.example.test');
    await input.press('Enter');
    assert.equal(await input.inputValue(), '', 'the prompt is cleared for the next line');

    const shown = page.locator('.transcript .line:not(.pending)');
    await shown.first().waitFor();
    assert.deepEqual(await shown.locator('.text').allTextContents(), ['EHLO laptop.example.test']);

    // Several lines typed quickly come out in order, one timer step apart.
    for (const line of ['MAIL FROM:<alice@example.test>', 'RCPT TO:<bob@example.test>', 'DATA']) {
      await input.fill(line);
      await input.press('Enter');
    }
    assert.ok((await page.locator('.transcript .pending').count()) > 0, 'later lines wait their turn');
    await page.locator('.transcript .line:not(.pending)').nth(3).waitFor();
    assert.deepEqual(await shown.locator('.text').allTextContents(), [
      'EHLO laptop.example.test',
      'MAIL FROM:<alice@example.test>',
      'RCPT TO:<bob@example.test>',
      'DATA',
    ]);
    assert.equal(await page.locator('.transcript .pending').count(), 0);
    await screenshot(page, 'echo-terminal');
  });
});

test('Show all releases every waiting line at once', async () => {
  await withPage({ locale: 'en-GB' }, async (page) => {
    const input = page.getByLabel('Command line');
    const lines = ['USER bob', 'PASS builder', 'STAT', 'LIST', 'RETR 1', 'QUIT'];
    for (const line of lines) {
      await input.fill(line);
      await input.press('Enter');
    }
    const showAll = page.getByRole('button', { name: 'Show all' });
    await showAll.click();
    const shown = page.locator('.transcript .line:not(.pending) .text');
    assert.deepEqual(await shown.allTextContents(), lines);
    await showAll.waitFor({ state: 'detached' });
  });
});

test('typed markup is shown as text, never run as HTML', async () => {
  await withPage({ locale: 'en-GB' }, async (page) => {
    let dialogs = 0;
    page.on('dialog', async (d) => {
      dialogs += 1;
      await d.dismiss();
    });
    const input = page.getByLabel('Command line');
    const markup = '<img src=x onerror=alert(1)>';
    await input.fill(markup);
    await input.press('Enter');
    const line = page.locator('.transcript .line:not(.pending) .text');
    await line.first().waitFor();
    assert.equal(await line.first().textContent(), markup);
    assert.equal(await page.locator('.transcript img').count(), 0);
    assert.equal(dialogs, 0);
  });
});

test('a French browser gets the page in French', async () => {
  await withPage({ locale: 'fr-FR' }, async (page) => {
    await page.getByText('Rien n’a encore été envoyé.').waitFor();
    await page.getByLabel('Ligne de commande').waitFor();
    await screenshot(page, 'echo-terminal-fr');
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
  const light = await background('light');
  const dark = await background('dark');
  assert.notEqual(light, dark);
});

// `cargo xtask serve`, the README's first command: it must serve a page whose wasm runs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openBrowser } from './lib/browser.mjs';
import { freePort, startProcess, waitForHttp } from './lib/servers.mjs';
import { connect, expectReply } from './lib/terminal.mjs';

const root = process.env.FACTEUR_ROOT ?? new URL('..', import.meta.url).pathname;

test('cargo xtask serve serves a working page on 127.0.0.1', { timeout: 600_000 }, async () => {
  const port = await freePort();
  const server = startProcess('cargo', ['xtask', 'serve', '--port', String(port)], { cwd: root });
  const browser = await openBrowser({ locale: 'en-GB' });
  try {
    const url = `http://127.0.0.1:${port}/`;
    await waitForHttp(url, 540_000, server);
    const { page, errors } = await browser.newPage();
    await page.goto(`${url}#/sandbox`);
    await page.locator('.brand').waitFor();
    await connect(page, { protocol: 'SMTP', port: '25' });
    await expectReply(page, 'NOOP', '250 2.0.0 Ok');
    // The lessons, a file of their own beside the page, are served too.
    await page.goto(`${url}#/`);
    await page.locator('.lesson-item').first().waitFor();
    assert.equal(await page.locator('.lesson-item').count(), 16);
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
    await server.stop();
  }
});

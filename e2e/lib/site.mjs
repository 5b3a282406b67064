// The release site served as plain static files for one test file, and pages opened on it
// that fail the test on any console or page error.
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openBrowser } from './browser.mjs';
import { serveStatic } from './servers.mjs';

const dist = process.env.FACTEUR_DIST ?? new URL('../../dist', import.meta.url).pathname;

/** Registers the static server for this test file and returns `withPage`. */
export function useSite() {
  let site;
  before(async () => {
    site = await serveStatic(dist);
  });
  after(async () => {
    await site?.stop();
  });
  // `clock: true` puts the page on Playwright's fake clock before it loads, so a test can
  // move time forward (page.clock.fastForward) instead of waiting.
  // `path` is the place opened: the sandbox unless a test asks for the course (`#/`).
  // `before(page)` runs before the page loads (to route requests); with `started: false` the
  // body runs as soon as the HTML is there, before the app has started.
  return async function withPage({ clock = false, path = '#/sandbox', before, started = true, ...options }, body) {
    const browser = await openBrowser(options);
    try {
      const { page, errors } = await browser.newPage();
      if (clock) await page.clock.install();
      if (before) await before(page);
      await page.goto(site.url + path, { waitUntil: started ? 'load' : 'commit' });
      if (started) await page.locator('.brand').waitFor();
      await body(page);
      assert.deepEqual(errors, [], 'the page logged no error');
    } finally {
      await browser.close();
    }
  };
}

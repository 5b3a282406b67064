// Hosting for a classroom: the built site under a sub-path, offline after one visit, a new
// deploy that updates cleanly on request, and a strict Content-Security-Policy.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { openBrowser, screenshot } from './lib/browser.mjs';
import { readmeBlock, serveUnderPath, serveWithHeaders, serveWithNginx } from './lib/servers.mjs';
import { connect, expectReply, showAll, type } from './lib/terminal.mjs';

const root = process.env.FACTEUR_ROOT ?? new URL('..', import.meta.url).pathname;
const dist = process.env.FACTEUR_DIST ?? join(root, 'dist');
const wide = { viewport: { width: 1400, height: 900 }, locale: 'en-GB' };

/** Opens a browser, runs body with its page, and checks the page logged no error. */
async function withBrowser(options, body) {
  const browser = await openBrowser(options);
  try {
    const { page, errors } = await browser.newPage();
    await body(page, browser.context);
    assert.deepEqual(errors, [], 'the page logged no error');
  } finally {
    await browser.close();
  }
}

/** Waits until the service worker keeps this build (the footer says so). */
async function keptOffline(page) {
  await page.locator('.footer .kept-offline').waitFor({ timeout: 60_000 });
}

async function buildShown(page) {
  return page.locator('.footer .build-id').innerText();
}

/**
 * Deploys "a changed build" into the served folder the way a real one differs: new names
 * for the script and the wasm (the old ones are gone from the server), a changed
 * index.html, and a service worker written by the same `cargo xtask seal-site` the build
 * runs. Returns the new build's identity.
 */
async function deployChangedBuild(site) {
  const files = await readdir(site);
  let index = await readFile(join(site, 'index.html'), 'utf8');
  for (const file of files.filter((f) => /^facteur-[0-9a-f]+(_bg\.wasm|\.js)$/.test(f))) {
    const renamed = file.replace(/^facteur-[0-9a-f]+/, 'facteur-0123456789abcdef');
    await rename(join(site, file), join(site, renamed));
    index = index.replaceAll(file, renamed);
  }
  index = index.replace('</head>', '<meta name="facteur-test-deploy" content="2" /></head>');
  await writeFile(join(site, 'index.html'), index);
  const { stdout } = await promisify(execFile)('cargo', ['xtask', 'seal-site', site], { cwd: root });
  return stdout.match(/as build ([0-9a-f]+)/)[1];
}

// The default build has relative addresses; `cargo xtask build --public-url /facteur/`
// writes absolute ones (cargo xtask test builds both). Each works under /facteur/.
const builds = [['the default build', dist]];
if (process.env.FACTEUR_DIST_FACTEUR) builds.push(['the --public-url /facteur/ build', process.env.FACTEUR_DIST_FACTEUR]);

for (const [name, built] of builds) test(`${name} under /facteur/ on a plain static server: a deep link, the sandbox and every file resolve under the prefix`, { timeout: 180_000 }, async () => {
  const host = await serveUnderPath(built);
  try {
    await withBrowser(wide, async (page) => {
      const outside = [];
      const failed = [];
      page.on('request', (r) => {
        if (!new URL(r.url()).pathname.startsWith('/facteur/')) outside.push(r.url());
      });
      page.on('response', (r) => {
        if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
      });
      await page.goto(`${host.url}#/lesson/3/step/1`);
      await page.locator('#step-title').waitFor();
      assert.match(page.url(), /\/facteur\/#\/lesson\/3\/step\/1$/);
      await page.goto(`${host.url}#/sandbox`);
      await page.locator('.brand').waitFor();
      await connect(page, { protocol: 'SMTP', port: '25' });
      await expectReply(page, 'NOOP', '250 2.0.0 Ok');
      // The manifest and its icons are found under the prefix too.
      const manifest = await page.evaluate(async () => {
        const href = document.querySelector('link[rel=manifest]').href;
        const m = await (await fetch(href)).json();
        const icons = await Promise.all(m.icons.map((i) => fetch(new URL(i.src, href)).then((r) => `${r.status} ${i.sizes}`)));
        return { href, icons, start: new URL(m.start_url, href).href };
      });
      assert.equal(manifest.href, `${host.url}manifest.webmanifest`);
      assert.equal(manifest.start, host.url);
      assert.deepEqual(manifest.icons, ['200 any', '200 192x192', '200 512x512', '200 512x512']);
      await keptOffline(page);
      // What Chromium checks before it offers "Install app" / "Add to home screen".
      const cdp = await page.context().newCDPSession(page);
      const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
      assert.deepEqual(installabilityErrors, [], 'the site can be installed');
      assert.deepEqual(outside, [], 'nothing was asked for outside /facteur/');
      assert.deepEqual(failed, [], 'every file was found');
    });
  } finally {
    await host.stop();
  }
});

test('after one visit the site opens with the network off, and a lesson step can be done', { timeout: 180_000 }, async () => {
  const host = await serveUnderPath(dist);
  let stopped = false;
  try {
    await withBrowser(wide, async (page, context) => {
      await page.goto(`${host.url}#/lesson/2/step/1`);
      await page.locator('#step-title', { hasText: 'Say hello' }).waitFor();
      await keptOffline(page);
      // A revisit asks the server for nothing but the service worker (is there a new build?)
      // and the school's list of its own lessons (did it add one?).
      const before = host.requested().length;
      await page.reload();
      await page.locator('#step-title', { hasText: 'Say hello' }).waitFor();
      await keptOffline(page);
      const revisit = host.requested().slice(before);
      assert.ok(revisit.every((path) => ['/facteur/sw.js', '/facteur/lessons/index.txt'].includes(path)), revisit.join(' '));
      // No network at all: the browser is offline and the server is gone.
      await host.stop();
      stopped = true;
      await context.setOffline(true);
      await page.reload();
      await page.locator('#step-title', { hasText: 'Say hello' }).waitFor();
      assert.equal(await page.evaluate(() => navigator.onLine), false);
      await page.locator('.connect-bar').getByRole('button', { name: 'Connect', exact: true }).click();
      await type(page, 'EHLO laptop.example.test');
      await showAll(page);
      await page.waitForFunction(() => {
        const g = [...document.querySelectorAll('.goals .goal')];
        return g.length > 0 && g.every((x) => x.dataset.met === 'true');
      });
      await screenshot(page, 'offline-lesson');
    });
  } finally {
    if (!stopped) await host.stop();
  }
});

test('a new deploy: the open page keeps working, says a new version is ready, and reloads into it on request', { timeout: 300_000 }, async () => {
  const host = await serveUnderPath(dist);
  try {
    await withBrowser(wide, async (page) => {
      await page.goto(`${host.url}#/sandbox`);
      await keptOffline(page);
      const before = await buildShown(page);
      const after = await deployChangedBuild(host.site);
      assert.notEqual(after, before);
      // The page that is open still runs its own build: its files are kept.
      await connect(page, { protocol: 'SMTP', port: '25' });
      await expectReply(page, 'NOOP', '250 2.0.0 Ok');
      // Coming back (a reload, or the tab shown again) finds the new build and says so,
      // while the old build keeps running until the learner chooses.
      await page.reload();
      const notice = page.locator('.update-notice');
      await notice.getByText('A new version of Facteur is ready.').waitFor({ timeout: 60_000 });
      assert.equal(await buildShown(page), before);
      await screenshot(page, 'update-notice');
      await notice.getByRole('button', { name: 'Reload now' }).click();
      await page.waitForFunction((b) => document.querySelector('.footer .build-id')?.textContent === b, after, { timeout: 60_000 });
      assert.equal(await page.locator('meta[name=facteur-test-deploy]').count(), 1, 'the new index.html runs');
      assert.equal(await notice.count(), 0);
      // The new build's script and wasm run, and only its cache is left.
      const scripts = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).filter((n) => /facteur-[0-9a-f]+(\.js|_bg\.wasm)$/.test(n)));
      assert.ok(scripts.length >= 2 && scripts.every((n) => n.includes('facteur-0123456789abcdef')), scripts.join(' '));
      const caches = await page.evaluate(async () => (await caches.keys()).filter((k) => k.startsWith('facteur ')));
      assert.deepEqual(caches, [`facteur ${host.url} ${after}`]);
      await connect(page, { protocol: 'SMTP', port: '25' });
      await expectReply(page, 'NOOP', '250 2.0.0 Ok');
    });
  } finally {
    await host.stop();
  }
});

test('with the README\'s Content-Security-Policy (nginx lines when nginx is here), nothing is refused', { timeout: 240_000 }, async () => {
  const lines = await readmeBlock(root, 'nginx');
  const policy = lines.match(/Content-Security-Policy "([^"]+)"/)[1];
  assert.doesNotMatch(policy, /unsafe-inline|'unsafe-eval'/);
  const host = process.env.FACTEUR_NGINX
    ? await serveWithNginx(process.env.FACTEUR_NGINX, dist, lines)
    : await serveWithHeaders(dist, { 'Content-Security-Policy': policy });
  try {
    // With nginx, the README's types and caching are what the browser gets.
    const head = async (path) => {
      const r = await fetch(new URL(path, host.url));
      return [r.headers.get('content-type'), r.headers.get('cache-control'), r.headers.get('content-security-policy')];
    };
    const index = await (await fetch(host.url)).text();
    const wasm = index.match(/data-facteur-wasm="\.\/([^"]+)"/)[1];
    const [wasmType, wasmCache, wasmPolicy] = await head(wasm);
    assert.equal(wasmType, 'application/wasm');
    assert.equal(wasmPolicy, policy);
    if (process.env.FACTEUR_NGINX) {
      assert.equal(wasmCache, 'public, max-age=31536000, immutable');
      const zipped = await fetch(new URL(wasm, host.url), { headers: { 'Accept-Encoding': 'gzip' } });
      assert.equal(zipped.headers.get('content-encoding'), 'gzip');
      assert.deepEqual((await head('sw.js')).slice(1), ['no-cache', policy]);
      assert.deepEqual((await head('')).slice(1), ['no-cache', policy]);
      assert.equal((await head('manifest.webmanifest'))[0], 'application/manifest+json');
    }
    await withBrowser(wide, async (page) => {
      await page.addInitScript(() => {
        window.violations = [];
        document.addEventListener('securitypolicyviolation', (e) => window.violations.push(`${e.violatedDirective} ${e.blockedURI}`));
      });
      await page.goto(`${host.url}#/sandbox`);
      await page.locator('.brand').waitFor();
      await connect(page, { account: 'alice', protocol: 'IMAP', port: '993' });
      await expectReply(page, 'a1 LOGIN alice wonderland', /^a1 OK/);
      await expectReply(page, 'a2 SELECT INBOX', /^a2 OK/);
      await page.getByRole('button', { name: 'Share this dialogue' }).click();
      await page.locator('.share-panel svg.qr').waitFor();
      await page.goto(`${host.url}#/teacher`);
      await page.locator('.board-lesson svg.qr').first().waitFor();
      await page.goto(`${host.url}#/cheatsheet`);
      await page.locator('.cheatsheet table').first().waitFor();
      await page.goto(`${host.url}#/lesson/2/step/1`);
      await page.getByRole('button', { name: 'Show me' }).click();
      await showAll(page);
      await keptOffline(page);
      assert.deepEqual(await page.evaluate(() => window.violations), []);
    });
  } finally {
    await host.stop();
  }
});

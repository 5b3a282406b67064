// A real school: the zip `cargo xtask package` makes, unzipped and served as plain files by
// Python's http.server, reached under a host name over plain http (not a secure context:
// no Clipboard API, no service worker). Copy, share and the offline notice must be honest
// there, and every link must lead to the address students use.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ARGS, openBrowser, screenshot } from './lib/browser.mjs';
import { freePort, startProcess, waitForHttp } from './lib/servers.mjs';
import { connect, exchange } from './lib/terminal.mjs';

const root = process.env.FACTEUR_ROOT ?? new URL('..', import.meta.url).pathname;
const packages = process.env.FACTEUR_PACKAGES ?? join(root, 'target', 'package');
/** The name the school's server answers to, mapped to 127.0.0.1 inside the browser only. */
const HOST = 'facteur.school.test';

let unzipped;
let folder;
let server;
let origin;

before(async () => {
  const zips = (await readdir(packages)).filter((f) => /^facteur-site-.+\.zip$/.test(f));
  assert.equal(zips.length, 1, `one package in ${packages}: ${zips}`);
  unzipped = await mkdtemp(join(tmpdir(), 'facteur-zip-'));
  execFileSync('python3', ['-m', 'zipfile', '-e', join(packages, zips[0]), unzipped]);
  folder = join(unzipped, zips[0].replace(/\.zip$/, ''));
  const port = await freePort();
  server = startProcess('python3', ['-m', 'http.server', String(port), '--bind', '127.0.0.1', '--directory', join(folder, 'site')]);
  await waitForHttp(`http://127.0.0.1:${port}/`, 15000, server);
  origin = `http://${HOST}:${port}`;
});

after(async () => {
  await server?.stop();
  if (unzipped) await rm(unzipped, { recursive: true, force: true });
});

/** A student's or teacher's browser on the school network. */
async function withSchoolPage(options, path, body) {
  const browser = await openBrowser({
    viewport: { width: 1280, height: 720 },
    locale: 'en-GB',
    ...options,
    args: [...ARGS, `--host-resolver-rules=MAP ${HOST} 127.0.0.1`],
  });
  try {
    const { page, errors } = await browser.newPage();
    await page.goto(origin + path);
    await page.locator('.brand').waitFor();
    await body(page);
    assert.deepEqual(errors, [], 'no uncaught error, no failed request');
  } finally {
    await browser.close();
  }
}

test('the package holds the built site, the hosting steps and the server lines', async () => {
  for (const file of ['HOSTING.txt', 'nginx.conf', 'apache.conf', 'site/index.html', 'site/sw.js', 'site/course-en.json']) {
    assert.ok((await stat(join(folder, file))).size > 0, file);
  }
  const hosting = await readFile(join(folder, 'HOSTING.txt'), 'utf8');
  assert.match(hosting, /python3 -m http\.server --directory site 8080/);
  assert.match(await readFile(join(folder, 'nginx.conf'), 'utf8'), /application\/wasm wasm/);
  assert.match(await readFile(join(folder, 'apache.conf'), 'utf8'), /AddType application\/wasm \.wasm/);
});

test('over plain http on the school network: copying selects the link and says which keys copy it, and offline use is said to be unavailable', async () => {
  await withSchoolPage({}, '/#/teacher', async (page) => {
    assert.equal(await page.evaluate(() => window.isSecureContext), false);
    await page.getByRole('heading', { name: 'For teachers', level: 1 }).waitFor();
    // Reached by its network name, the page needs no other address and warns of nothing.
    assert.equal(await page.locator('.address-warning').count(), 0);
    const first = page.locator('.board-lesson').first();
    const field = first.getByRole('textbox');
    assert.equal(await field.inputValue(), `${origin}/?lang=en#/lesson/1/step/1`);
    await first.getByRole('button', { name: 'Copy link' }).click();
    await first.getByRole('status').getByText('Selected: press Ctrl+C (⌘C on a Mac) to copy.').waitFor();
    assert.equal(await first.getByRole('status').getByText('Link copied').count(), 0, 'no false "copied"');
    const selected = await field.evaluate((f) => document.activeElement === f && f.selectionStart === 0 && f.selectionEnd === f.value.length);
    assert.ok(selected, 'the whole link is selected for Ctrl+C');
    const notice = page.locator('.offline-here');
    assert.match(await notice.innerText(), /^Offline use is not available at this address: .*https/);
    await screenshot(page, 'school-teacher');
  });
});

test('over plain http, sharing a dialogue and copying the transcript never claim a copy', async () => {
  await withSchoolPage({}, '/#/sandbox', async (page) => {
    await connect(page, { account: 'alice', protocol: 'POP3', port: '110' });
    await exchange(page, 'USER alice');
    await page.getByRole('button', { name: 'Share this dialogue' }).click();
    const panel = page.getByRole('region', { name: 'Share this dialogue' });
    const link = await panel.getByRole('textbox', { name: 'Link to this dialogue' }).inputValue();
    assert.ok(link.startsWith(`${origin}/?lang=en#dialogue=`), link);
    await panel.getByText('Selected: press Ctrl+C (⌘C on a Mac) to copy.').waitFor();
    assert.doesNotMatch(await panel.innerText(), /copied/i);
    await page.getByRole('button', { name: 'Copy transcript' }).click();
    const box = page.getByRole('region', { name: 'Copy transcript' });
    await box.getByText('Selected: press Ctrl+C (⌘C on a Mac) to copy.').waitFor();
    const text = await box.getByRole('textbox').evaluate((t) => (document.activeElement === t && t.selectionEnd === t.value.length ? t.value : ''));
    assert.match(text, /USER alice/);
    assert.equal(await page.locator('.controls > .copied').innerText(), '');
    await screenshot(page, 'school-transcript-by-keys');
    await box.getByRole('button', { name: 'Close' }).click();
    assert.equal(await box.count(), 0);
  });
});

// Class mode: one facteur-server --class for the room, started by this test on free
// loopback ports. Two students join from two browsers (one in English, one in French);
// one writes to the other from the directory, and the other's phone, idling, shows the
// message without anyone pressing Check; the teacher's page lists both behind its
// password; bad names, a taken name and a wrong password are refused in plain words; a
// lost connection says so, keeps the line being typed, and comes back.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openBrowser, screenshot } from './lib/browser.mjs';
import { freePort, serveStatic, startProcess, waitForHttp } from './lib/servers.mjs';
import { axeViolations } from './lib/axe.mjs';

const root = process.env.FACTEUR_ROOT ?? new URL('..', import.meta.url).pathname;
const dist = process.env.FACTEUR_DIST ?? join(root, 'dist');
const binary = process.env.FACTEUR_SERVER ?? join(root, 'target', 'debug', 'facteur-server');
const ROLES = ['smtp', 'submission', 'submissions', 'pop3', 'pop3s', 'imap', 'imaps'];

let server;
let origin;
let password;
let port;
let scratch;

/** Starts the class server on `port` (a free one the first time). */
async function startClass() {
  port ??= await freePort();
  const listeners = ROLES.flatMap((r) => [`--${r}`, '127.0.0.1:0']);
  server = startProcess(binary, [
    '--class', '--http', `127.0.0.1:${port}`, '--dist', dist,
    '--cert-out', join(scratch, 'cert.pem'), ...listeners,
  ]);
  origin = `http://127.0.0.1:${port}`;
  await waitForHttp(`${origin}/class/hello`, 30000, server);
  password = server.log().match(/teacher password (\S+)/)[1];
}

before(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'facteur-class-'));
  await startClass();
});

after(async () => {
  await server?.stop();
  await rm(scratch, { recursive: true, force: true });
});

/** A browser with the class page open. */
async function student(viewport, lang = 'en', options = {}) {
  const browser = await openBrowser({ viewport, locale: lang === 'fr' ? 'fr-FR' : 'en-GB', ...options });
  const { page, errors } = await browser.newPage();
  await page.goto(`${origin}/?lang=${lang}#/class`);
  await page.locator('#class-name').waitFor();
  return { browser, page, errors };
}

async function joinAs(page, name, button = 'Join the class') {
  await page.locator('#class-name').fill(name);
  await page.getByRole('button', { name: button }).click();
}

test('two students mail each other live and the teacher sees both', async () => {
  const zoe = await student({ width: 1280, height: 720 });
  const leo = await student({ width: 360, height: 740 }, 'fr');
  // axe is injected as a script: the teacher's browser alone sets the page's policy aside.
  const teacher = await openBrowser({ viewport: { width: 1280, height: 720 }, locale: 'en-GB', bypassCSP: true });
  try {
    await joinAs(zoe.page, 'Zoé');
    await zoe.page.locator('.class-address').getByText('zoe@class.test').waitFor();
    assert.match(await zoe.page.locator('.class-password').textContent(), /^[a-z]+-[a-z]+-\d\d$/);
    // A real mail app's server and ports, each named as the port it stands for.
    await zoe.page.locator('.class-ports summary').click();
    const ports = await zoe.page.locator('.class-ports li').allTextContents();
    assert.equal(ports.length, 7);
    assert.ok(ports.some((p) => /^127\.0\.0\.1:\d+ — 993 — /.test(p)), ports.join('\n'));
    await joinAs(leo.page, 'Léo', 'Rejoindre la classe');
    await leo.page.locator('.class-address').getByText('leo@class.test').waitFor();
    // Léo's phone connected and idles; nobody presses Check from here on.
    await leo.page.getByRole('button', { name: 'Appareils' }).click();
    await leo.page.locator('[data-device="leo-phone"] .idling').waitFor({ timeout: 15000 });

    // Zoé writes to Léo from the directory.
    const mate = zoe.page.locator('.classmate', { hasText: 'leo@class.test' });
    await mate.getByRole('button', { name: 'Write from the laptop' }).click();
    const laptop = zoe.page.locator('[data-device="zoe-laptop"]');
    assert.equal(await laptop.locator('.compose-to').inputValue(), 'leo@class.test');
    await laptop.locator('.compose-subject').fill('Lunch at noon?');
    await laptop.locator('.compose-body').fill('Meet you by the gym.');
    await screenshot(zoe.page, 'class-zoe-writes-1280');
    await laptop.getByRole('button', { name: 'Send' }).click();

    // The message arrives on Léo's idling phone by IDLE.
    const phone = leo.page.locator('[data-device="leo-phone"]');
    await phone.locator('.message-list').getByText('Lunch at noon?').waitFor({ timeout: 10000 });
    await screenshot(leo.page, 'class-leo-phone-fr-360');
    // Léo sees only his own account on the server side.
    await leo.page.getByRole('button', { name: 'Côté serveur' }).click();
    const accounts = leo.page.locator('.class-workspace .world-server .account');
    assert.deepEqual(await accounts.evaluateAll((all) => all.map((a) => a.dataset.account)), ['leo']);

    // The teacher: a wrong password is refused, the right one shows both students.
    const { page: t, errors: teacherErrors } = await teacher.newPage();
    await t.goto(`${origin}/#/class/teacher`);
    await t.locator('#teacher-password').fill('guess');
    await t.getByRole('button', { name: 'Open' }).click();
    await t.getByRole('alert').getByText('That is not the teacher password').waitFor();
    await t.locator('#teacher-password').fill(password);
    await t.getByRole('button', { name: 'Open' }).click();
    const rows = t.locator('.class-students tbody tr');
    await rows.nth(1).waitFor();
    assert.deepEqual(await t.locator('.class-students tbody th').allTextContents(), ['Zoé', 'Léo']);
    // Subjects stay hidden until a mailbox is opened.
    assert.ok(!(await t.locator('main').textContent()).includes('Lunch at noon?'));
    await rows.nth(1).getByRole('button', { name: 'Open' }).first().click();
    await t.locator('.class-mailbox').getByText('Lunch at noon?').waitFor();
    assert.match(await t.locator('.class-counts').textContent(), /2 students of 60 at most/);
    await screenshot(t, 'class-teacher-1280');
    assert.deepEqual(await axeViolations(t), [], 'the teacher page passes axe');
    assert.deepEqual(teacherErrors.filter((e) => !e.includes('401')), [], 'no error but the refused password');
    assert.deepEqual(zoe.errors, []);
    assert.deepEqual(leo.errors, []);
  } finally {
    await zoe.browser.close();
    await leo.browser.close();
    await teacher.close();
  }
});

test('bad names and a taken name are refused in plain words', async () => {
  const { browser, page, errors } = await student({ width: 1280, height: 720 }, 'en', { bypassCSP: true });
  try {
    await joinAs(page, '<b>Ana</b>');
    await page.getByRole('alert').getByText('“<” has no place in a first name').waitFor();
    await joinAs(page, 'Postmaster');
    await page.getByRole('alert').getByText('“postmaster” is an address mail servers keep').waitFor();
    await joinAs(page, 'zoe');
    await page.getByRole('alert').getByText('already has the address zoe@class.test').waitFor();
    await screenshot(page, 'class-name-taken-1280');
    await joinAs(page, 'Ana');
    await page.locator('.class-address').getByText('ana@class.test').waitFor();
    assert.deepEqual(await axeViolations(page), [], 'the class page passes axe');
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});

test('a lost connection is said, the typed line stays, and the page comes back', async () => {
  const { browser, page } = await student({ width: 1280, height: 720 });
  try {
    await joinAs(page, 'Nina');
    await page.locator('.class-address').getByText('nina@class.test').waitFor();
    await page.getByRole('button', { name: 'Connect' }).click();
    await page.getByRole('button', { name: 'Disconnect' }).waitFor();
    await server.stop();
    await page.locator('.class-status.lost').waitFor();
    const line = page.getByLabel('Command line');
    await line.fill('EHLO laptop.class.test');
    await line.press('Enter');
    assert.equal(await line.inputValue(), 'EHLO laptop.class.test', 'the line is kept');
    await screenshot(page, 'class-lost-1280');
    // The teacher starts the server again: a new class, so the page asks to join again.
    await startClass();
    await page.getByText('Connected to the class.').waitFor({ timeout: 15000 });
    await page.getByRole('alert').getByText('That account no longer exists').waitFor();
    await page.locator('#class-name').waitFor();
  } finally {
    await browser.close();
  }
});

test('served as plain files, the class page says what class mode needs, in both languages', async () => {
  const site = await serveStatic(dist);
  const browser = await openBrowser({ viewport: { width: 360, height: 740 }, locale: 'fr-FR' });
  try {
    const { page, errors } = await browser.newPage();
    await page.goto(`${site.url}?lang=fr#/class`);
    await page.getByText('Cette page n’est pas servie par un serveur de classe.').waitFor();
    assert.equal(await page.locator('pre.command').textContent(), 'cargo run --release -p facteur-server -- --class --allow-remote');
    await screenshot(page, 'class-solo-fr-360');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByText('This page is not served by a class server.').waitFor();
    // No class link joins the site's navigation where there is no class.
    assert.equal(await page.locator('.site-nav a[href="#/class"]').count(), 0);
    // The one failed request is the question "is this a class server?".
    assert.deepEqual(errors.filter((e) => !e.includes('404')), []);
  } finally {
    await browser.close();
    await site.stop();
  }
});

// Same scenario, other protocol: what was done on the devices replayed on fresh copies of
// the world with IMAP and with POP3, side by side; and a scenario shared as a file or a link.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { axeViolations } from './lib/axe.mjs';
import { screenshot } from './lib/browser.mjs';
import { useSite } from './lib/site.mjs';
import { showAll } from './lib/terminal.mjs';
import { checkMail, choosePerson, openMessage, press, serverRows, subjects, wide } from './lib/world.mjs';

const withPage = useSite();

const panel = (page) => page.locator('section.scenario');

async function steps(page) {
  return panel(page).locator('.scenario-steps li').allTextContents();
}

/** The subjects a side lists for a place (a device id, or server-<login>) and folder. */
async function placeRows(page, side, place, folder = 'INBOX') {
  return panel(page)
    .locator(`.side[data-side="${side}"] .place[data-place="${place}"] .place-folder[data-folder="${folder}"] li .what`)
    .allTextContents();
}

/** Records: bob checks on his phone, then on the laptop, and deletes one there. */
async function record(page) {
  await choosePerson(page, 'bob');
  await checkMail(page, 'bob-phone');
  await checkMail(page, 'bob-laptop');
  await openMessage(page, 'bob-laptop', 'Lunch on Friday?');
  await press(page, 'bob-laptop', '.message-pane .delete');
}

test('check on the phone, then on the laptop: with POP3 the laptop finds nothing', async () => {
  await withPage(wide, async (page) => {
    await choosePerson(page, 'bob');
    await checkMail(page, 'bob-phone');
    await checkMail(page, 'bob-laptop');
    assert.deepEqual(await steps(page), ['bob · phone — check mail', 'bob · laptop — check mail']);
    await panel(page).locator('.pop3-side').selectOption('delete');
    await panel(page).getByRole('button', { name: 'Replay with the other protocol' }).click();
    const lesson = panel(page).locator('.lesson');
    assert.equal(await lesson.getAttribute('data-lesson'), 'Pop3EmptiedTheServer');
    assert.match(await lesson.textContent(), /the first device that checks takes the mail away/);
    assert.equal((await placeRows(page, 'recorded', 'bob-laptop')).length, 5, 'IMAP: the laptop sees all five');
    assert.equal((await placeRows(page, 'other', 'bob-phone')).length, 5, 'POP3: the phone took all five');
    assert.equal((await placeRows(page, 'other', 'bob-laptop')).length, 0, '… and the laptop found none');
    assert.equal((await placeRows(page, 'other', 'server-bob')).length, 0, '… nor the server');
    assert.ok((await panel(page).locator('.side[data-side="recorded"] li.differs').count()) >= 5, 'differences marked');
    // The results open in sight, their sentence focused.
    await page.waitForFunction(() => document.activeElement?.classList.contains('lesson'));
    const box = await lesson.boundingBox();
    assert.ok(box.y >= 0 && box.y + box.height <= 1000, `the result is in sight (y = ${box.y})`);
    await screenshot(page, 'scenario-compare');
    assert.deepEqual(await axeViolations(page), [], 'the comparison is accessible');
    // The world on the page is untouched by the replays.
    assert.equal((await serverRows(page, 'bob')).length, 5);
  });
});

test('a flag set on the phone reaches the laptop with IMAP only, and each row says what differs', async () => {
  await withPage(wide, async (page) => {
    await choosePerson(page, 'bob');
    await checkMail(page, 'bob-phone');
    await openMessage(page, 'bob-phone', 'Lunch on Friday?');
    await press(page, 'bob-phone', '.message-pane .flag');
    await checkMail(page, 'bob-laptop');
    await panel(page).locator('.pop3-side').selectOption('leave');
    await panel(page).getByRole('button', { name: 'Replay with the other protocol' }).click();
    const row = (side) => panel(page).locator(`.side[data-side="${side}"] .place[data-place="bob-laptop"] li`, { hasText: 'Lunch on Friday?' });
    assert.match(await row('recorded').innerText(), /read · ⚑ flagged\s*≠ unread, not flagged on the other side/);
    assert.match(await row('other').innerText(), /unread\s*≠ read, flagged on the other side/);
    assert.doesNotMatch(await row('other').innerText(), /⚑/);
    // The messages read before on the server show read with IMAP, unread with POP3: each
    // row says so instead of a bare "differs".
    const differing = await panel(page).locator('.side[data-side="recorded"] .place[data-place="bob-laptop"] li.differs').allInnerTexts();
    assert.equal(differing.filter((r) => /flagged on the other side/.test(r)).length, 1);
    for (const r of differing) assert.match(r, / read .*≠ unread/, r);
    await screenshot(page, 'scenario-compare-flag');
  });
});

test('export then import a scenario: playing it reproduces the same end state', async () => {
  let file;
  let expected;
  await withPage(wide, async (page) => {
    await record(page);
    expected = await serverRows(page, 'bob', 'Trash');
    assert.deepEqual(expected.map((r) => r.subject), ['Lunch on Friday?']);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      panel(page).getByRole('button', { name: 'Export scenario (.json)' }).click(),
    ]);
    file = JSON.parse(await readFile(await download.path(), 'utf8'));
    assert.equal(file.preset, 'demo');
    assert.equal(file.steps.length, 3, JSON.stringify(file.steps));
  });
  await withPage(wide, async (page) => {
    await panel(page).locator('.scenario-file').setInputFiles({
      name: 'lesson.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)),
    });
    await panel(page).locator('.scenario-opened').waitFor();
    assert.equal((await steps(page)).length, 3);
    await panel(page).getByRole('button', { name: 'Play it here, step by step' }).click();
    await showAll(page);
    assert.deepEqual(
      (await serverRows(page, 'bob', 'Trash')).map((r) => r.subject),
      expected.map((r) => r.subject),
    );
    assert.ok((await subjects(page, 'bob-laptop', 'Trash')).includes('Lunch on Friday?'));
    // A file that is not a scenario changes nothing.
    await panel(page).locator('.scenario-file').setInputFiles({
      name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"version": 1, "steps": 3}'),
    });
    await panel(page).locator('.scenario-error', { hasText: 'not a readable Facteur scenario' }).waitFor();
    assert.ok((await subjects(page, 'bob-laptop', 'Trash')).includes('Lunch on Friday?'), 'unchanged');
  });
});

test('a shared link opens the same scenario', async () => {
  let url;
  let expected;
  await withPage(wide, async (page) => {
    await record(page);
    expected = (await serverRows(page, 'bob', 'Trash')).map((r) => r.subject);
    await panel(page).getByRole('button', { name: 'Copy a link to this scenario' }).click();
    url = await panel(page).locator('.link-text').inputValue();
    assert.match(url, /#scenario=[A-Za-z0-9_-]+$/);
  });
  await withPage(wide, async (page) => {
    // Load it as a new visitor would: from a blank page, so the link's address is loaded
    // once (a reload after it would find the fragment already taken out).
    await page.goto('about:blank');
    await page.goto(url);
    await page.locator('.brand').waitFor();
    await panel(page).locator('.scenario-opened').waitFor();
    assert.equal(new URL(page.url()).hash, '', 'the address no longer carries it');
    assert.equal((await steps(page)).length, 3);
    await panel(page).getByRole('button', { name: 'Replay with the other protocol' }).click();
    assert.equal(await panel(page).locator('.lesson').getAttribute('data-lesson'), 'Pop3EmptiedTheServer');
    await panel(page).getByRole('button', { name: 'Play it here, step by step' }).click();
    await showAll(page);
    assert.deepEqual((await serverRows(page, 'bob', 'Trash')).map((r) => r.subject), expected);
  });
});

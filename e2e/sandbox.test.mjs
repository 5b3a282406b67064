// The sandbox keeps its work: Undo goes back one action at a time, a reload brings back
// the world, the devices and the dialogues, and a bad saved entry resets with a notice.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { screenshot } from './lib/browser.mjs';
import { useSite } from './lib/site.mjs';
import { connect, exchange, lines } from './lib/terminal.mjs';
import {
  checkMail, choosePerson, device, openMessage, press, serverRows, setSetting, subjects, wide,
} from './lib/world.mjs';

const withPage = useSite();
const KEY = 'facteur.sandbox';

async function reload(page) {
  await page.reload();
  await page.locator('.brand').waitFor();
}

/** Waits until the page has saved (it saves when quiet, a moment after a step). */
async function saved(page, test = () => true) {
  await page.waitForFunction(
    ([key, src]) => {
      const text = localStorage.getItem(key);
      return text !== null && new Function('s', `return (${src})(s)`)(JSON.parse(text));
    },
    [KEY, test.toString()],
  );
}

test('Undo takes back the last actions, one at a time, on the server and on the device', async () => {
  await withPage(wide, async (page) => {
    await choosePerson(page, 'bob');
    await checkMail(page, 'bob-laptop');
    await openMessage(page, 'bob-laptop', 'Lunch on Friday?');
    await press(page, 'bob-laptop', '.message-pane .delete');
    assert.ok(!(await serverRows(page, 'bob')).some((r) => r.subject === 'Lunch on Friday?'));
    const undo = page.locator('.world-bar .undo');
    assert.match(await undo.getAttribute('title'), /bob · laptop, change a message/);
    const steps = page.locator('section.scenario .scenario-steps li');
    assert.equal(await steps.count(), 2, 'check, delete');
    await undo.click();
    assert.ok((await serverRows(page, 'bob')).some((r) => r.subject === 'Lunch on Friday?'), 'back in INBOX');
    assert.equal(await steps.count(), 1, 'the undone step leaves the scenario');
    assert.ok((await subjects(page, 'bob-laptop')).includes('Lunch on Friday?'), 'and on the laptop');
    assert.match((await lines(page, 'event')).join('\n'), /Undone \(bob · laptop, change a message\)/);
    assert.match(await undo.getAttribute('title'), /bob · laptop, check mail/);
    await undo.click();
    assert.equal(await device(page, 'bob-laptop').locator('.folders').count(), 0, 'as before its first check');
    await device(page, 'bob-laptop').locator('.empty', { hasText: 'Nothing here yet' }).waitFor();
    // A typed command is an action too.
    await connect(page, { account: 'alice', protocol: 'POP3', port: '995' });
    await exchange(page, 'USER alice');
    await exchange(page, 'PASS wonderland');
    await exchange(page, 'DELE 1');
    await exchange(page, 'QUIT');
    assert.equal((await serverRows(page, 'alice')).length, 1, 'QUIT deleted one');
    await undo.click();
    assert.equal((await serverRows(page, 'alice')).length, 2, 'undoing QUIT brings it back');
    await screenshot(page, 'sandbox-undo');
  });
});

test('a reload brings back the world, the devices with their settings, and the dialogues', async () => {
  await withPage(wide, async (page) => {
    await choosePerson(page, 'bob');
    await checkMail(page, 'bob-laptop');
    await openMessage(page, 'bob-laptop', 'Lunch on Friday?');
    await press(page, 'bob-laptop', '.message-pane .delete');
    await setSetting(page, 'bob-phone', 'in-port', 143);
    await saved(page, (s) => s.devices['bob-phone'].settings.incoming.port === 143);
    await device(page, 'bob-laptop').getByRole('button', { name: 'Show its terminal' }).click();
    const before = await lines(page, 'client');
    assert.ok(before.includes('a3 UID MOVE 5 Trash'));
    await reload(page);
    await page.locator('.sandbox-notice[data-notice="Restored"]').waitFor();
    await choosePerson(page, 'bob');
    assert.ok(!(await serverRows(page, 'bob')).some((r) => r.subject === 'Lunch on Friday?'), 'still deleted');
    assert.ok((await subjects(page, 'bob-laptop', 'Trash')).includes('Lunch on Friday?'), 'the laptop as it was');
    assert.match(await device(page, 'bob-phone').locator('.badge').textContent(), /IMAP 143/);
    await device(page, 'bob-laptop').getByRole('button', { name: 'Show its terminal' }).click();
    assert.deepEqual(await lines(page, 'client'), before, 'the dialogue is back');
    // A line brought back is explained as it was, with its RFC section, in either language.
    const explain = async () => {
      await page.locator('.dialogue .line.client', { hasText: 'a3 UID MOVE 5 Trash' }).click();
      const panel = page.locator('.explanation');
      await panel.locator('.meaning').first().waitFor();
      return {
        meaning: await panel.locator('.meaning').first().innerText(),
        source: await panel.locator('.source a').first().getAttribute('href'),
      };
    };
    const english = await explain();
    assert.match(english.meaning, /^UID MOVE: Moves messages/);
    assert.match(english.source, /^https:\/\/www\.rfc-editor\.org\/rfc\/rfc\d+#section-/);
    await page.evaluate(() => localStorage.setItem('facteur.lang', 'fr'));
    await reload(page);
    await choosePerson(page, 'bob');
    await device(page, 'bob-laptop').getByRole('button', { name: 'Voir son terminal' }).click();
    const french = await explain();
    assert.notEqual(french.meaning, english.meaning, 'in French');
    assert.equal(french.source, english.source);
    await page.evaluate(() => localStorage.setItem('facteur.lang', 'en'));
    await reload(page);
    await choosePerson(page, 'bob');
    await device(page, 'bob-laptop').getByRole('button', { name: 'Show its terminal' }).click();
    // And the world goes on from there.
    await checkMail(page, 'bob-laptop');
    assert.ok((await lines(page, 'client')).length > before.length);
  });
});

test('a corrupt, an older or a too-large saved sandbox resets with a notice, never a blank page', async () => {
  await withPage(wide, async (page) => {
    for (const [entry, notice] of [
      ['{"version":2,"preset":"demo","store":', 'Corrupt'],
      ['{"version":0,"world":{}}', 'OldVersion'],
      // Version 1 kept the engine's notes themselves (before issue 28).
      ['{"version":1,"preset":"demo","dialogues":{}}', 'OldVersion'],
      [`{"version":2,"pad":"${'x'.repeat(3_600_000)}"}`, 'TooLarge'],
      ['{"version":2,"preset":"demo","store":{"servers":"nope"}}', 'Corrupt'],
    ]) {
      await page.evaluate(([key, text]) => localStorage.setItem(key, text), [KEY, entry]);
      await reload(page);
      await page.locator(`.sandbox-notice[data-notice="${notice}"]`).waitFor();
      assert.equal((await serverRows(page, 'alice')).length, 2, `${notice}: the demo world`);
      const left = await page.evaluate((key) => localStorage.getItem(key), KEY);
      assert.notEqual(left, entry, `${notice}: the bad entry is gone`);
    }
    await screenshot(page, 'sandbox-corrupt');
    await page.locator('.sandbox-notice .dismiss').click();
    assert.equal(await page.locator('.sandbox-notice').count(), 0);
  });
});

test('a full storage is reported, and the page goes on', async () => {
  await withPage(wide, async (page) => {
    await page.addInitScript(() => {
      Storage.prototype.setItem = function () {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
    });
    await reload(page);
    await choosePerson(page, 'bob');
    await checkMail(page, 'bob-laptop');
    await page.locator('.sandbox-notice[data-notice="StorageFull"]').waitFor();
    assert.equal((await subjects(page, 'bob-laptop')).length, 5, 'the check itself worked');
  });
});

const MBOX = [
  'From alice@example.test Mon Nov 30 09:00:00 2026',
  'From: Alice Liddell <alice@example.test>',
  'To: bob@example.test',
  'Subject: Field trip',
  'Date: Mon, 30 Nov 2026 09:00:00 +0000',
  '',
  'Bring a packed lunch.',
  '>From the bus stop we walk.',
  '',
  'From carol@other.test Mon Nov 30 10:00:00 2026',
  'From: Carol Keeper <carol@other.test>',
  'To: bob@example.test',
  'Subject: =?UTF-8?Q?Phare_=C3=A9teint?=',
  '',
  'The lighthouse is dark tonight.',
  '',
].join('\n');

test('an uploaded mbox makes a world; a malformed one is refused and changes nothing', async () => {
  await withPage(wide, async (page) => {
    await choosePerson(page, 'bob');
    const file = page.locator('.upload-file');
    await file.setInputFiles({ name: 'class.mbox', mimeType: 'application/mbox', buffer: Buffer.from(MBOX) });
    await page.locator('.upload-result', { hasText: 'class.mbox: 2 messages in bob’s INBOX.' }).waitFor();
    assert.equal(await page.locator('.world-choice').inputValue(), 'uploaded');
    const rows = await serverRows(page, 'bob');
    assert.deepEqual(rows.map((r) => r.subject), ['Field trip', 'Phare éteint']);
    assert.deepEqual(await serverRows(page, 'alice'), [], 'everyone else starts empty');
    await checkMail(page, 'bob-laptop');
    await openMessage(page, 'bob-laptop', 'Field trip');
    assert.match(await device(page, 'bob-laptop').locator('.message-pane').textContent(), /From the bus stop we walk\./);

    const bad = 'From x Mon Nov 30 09:00:00 2026\nSubject: fine\n\nok\n\nFrom y Mon Nov 30 09:00:00 2026\nthis is not a header\n';
    await file.setInputFiles({ name: 'broken.mbox', mimeType: 'application/mbox', buffer: Buffer.from(bad) });
    const error = page.locator('.upload-result.error[role="alert"]');
    await error.waitFor();
    assert.match(await error.textContent(), /broken\.mbox was not imported: message 2 does not start with header fields/);
    assert.deepEqual((await serverRows(page, 'bob')).map((r) => r.subject), ['Field trip', 'Phare éteint'], 'unchanged');
    assert.ok((await subjects(page, 'bob-laptop')).includes('Field trip'), 'the laptop too');
    await file.setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13]) });
    await page.locator('.upload-result.error', { hasText: 'photo.png was not imported: it is not text' }).waitFor();
    await screenshot(page, 'sandbox-upload-error');
    // Reset world starts the uploaded world again.
    await page.getByRole('button', { name: 'Reset world' }).click();
    assert.equal((await serverRows(page, 'bob')).length, 2);
  });
});

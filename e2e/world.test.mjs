// The world you can see: bob's phone, laptop and tablet on POP3 and IMAP, the server side
// following the dialogue step by step, and text from messages shown as text everywhere.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { axeViolations } from './lib/axe.mjs';
import { artifacts, screenshot } from './lib/browser.mjs';
import { useSite } from './lib/site.mjs';
import { connect, exchange, lines, showAll } from './lib/terminal.mjs';
import {
  assertHas, checkMail, choosePerson, device, marks, openMessage, press, send, serverRows,
  setIdle, setReading, subjects, waitForSubject, wide,
} from './lib/world.mjs';

const withPage = useSite();

test('POP3 "delete after download" on the phone leaves nothing on the server for the laptop', async () => {
  await withPage(wide, async (page) => {
    await choosePerson(page, 'bob');
    await setReading(page, 'bob-phone', 'pop3-delete');
    await setReading(page, 'bob-laptop', 'pop3-leave');
    await checkMail(page, 'bob-phone');
    const client = await lines(page, 'client');
    assertHas(client, 'UIDL', 'the phone lists by unique-id');
    assertHas(client, 'DELE 5', 'and deletes what it downloaded');
    assert.equal((await subjects(page, 'bob-phone')).length, 5, 'the phone has all five');
    assert.deepEqual(await serverRows(page, 'bob'), [], 'the server has none left');
    const gone = await serverRows(page, 'bob', 'INBOX', { gone: true });
    assert.equal(gone.length, 5, 'the step that expunged them shows what went');
    await checkMail(page, 'bob-laptop');
    assert.deepEqual(await subjects(page, 'bob-laptop'), [], 'the laptop finds nothing');
    assert.match((await lines(page, 'server')).join('\n'), /maildrop has 0 messages/);
    // The phone keeps its copies although the server deleted them.
    await checkMail(page, 'bob-phone');
    assert.equal((await subjects(page, 'bob-phone')).length, 5);
    await screenshot(page, 'world-pop3-delete');
  });
});

test('POP3 "leave a copy": both devices get the message, and reading it on one leaves it unread on the other', async () => {
  await withPage(wide, async (page) => {
    await choosePerson(page, 'bob');
    await setReading(page, 'bob-phone', 'pop3-leave');
    await setReading(page, 'bob-laptop', 'pop3-leave');
    await choosePerson(page, 'alice');
    await send(page, 'alice-laptop', { to: 'bob@example.test', subject: 'Copies for everyone' });
    await choosePerson(page, 'bob');
    await checkMail(page, 'bob-phone');
    await checkMail(page, 'bob-laptop');
    assertHas(await subjects(page, 'bob-phone'), 'Copies for everyone', 'phone');
    assertHas(await subjects(page, 'bob-laptop'), 'Copies for everyone', 'laptop');
    await openMessage(page, 'bob-phone', 'Copies for everyone');
    await press(page, 'bob-phone', '.message-pane .mark-read');
    assert.equal((await marks(page, 'bob-phone', 'Copies for everyone')).unread, false);
    assert.equal((await marks(page, 'bob-laptop', 'Copies for everyone')).unread, true);
    const row = (await serverRows(page, 'bob')).find((r) => r.subject === 'Copies for everyone');
    assert.ok(row && !row.flags.includes('\\Seen'), 'POP3 has no flags to tell the server');
    // Checking again downloads nothing twice.
    await checkMail(page, 'bob-laptop');
    const copies = (await subjects(page, 'bob-laptop')).filter((s) => s === 'Copies for everyone');
    assert.equal(copies.length, 1);
    await screenshot(page, 'world-pop3-leave');
  });
});

test('on IMAP a flag set on the phone is on the server at once and on the tablet after its next sync', async () => {
  await withPage(wide, async (page) => {
    await choosePerson(page, 'bob');
    await checkMail(page, 'bob-phone');
    await checkMail(page, 'bob-tablet');
    await openMessage(page, 'bob-phone', 'Plans for the new shed');
    await press(page, 'bob-phone', '.message-pane .flag');
    const stored = await lines(page, 'client');
    assert.deepEqual(stored.slice(-5), [
      'a1 LOGIN bob builder', 'a2 SELECT INBOX', 'a3 UID STORE 3 +FLAGS (\\Flagged)',
      'a4 UID FETCH 1:* (FLAGS)', 'a5 LOGOUT',
    ]);
    assert.equal((await marks(page, 'bob-phone', 'Plans for the new shed')).flagged, true);
    assert.equal((await marks(page, 'bob-tablet', 'Plans for the new shed')).flagged, false, 'not synced yet');
    const row = (await serverRows(page, 'bob')).find((r) => r.subject === 'Plans for the new shed');
    assert.match(row.flags, /\\Flagged/);
    await checkMail(page, 'bob-tablet');
    assert.equal((await marks(page, 'bob-tablet', 'Plans for the new shed')).flagged, true);
    await screenshot(page, 'world-imap-flag');
  });
});

test('the tablet in IDLE hears of alice\'s message at once and shows it without a click', async () => {
  await withPage(wide, async (page) => {
    await choosePerson(page, 'bob');
    await setIdle(page, 'bob-tablet', true);
    await checkMail(page, 'bob-tablet');
    await device(page, 'bob-tablet').locator('.idling').waitFor();
    assert.equal((await lines(page, 'server')).at(-1), '+ idling');
    await choosePerson(page, 'alice');
    await send(page, 'alice-laptop', { to: 'bob@example.test', subject: 'Pushed to the tablet' });
    await choosePerson(page, 'bob');
    await waitForSubject(page, 'bob-tablet', 'Pushed to the tablet');
    assert.equal((await subjects(page, 'bob-tablet')).length, 6, 'the five it had, and the new one');
    await page.locator('.devices [role=status]', { hasText: 'bob · tablet: 1 new message' }).waitFor();
    // Its terminal shows the push, DONE, the download and IDLE again.
    await device(page, 'bob-tablet').getByRole('button', { name: 'Show its terminal' }).click();
    await showAll(page);
    const server = await lines(page, 'server');
    assertHas(server, '* 6 EXISTS', 'the push');
    const client = await lines(page, 'client');
    assert.deepEqual(client.slice(-4).map((l) => l.replace(/^a\d+ /, '')),
      ['DONE', 'UID FETCH 1:* (FLAGS)', 'UID FETCH 6 (BODY.PEEK[])', 'IDLE']);
    await screenshot(page, 'world-idle-push');
    // The README's picture: devices, terminal and server side together.
    await page.setViewportSize({ width: 1600, height: 1300 });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: `${artifacts}/readme-world.png` });
  });
});

test('sent from the IMAP laptop, the message is in Sent on the tablet too; a POP3 phone keeps its Sent to itself', async () => {
  await withPage(wide, async (page) => {
    await choosePerson(page, 'bob');
    await send(page, 'bob-laptop', { to: 'alice@example.test', subject: 'From the laptop' });
    const client = await lines(page, 'client');
    assertHas(client, 'STARTTLS', 'submission on 587 encrypts first');
    assert.ok(client.some((l) => /^a\d+ APPEND Sent \(\\Seen\) \{\d+\}$/.test(l)), 'the copy goes by APPEND');
    await checkMail(page, 'bob-tablet');
    assertHas(await subjects(page, 'bob-tablet', 'Sent'), 'From the laptop', 'the tablet\'s Sent');
    await setReading(page, 'bob-phone', 'pop3-leave');
    await send(page, 'bob-phone', { to: 'alice@example.test', subject: 'From the phone' });
    assertHas(await subjects(page, 'bob-phone', 'Sent'), 'From the phone', 'the phone\'s own Sent');
    await checkMail(page, 'bob-tablet');
    const sent = await subjects(page, 'bob-tablet', 'Sent');
    assert.ok(!sent.includes('From the phone'), 'the POP3 phone never told the server');
    assert.deepEqual((await serverRows(page, 'bob', 'Sent')).map((r) => r.subject), ['From the laptop']);
    // A draft saved on the IMAP laptop is on the server, with \Draft, for every device.
    const laptop = device(page, 'bob-laptop');
    await laptop.locator('button.write').click();
    await laptop.locator('.compose-subject').fill('Half-written');
    await laptop.locator('.compose .save-draft').click();
    await showAll(page);
    assert.match((await serverRows(page, 'bob', 'Drafts'))[0].flags, /\\Draft/);
    await checkMail(page, 'bob-tablet');
    assertHas(await subjects(page, 'bob-tablet', 'Drafts'), 'Half-written', 'the tablet\'s Drafts');
    await screenshot(page, 'world-sent');
  });
});

test('stepping back through a dialogue shows the server as it was at that step', async () => {
  await withPage(wide, async (page) => {
    await choosePerson(page, 'bob');
    await setReading(page, 'bob-phone', 'pop3-delete');
    await checkMail(page, 'bob-phone');
    assert.deepEqual(await serverRows(page, 'bob'), []);
    const when = page.locator('.server-view .when');
    assert.equal(await when.textContent(), 'Now');
    // Back, line by line, until the QUIT that applied the deletions is taken back.
    const back = page.getByRole('button', { name: 'Step back' });
    let rows = [];
    for (let i = 0; i < 20 && rows.length === 0; i++) {
      await back.click();
      rows = await serverRows(page, 'bob');
    }
    assert.equal(rows.length, 5, 'before QUIT the messages are still there');
    assert.equal(await when.textContent(), 'As at the selected step');
    await page.locator('.server-view .account[data-account="bob"] .lock').waitFor();
    await screenshot(page, 'world-step-back');
    await showAll(page);
    assert.deepEqual(await serverRows(page, 'bob'), [], 'at the end, the store as it is');
    assert.equal(await when.textContent(), 'Now');
    // Selecting an earlier line shows that step too: the lock taken at PASS.
    await page.locator('.dialogue .line.client', { hasText: 'PASS builder' }).click();
    assert.equal((await serverRows(page, 'bob')).length, 5);
    await page.locator('.step-summary', { hasText: 'bob: lock taken' }).waitFor();
  });
});

test('a subject written as a script tag shows literally in the devices, the server side and the terminal', async () => {
  await withPage(wide, async (page) => {
    const dialogs = [];
    page.on('dialog', async (d) => {
      dialogs.push(d.message());
      await d.dismiss();
    });
    const subject = '<script>alert(1)</script>';
    await choosePerson(page, 'alice');
    await send(page, 'alice-laptop', { to: 'bob@example.test', subject, body: '<b>not bold</b>' });
    assert.ok((await lines(page, 'client')).includes(`Subject: ${subject}`), 'the terminal shows the header as sent');
    await choosePerson(page, 'bob');
    await checkMail(page, 'bob-phone');
    assertHas(await subjects(page, 'bob-phone'), subject, 'the phone\'s list');
    await openMessage(page, 'bob-phone', subject);
    assert.equal(await device(page, 'bob-phone').locator('.message-body').textContent(), '<b>not bold</b>');
    const row = (await serverRows(page, 'bob')).find((r) => r.subject === subject);
    assert.ok(row, 'the server side lists it by its literal subject');
    await page.locator('.server-view .account[data-account="bob"] tr', { hasText: subject })
      .getByRole('button', { name: 'Open' }).click();
    const modal = page.getByRole('dialog');
    assert.equal(await modal.locator('.message-subject').textContent(), subject);
    await modal.getByLabel('Raw source').check();
    await modal.getByLabel('Show line endings (CR LF)').check();
    assert.match(await modal.locator('.message-raw').textContent(), /Subject: <script>alert\(1\)<\/script>␍␊/);
    assert.equal(await page.locator('main script, main b').count(), 0, 'no element was made from message text');
    assert.deepEqual(dialogs, []);
    await screenshot(page, 'world-script-subject');
    await modal.getByRole('button', { name: 'Close' }).click();
  });
});

test('the path of a message lights the hop of the line on screen: submission, relay, reading', async () => {
  await withPage(wide, async (page) => {
    const lit = () => page.locator('.message-path li.lit').getAttribute('class');
    await choosePerson(page, 'alice');
    await send(page, 'alice-laptop', { to: 'carol@other.test', subject: 'Across the relay' });
    await page.locator('.dialogue .line.client:not(.relay)', { hasText: 'MAIL FROM:<alice@example.test>' }).click();
    assert.match(await lit(), /device/);
    await page.locator('.dialogue .line.server:not(.relay)', { hasText: '354' }).click();
    assert.match(await lit(), /submission/);
    await page.locator('.dialogue .line.relay').first().click();
    assert.match(await lit(), /relay/);
    await page.locator('.dialogue .line.client', { hasText: 'APPEND Sent' }).click();
    assert.match(await lit(), /readers/);
    assert.equal(await page.locator('.message-path [aria-current=step]').count(), 1);
    // The sequence diagram draws the APPEND's literal as one arrow, not one per line.
    const arrows = await page.locator('.sequence .arrow text').allTextContents();
    assert.ok(arrows.some((a) => /^From: Alice Liddell .*\(\+\d+\)$/.test(a)), JSON.stringify(arrows));
    assert.ok(!arrows.includes('To: carol@other.test'), 'the content\'s other lines are folded in');
    await screenshot(page, 'world-path-relay');
  });
});

test('at 360 px the views are tabs: devices, terminal and server side, with no sideways scrolling', async () => {
  await withPage({ locale: 'en-GB', viewport: { width: 360, height: 740 } }, async (page) => {
    const tab = (name) => page.locator('.view-tabs').getByRole('button', { name });
    assert.equal(await tab('Terminal').getAttribute('aria-pressed'), 'true', 'a newcomer starts at the terminal');
    await tab('Devices').click();
    await choosePerson(page, 'bob');
    await device(page, 'bob-phone').locator('.check-mail').click();
    // The dialogue plays in the terminal; the phone says so and can skip to the end.
    const skip = device(page, 'bob-phone').getByRole('button', { name: 'Skip to the end' });
    await skip.click();
    assert.equal((await subjects(page, 'bob-phone')).length, 5);
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 360), 'devices fit');
    await screenshot(page, 'world-360-devices');
    await tab('Server side').click();
    assert.equal((await serverRows(page, 'bob')).length, 5);
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 360), 'server side fits');
    await screenshot(page, 'world-360-server');
    await tab('Terminal').click();
    assertHas(await lines(page, 'client'), 'a10 LOGOUT', 'the phone\'s dialogue');
  });
});

test('axe finds no violation in the devices and the server side, in both languages; UIDVALIDITY and UIDNEXT on demand', async () => {
  await withPage(wide, async (page) => {
    await choosePerson(page, 'bob');
    await checkMail(page, 'bob-phone');
    await openMessage(page, 'bob-phone', 'Lunch on Friday?');
    await page.locator('.server-view .counters input').check();
    const counters = page.locator('.server-view .account[data-account="bob"] .mailbox[data-mailbox="INBOX"] .counter');
    assert.match(await counters.textContent(), /^UIDVALIDITY \d+ · UIDNEXT 6$/);
    assert.deepEqual(await axeViolations(page), []);
    await page.getByRole('button', { name: 'Français' }).click();
    await page.getByRole('button', { name: 'English' }).waitFor();
    assert.deepEqual(await axeViolations(page), []);
  });
});

test('an idling tablet renews IDLE before the server\'s half hour runs out, and still hears of new mail', async () => {
  await withPage({ ...wide, clock: true }, async (page) => {
    await choosePerson(page, 'bob');
    await setIdle(page, 'bob-tablet', true);
    await checkMail(page, 'bob-tablet');
    await device(page, 'bob-tablet').locator('.idling').waitFor();
    // 26 minutes of silence: the tablet says DONE and IDLE again, as RFC 2177 asks.
    await page.clock.fastForward('26:00');
    const renewed = page.locator('.dialogue .line.client', { hasText: 'DONE' });
    await renewed.waitFor({ state: 'attached' });
    await showAll(page);
    const client = await lines(page, 'client');
    assert.deepEqual(client.slice(-2).map((l) => l.replace(/^a\d+ /, '')), ['DONE', 'IDLE']);
    assert.equal((await lines(page, 'server')).at(-1), '+ idling');
    // Another 26 minutes: the server never closed it.
    await page.clock.fastForward('26:00');
    await page.waitForFunction(() =>
      [...document.querySelectorAll('.dialogue .line.client .text')].filter((l) => l.textContent === 'DONE').length === 2);
    await showAll(page);
    assert.ok(!(await lines(page, 'server')).some((l) => /BYE/.test(l)), 'no goodbye from the server');
    await device(page, 'bob-tablet').locator('.idling').waitFor();
  });
});

test('busy-10000 loads in the page, the server side lists the newest fifty, and the terminal still answers', async () => {
  await withPage({ ...wide, acceptDownloads: true }, async (page) => {
    const started = Date.now();
    await page.locator('.world-choice').selectOption('busy-10000');
    const older = page.locator('.server-view .account[data-account="bob"] .older');
    await older.filter({ hasText: '9,955 older messages not listed.' }).waitFor();
    console.log(`busy-10000 loaded and drawn in ${Date.now() - started} ms`);
    assert.equal((await serverRows(page, 'bob')).length, 50);
    await page.locator('.sandbox-notice[data-notice="NotSavedTooLarge"]').waitFor();
    await connect(page, { account: 'bob', protocol: 'IMAP', port: '993' });
    await exchange(page, 'a1 LOGIN bob builder');
    assertHas(await exchange(page, 'a2 SELECT INBOX'), '* 10005 EXISTS', 'the whole mailbox');
    assert.deepEqual(await exchange(page, 'a3 FETCH 10005 (FLAGS)'), ['* 10005 FETCH (FLAGS ())', 'a3 OK FETCH completed']);
    // A long answer shows its first and last lines, and one folded line for the rest.
    assert.deepEqual(await exchange(page, 'a4 FETCH 1:* (FLAGS)'), [
      '* 1 FETCH (FLAGS (\\Seen))', '* 2 FETCH (FLAGS (\\Seen))',
      '\u22ef 10,001 more lines of this reply',
      '* 10004 FETCH (FLAGS (\\Seen))', '* 10005 FETCH (FLAGS ())', 'a4 OK FETCH completed',
    ]);
    const fold = page.locator('.dialogue .line.fold');
    await fold.locator('.text').click();
    await page.locator('.explanation .folded-note', { hasText: '10,001 lines of this reply are folded' }).waitFor();
    assert.match(await page.locator('.explanation .explained-line').textContent(), /^\* 3 FETCH/);
    await fold.getByRole('button', { name: 'Show them' }).click();
    const folded = page.locator('.dialogue .line.folded');
    assert.equal(await folded.count(), 300, 'drawn 300 at a time');
    await page.getByRole('button', { name: 'Show more (9,701)' }).click();
    assert.equal(await folded.count(), 600);
    await folded.nth(597).click();
    await page.locator('.explanation .explained-line', { hasText: '* 600 FETCH' }).waitFor();
    await screenshot(page, 'world-busy-10000-fold');
    await fold.getByRole('button', { name: 'Hide them' }).click();
    assert.equal(await folded.count(), 0);
    // The transcript has every line.
    const [txt] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download .txt' }).click(),
    ]);
    const transcript = await readFile(await txt.path(), 'utf8');
    assert.equal((transcript.match(/ FETCH \(FLAGS/g) ?? []).length, 10_006, 'a3, then all of a4');
    // Long answers one after the other: the dialogue keeps a few and says it let go of others.
    for (let i = 5; i < 10; i += 1) await exchange(page, `a${i} FETCH 1:2500 (FLAGS)`);
    await page.locator('.dialogue-dropped').filter({ hasText: 'Older lines no longer kept' }).waitFor();
    assert.match(await page.locator('.dialogue .line.server .text').last().textContent(), /^a9 OK/);
    await screenshot(page, 'world-busy-10000');
    // busy-500 can be listed whole on demand.
    await page.locator('.world-choice').selectOption('busy-500');
    await older.filter({ hasText: '455 older messages not listed.' }).getByRole('button', { name: 'List them all' }).click();
    assert.equal((await serverRows(page, 'bob')).length, 505);
  });
});

test('Reset world starts the chosen world again: mailboxes, devices and dialogues', async () => {
  await withPage(wide, async (page) => {
    await choosePerson(page, 'bob');
    await setReading(page, 'bob-phone', 'pop3-delete');
    await checkMail(page, 'bob-phone');
    assert.deepEqual(await serverRows(page, 'bob'), []);
    await page.getByRole('button', { name: 'Reset world' }).click();
    assert.equal((await serverRows(page, 'bob')).length, 5, 'the messages are back');
    assert.equal(await page.locator('.dialogue .line').count(), 0, 'the dialogue starts afresh');
    assert.match(await device(page, 'bob-phone').locator('.badge').textContent(), /^IMAP 993/, 'the phone as it came');
    assert.equal(await page.locator('.world-choice').inputValue(), 'demo');
  });
});

// The terminal, as a learner uses it: connect, type, watch, select a line to understand it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { screenshot } from './lib/browser.mjs';
import { useSite } from './lib/site.mjs';
import { connect, exchange, expectReply, lines, showAll, type } from './lib/terminal.mjs';
import { checkMail, choosePerson, wide } from './lib/world.mjs';

const withPage = useSite();
const en = { locale: 'en-GB' };

test('a whole SMTP dialogue, EHLO to QUIT, gets the right reply at each step', async () => {
  await withPage(en, async (page) => {
    await connect(page, { account: 'carol', protocol: 'SMTP', port: '25' });
    await showAll(page);
    assert.match((await lines(page, 'server'))[0], /^220 mx\.other\.test ESMTP Facteur ready$/);
    const ehlo = await exchange(page, 'EHLO laptop.other.test');
    assert.equal(ehlo[0], '250-mx.other.test greets laptop.other.test');
    assert.equal(ehlo[ehlo.length - 1], '250 HELP');
    await expectReply(page, 'MAIL FROM:<bob@example.test>', '250 2.1.0 Sender <bob@example.test> OK');
    await expectReply(page, 'RCPT TO:<carol@other.test>', '250 2.1.5 Recipient <carol@other.test> OK');
    await expectReply(page, 'DATA', '354 End data with <CR><LF>.<CR><LF>');
    await type(page, 'Subject: typed in the browser');
    await type(page, '');
    await type(page, 'Hello Carol.');
    await expectReply(page, '.', /^250 2\.0\.0 Ok: queued as Q[0-9A-F]{5}$/);
    await page.locator('.dialogue .line.event', { hasText: "Delivered to carol's INBOX" }).waitFor();
    await expectReply(page, 'QUIT', '221 2.0.0 Bye');
    await page.getByRole('button', { name: 'Connect' }).waitFor();
    await screenshot(page, 'smtp-dialogue');
  });
});

test('a bad command is flagged while typing, then answered with an error and its explanation', async () => {
  await withPage(en, async (page) => {
    await connect(page, { protocol: 'SMTP', port: '25' });
    await page.getByLabel('Command line').fill('HELLO there');
    await page.getByText('HELLO is not a command of this protocol').waitFor();
    await type(page, 'HELLO there');
    await showAll(page);
    const error = page.locator('.dialogue .line.server', { hasText: '500 5.5.2 Command not recognized' });
    await error.click();
    const panel = page.locator('.explanation');
    await panel.getByText('Code 500: HELLO is not an SMTP command').waitFor();
    await panel.getByText('5xx: no, a permanent failure').waitFor();
    await page.getByLabel('Command line').fill('MAIL FROM:<nobody@example.test');
    await page.locator('.diagnostic', { hasText: 'expected a closing >' }).waitFor();
    await screenshot(page, 'bad-command-explained');
  });
});

test('Up recalls earlier lines and Tab completes commands', async () => {
  await withPage(en, async (page) => {
    await connect(page, { protocol: 'SMTP', port: '25' });
    const input = page.getByLabel('Command line');
    await input.fill('eh');
    await input.press('Tab');
    assert.equal(await input.inputValue(), 'ehlo ');
    await input.fill('EHLO laptop.example.test');
    await input.press('Enter');
    await input.fill('NO');
    await input.press('Tab');
    assert.equal(await input.inputValue(), 'NOOP');
    await input.press('Enter');
    await input.press('ArrowUp');
    assert.equal(await input.inputValue(), 'NOOP');
    await input.press('ArrowUp');
    assert.equal(await input.inputValue(), 'EHLO laptop.example.test');
    await input.press('ArrowDown');
    await input.press('ArrowDown');
    assert.equal(await input.inputValue(), '');
    await input.fill('R');
    await input.press('Tab');
    await page.locator('.completions', { hasText: 'RCPT' }).waitFor();
    assert.match(await page.locator('.completions').textContent(), /RSET/);
  });
});

test('IMAP commands typed without a tag get a1, a2… and mailbox names complete', async () => {
  await withPage(en, async (page) => {
    await connect(page, { protocol: 'IMAP', port: '993' });
    const input = page.getByLabel('Command line');
    await input.fill('LOGIN bob builder');
    await page.getByText('Will be sent as: a1 LOGIN bob builder').waitFor();
    await expectReply(page, 'LOGIN bob builder', /^a1 OK \[CAPABILITY .*\] Logged in$/);
    assert.equal((await lines(page, 'client')).at(-1), 'a1 LOGIN bob builder');
    await input.fill('SELECT In');
    await input.press('Tab');
    assert.equal(await input.inputValue(), 'SELECT INBOX');
    await expectReply(page, 'SELECT INBOX', 'a2 OK [READ-WRITE] SELECT completed');
    await expectReply(page, 'x9 NOOP', 'x9 OK NOOP completed');
    const fetched = await exchange(page, 'FETCH 1:* (FLAGS)');
    assert.equal(fetched.length, 6);
    assert.equal(fetched[5], 'a3 OK FETCH completed');
    assert.equal(await page.locator('.dialogue .line.server.untagged').count() > 5, true, 'untagged replies are marked');
    await screenshot(page, 'imap-tags');
  });
});

test('a literal waits for the continuation and the prompt says how many bytes remain', async () => {
  await withPage(en, async (page) => {
    await connect(page, { protocol: 'IMAP', port: '993' });
    await expectReply(page, 'a1 LOGIN {3}', '+ Ready for literal data');
    assert.equal(await page.locator('.dialogue .line.server.continuation').count(), 1);
    await page.getByText('Sending a literal: 3 more bytes').waitFor();
    await expectReply(page, 'bob {7}', '+ Ready for literal data');
    await expectReply(page, 'builder', /^a1 OK .*Logged in$/);
    await screenshot(page, 'imap-literal');
  });
});

test('Step, Pause, Play and Show all control when lines appear', async () => {
  await withPage(en, async (page) => {
    await connect(page, { protocol: 'POP3', port: '995' });
    await showAll(page);
    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    await type(page, 'CAPA');
    await page.getByText('10 lines waiting').waitFor();
    const all = page.locator('.dialogue .line');
    const before = await all.count();
    await page.getByRole('button', { name: 'Step', exact: true }).click();
    assert.equal(await all.count(), before + 1, 'Step shows exactly one more line');
    await page.getByText('9 lines waiting').waitFor();
    await page.getByLabel('Speed').selectOption('4');
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    await page.locator('.dialogue .line.server .text', { hasText: 'IMPLEMENTATION Facteur' }).waitFor();
    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    await type(page, 'USER bob');
    await type(page, 'PASS builder');
    await page.getByRole('button', { name: 'Show all' }).click();
    assert.match((await lines(page, 'server')).at(-1), /^\+OK bob's maildrop has 5 messages/);
    assert.equal(await page.getByRole('button', { name: 'Show all' }).isDisabled(), true);
  });
});

test('selecting a line shows its parts, its meaning and a link to the RFC', async () => {
  await withPage(en, async (page) => {
    await connect(page, { protocol: 'SMTP', port: '25' });
    await exchange(page, 'EHLO mx.other.test');
    await exchange(page, 'MAIL FROM:<carol@other.test>');
    await page.locator('.dialogue .line.server', { hasText: '250 2.1.0 Sender' }).click();
    const panel = page.locator('.explanation');
    await panel.getByText('Code 250: sender <carol@other.test> accepted').waitFor();
    assert.deepEqual(await panel.locator('.parts dt').allTextContents(), ['reply code', 'enhanced status code', 'text']);
    const link = panel.getByRole('link', { name: 'RFC 5321 §4.1.1.2' });
    assert.equal(await link.getAttribute('href'), 'https://www.rfc-editor.org/rfc/rfc5321#section-4.1.1.2');
    await screenshot(page, 'explained-line');
  });
});

test('the sequence diagram draws one arrow per message, and a third lifeline for a relay', async () => {
  await withPage(en, async (page) => {
    await connect(page, { account: 'alice', protocol: 'SMTP', port: '465' });
    for (const line of ['EHLO laptop.example.test', 'AUTH PLAIN AGFsaWNlAHdvbmRlcmxhbmQ=', 'MAIL FROM:<alice@example.test>', 'RCPT TO:<carol@other.test>', 'DATA', 'Subject: relayed', '', 'Hi Carol.', '.']) {
      await type(page, line);
    }
    await showAll(page);
    const shown = (await lines(page, 'client')).length + (await lines(page, 'server')).length;
    const arrows = await page.locator('.sequence .arrow').count();
    assert.ok(arrows < shown, `a reply of many lines is one arrow: ${arrows} arrows for ${shown} lines`);
    assert.equal(await page.locator('#sequence-diagram').getAttribute('data-arrows'), String(arrows));
    // EHLO's reply: its first line, how many more, and every line on hover.
    const ehlo = page.locator('.sequence .arrow.server', { hasText: 'greets laptop' }).first();
    assert.match(await ehlo.locator('text').textContent(), /\(\+\d+\)$/);
    assert.match(await ehlo.locator('title').textContent(), /250 HELP/);
    assert.deepEqual(await page.locator('.sequence .lane-name').allTextContents(), ['alice · laptop', 'mail.example.test', 'mx.other.test']);
    assert.ok(await page.locator('.dialogue .line.relay').count() > 10, 'the relay dialogue is shown');
    await screenshot(page, 'relay-diagram');
  });
});

test('typed markup is shown as text, never run as HTML', async () => {
  await withPage(en, async (page) => {
    let dialogs = 0;
    page.on('dialog', async (d) => {
      dialogs += 1;
      await d.dismiss();
    });
    await connect(page, { protocol: 'SMTP', port: '25' });
    const markup = '<img src=x onerror=alert(1)>';
    await exchange(page, markup);
    assert.equal((await lines(page, 'client')).at(-1), markup);
    assert.equal(await page.locator('.dialogue img').count(), 0);
    assert.equal(dialogs, 0);
  });
});

test('at 360 px wide the page needs no horizontal scrolling', async () => {
  await withPage({ ...en, viewport: { width: 360, height: 740 } }, async (page) => {
    await connect(page, { protocol: 'IMAP', port: '993' });
    await exchange(page, 'LOGIN bob builder');
    await exchange(page, 'SELECT INBOX');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.equal(overflow, 0);
    await screenshot(page, 'narrow-360');
  });
});

test('the transcript downloads in C:/S: form and the diagram as an SVG file', async () => {
  await withPage({ ...en, acceptDownloads: true }, async (page) => {
    await connect(page, { protocol: 'POP3', port: '110' });
    await exchange(page, 'USER bob');
    await exchange(page, 'STAT');
    const [txt] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download .txt' }).click(),
    ]);
    assert.equal(txt.suggestedFilename(), 'facteur-transcript.txt');
    const text = await (await import('node:fs/promises')).readFile(await txt.path(), 'utf8');
    assert.match(text, /^# bob · phone → mail\.example\.test · POP3 110 · \d\d:\d\d\n/);
    assert.equal(text.replace(/^# .*\n/, ''), [
      'S: +OK mail.example.test POP3 server ready (Facteur)',
      'C: USER bob',
      'S: +OK Send your password with PASS',
      'C: STAT',
      'S: -ERR STAT is not allowed before login',
      '',
    ].join('\n'));
    const [svg] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download SVG' }).click(),
    ]);
    assert.equal(svg.suggestedFilename(), 'facteur-sequence.svg');
    const drawing = await (await import('node:fs/promises')).readFile(await svg.path(), 'utf8');
    assert.match(drawing, /^<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    assert.equal((drawing.match(/class="arrow /g) ?? []).length, 5, 'two commands, three replies');
  });
});

test('a session left silent is closed by the server, with its goodbye explained', async () => {
  await withPage({ ...en, clock: true }, async (page) => {
    await connect(page, { protocol: 'SMTP', port: '587' });
    await showAll(page);
    // The learner walks away: five minutes and a bit pass with nothing typed.
    await page.clock.fastForward('05:10');
    const bye = page.locator('.dialogue .line.server', {
      hasText: '421 4.4.2 mail.example.test Idle timeout, closing connection',
    });
    await bye.waitFor({ state: 'attached' });
    await showAll(page);
    await bye.click();
    await page.locator('.explanation').getByText('The client said nothing for 5 minutes').waitFor();
    await page.getByRole('button', { name: 'Connect' }).waitFor();
    await screenshot(page, 'idle-timeout');
  });
});

test('back on a connected terminal, the connect bar shows its protocol and port', async () => {
  await withPage(en, async (page) => {
    await connect(page, { account: 'bob', protocol: 'IMAP', port: '993' });
    const bar = page.locator('.connect-bar');
    await bar.getByLabel('Account').selectOption({ label: 'alice' });
    await bar.getByRole('button', { name: 'Connect', exact: true }).waitFor();
    await bar.getByLabel('Account').selectOption({ label: 'bob' });
    await bar.getByRole('button', { name: 'Disconnect' }).waitFor();
    assert.equal(await bar.getByLabel('Protocol').inputValue(), 'IMAP');
    assert.equal(await bar.getByLabel('Port').inputValue(), '993');
  });
});

test("the sequence diagram never cuts a lane's name, in French either", async () => {
  await withPage({ locale: 'fr-FR', viewport: { width: 1280, height: 900 } }, async (page) => {
    await page.locator('.connect-bar').getByLabel('Compte').selectOption({ label: 'alice' });
    await page.locator('.connect-bar').getByRole('button', { name: 'Se connecter' }).click();
    await page.locator('.sequence .lane-name').nth(1).waitFor();
    const svg = await page.locator('.sequence').boundingBox();
    const names = page.locator('.sequence .lane-name');
    assert.deepEqual(await names.allTextContents(), ['alice · ordinateur portable', 'mail.example.test']);
    for (const name of await names.all()) {
      const box = await name.boundingBox();
      assert.ok(box.x >= svg.x - 0.5 && box.x + box.width <= svg.x + svg.width + 0.5,
        `${await name.textContent()} lies inside the picture`);
    }
  });
});

test("not connected, the connect bar names the protocol and port of the app's dialogue on screen", async () => {
  await withPage(wide, async (page) => {
    await choosePerson(page, 'bob');
    await checkMail(page, 'bob-laptop');
    const bar = page.locator('.connect-bar');
    await bar.getByRole('button', { name: 'Connect', exact: true }).waitFor();
    assert.equal(await bar.getByLabel('Protocol').inputValue(), 'IMAP');
    assert.equal(await bar.getByLabel('Port').inputValue(), '993');
  });
});

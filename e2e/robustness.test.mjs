// A curious student at the keyboard: garbage into every server, a huge paste into the
// command line, markup everywhere text goes. The page answers, stays quick, and shows text
// as text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { screenshot } from './lib/browser.mjs';
import { useSite } from './lib/site.mjs';
import { connect, exchange, expectReply, lines, type } from './lib/terminal.mjs';
import { checkMail, choosePerson, device, serverRows, subjects, wide } from './lib/world.mjs';

const withPage = useSite();

/** Replies appear as soon as they come, so every line can be checked at once. */
async function instant(page) {
  await page.locator('.controls .speed select').selectOption('inf');
}

/**
 * `count` lines of printable garbage (ASCII and a few other scripts, up to 120 characters)
 * from a fixed seed, so a failure can be replayed. Braces are left out: a line ending in
 * `{5}` is an IMAP literal, whose next lines are content and rightly get no answer each.
 */
function garbage(count, seed) {
  let state = seed;
  const next = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  const alphabet = [...' !"#$%&\'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz|~éàçßøΩЖ中文🙂'];
  return Array.from({ length: count }, () => {
    const length = Math.floor(next() * 121);
    return Array.from({ length }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
  });
}

/**
 * Types each line in the page itself (as the prompt's input and Enter events do) and
 * returns the lines that got no server line after them, or that closed the connection.
 */
async function sendAll(page, list) {
  return page.evaluate(async (list) => {
    const input = document.querySelector('#command-line');
    const lastServer = () => {
      const all = document.querySelectorAll('.dialogue .line.server');
      return all[all.length - 1];
    };
    const unanswered = [];
    for (const line of list) {
      const before = lastServer();
      input.value = line;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
      let waited = 0;
      while (lastServer() === before && waited < 2000) {
        await new Promise((r) => setTimeout(r, 0));
        waited += 1;
      }
      if (lastServer() === before || input.disabled) unanswered.push(line);
      if (input.disabled) break;
    }
    return unanswered;
  }, list);
}

/** What the server side shows of every account's mailboxes, to compare before and after. */
async function serverSide(page) {
  return page.locator('.server-view .account').allInnerTexts();
}

for (const [protocol, port, seed, login] of [
  ['SMTP', '25', 7, []],
  ['POP3', '995', 11, ['USER bob', 'PASS builder']],
  ['IMAP', '993', 13, ['a1 LOGIN bob builder', 'a2 SELECT INBOX']],
]) {
  test(`1,000 garbage lines into ${protocol} are each answered and change nothing`, async () => {
    await withPage(wide, async (page) => {
      await instant(page);
      const before = await serverSide(page);
      await connect(page, { account: 'bob', protocol, port });
      for (const line of login) await type(page, line);
      const unanswered = await sendAll(page, garbage(1000, seed));
      assert.deepEqual(unanswered, [], 'every line got an answer and the connection stayed open');
      // Still a working session after all that.
      const last = await exchange(page, 'NOOP');
      assert.match(last.at(-1), /^(250|\+OK|a\d+ OK)/);
      await page.getByRole('button', { name: 'Disconnect' }).click();
      assert.deepEqual(await serverSide(page), before, 'the world is as it was');
    });
  });
}

test('a 10 MB paste into the command line is cut to what a line can hold, and the next key is quick', async () => {
  await withPage(wide, async (page) => {
    await instant(page);
    await connect(page, { account: 'bob', protocol: 'IMAP', port: '993' });
    const input = page.locator('#command-line');
    await input.focus();
    // A real paste is an edit the browser makes, as insertText does.
    await page.keyboard.insertText('a1 NOOP '.padEnd(10 * 1024 * 1024, 'x'));
    const held = await input.evaluate((el) => el.value.length);
    assert.ok(held <= 10000, `the command line holds ${held} characters`);
    await page.locator('.prompt-limit').filter({ hasText: 'at most 10000 characters' }).waitFor();
    // The next keystroke: from the key event to the line's new value in the document.
    const took = await page.evaluate(async () => {
      const el = document.querySelector('#command-line');
      const start = performance.now();
      el.value = el.value.slice(0, -1);
      el.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      return performance.now() - start;
    });
    assert.ok(took < 100, `the next keystroke took ${took.toFixed(1)} ms`);
    // Sent anyway, the server says the line is too long, in its own words.
    const reply = await exchange(page, await input.inputValue());
    assert.match(reply.at(-1), /^\* BAD|^a1 BAD/);
    await expectReply(page, 'a2 NOOP', /^a2 OK/);
    await screenshot(page, 'robustness-paste');
  });
});

test('markup in a subject, a body, a mailbox name and a command shows as text everywhere', async () => {
  await withPage(wide, async (page) => {
    let dialogs = 0;
    page.on('dialog', async (d) => {
      dialogs += 1;
      await d.dismiss();
    });
    await instant(page);
    const subject = '<img src=x onerror=alert(1)>Hello';
    const body = '<script>alert(2)</script><b>bold?</b>';
    const folder = '<i>Folder</i>';
    // carol's server hands the message to bob's, as a relay would.
    await connect(page, { account: 'bob', protocol: 'SMTP', port: '25' });
    await type(page, 'EHLO mx.other.test');
    await type(page, 'MAIL FROM:<carol@other.test>');
    await type(page, 'RCPT TO:<bob@example.test>');
    await type(page, 'DATA');
    await type(page, `Subject: ${subject}`);
    await type(page, '');
    await type(page, body);
    await expectReply(page, '.', /^250 /);
    await type(page, 'QUIT');
    await page.getByRole('button', { name: 'Connect' }).waitFor();
    await connect(page, { account: 'bob', protocol: 'IMAP', port: '993' });
    await type(page, 'a1 LOGIN bob builder');
    await expectReply(page, `a2 CREATE "${folder}"`, /^a2 OK/);
    await expectReply(page, `a3 <svg onload=alert(3)>`, /^a3 BAD/);
    assert.ok((await lines(page, 'client')).includes(`a3 <svg onload=alert(3)>`));
    // The server side, bob's phone and the dialogue show the characters themselves.
    const rows = await serverRows(page, 'bob');
    assert.ok(rows.some((r) => r.subject === subject), 'the server side lists the subject as typed');
    await choosePerson(page, 'bob');
    await checkMail(page, 'bob-phone');
    assert.ok((await subjects(page, 'bob-phone')).includes(subject), 'the phone lists it as typed');
    await device(page, 'bob-phone').locator('.message', { hasText: subject }).first().click();
    await device(page, 'bob-phone').getByText(body).waitFor();
    await page.locator('.server-view .mailbox[data-mailbox="<i>Folder</i>"]').waitFor();
    const made = await page.evaluate(() => ({
      handlers: document.querySelectorAll('[onerror], [onload]').length,
      images: document.querySelectorAll('img[src="x"]').length,
      scripts: [...document.scripts].filter((s) => s.textContent.includes('alert')).length,
      tags: [...document.querySelectorAll('b, i')].filter((e) => ['bold?', 'Folder'].includes(e.textContent)).length,
    }));
    assert.deepEqual(made, { handlers: 0, images: 0, scripts: 0, tags: 0 }, 'no element came from the payloads');
    assert.equal(dialogs, 0, 'no script ran');
    await screenshot(page, 'robustness-markup');
  });
});

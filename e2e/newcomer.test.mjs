// A newcomer who knows nothing but what the page shows, and a learner on the keyboard alone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { screenshot } from './lib/browser.mjs';
import { axeViolations } from './lib/axe.mjs';
import { useSite } from './lib/site.mjs';
import { connect, exchange, expectReply, showAll, type } from './lib/terminal.mjs';

const withPage = useSite();
const en = { locale: 'en-GB' };

/** The password the page shows for the chosen account. */
async function shownPassword(page) {
  return (await page.locator('.credentials .password').textContent()).trim();
}

/** Clicks the suggested line that starts with `start`, then sends it with Enter. */
async function suggested(page, start) {
  await page.locator('.suggestion', { hasText: start }).first().click();
  const input = page.getByLabel('Command line');
  assert.ok((await input.inputValue()).startsWith(start));
  await input.press('Enter');
  await showAll(page);
}

test('a newcomer follows what the page offers and sends alice → bob by SMTP 587, then reads it over IMAP 993', async () => {
  await withPage(en, async (page) => {
    // What the page offers first: alice's laptop submitting on 587, and what SMTP is for.
    assert.equal(await page.locator('.connect-bar').getByLabel('Account').inputValue(), '0');
    assert.match(await page.locator('.connect-bar').getByLabel('Port').locator('option:checked').textContent(), /^587/);
    await page.getByText('SMTP sends mail').waitFor();
    const alice = await shownPassword(page);
    await page.getByRole('button', { name: 'Connect' }).click();
    // Focus goes where the learner types next.
    await page.waitForFunction(() => document.activeElement?.id === 'command-line');
    await suggested(page, 'EHLO');
    await suggested(page, 'STARTTLS');
    await suggested(page, 'EHLO');
    // The helper builds AUTH PLAIN's base64 from the account shown on the page.
    const helper = page.locator('.sasl-helper');
    await helper.locator('summary').click();
    assert.equal(await helper.getByLabel('Password').inputValue(), alice);
    await helper.getByRole('button', { name: 'Put it on the command line' }).click();
    await page.getByLabel('Command line').press('Enter');
    await showAll(page);
    await page.locator('.dialogue .line.server', { hasText: '235 2.7.0 Authentication successful' }).waitFor();
    await suggested(page, 'MAIL FROM:<alice@example.test>');
    await suggested(page, 'RCPT TO:<bob@example.test>');
    await suggested(page, 'DATA');
    await type(page, 'Subject: found my way');
    await type(page, '');
    await type(page, 'Hello Bob, the page told me how.');
    await suggested(page, '.');
    await page.locator('.dialogue .line.server', { hasText: 'Ok: queued as' }).waitFor();
    // QUIT with Alt+2 (the second suggestion), then Enter: when the server closes, focus
    // goes back to Connect.
    const input = page.getByLabel('Command line');
    await input.press('Alt+2');
    assert.equal(await input.inputValue(), 'QUIT');
    await input.press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'connect-button');
    await showAll(page);

    await page.locator('.connect-bar').getByLabel('Account').selectOption({ label: 'bob' });
    const bob = await shownPassword(page);
    assert.notEqual(bob, alice, 'each account shows its own password');
    await page.locator('.connect-bar').getByLabel('Protocol').selectOption('IMAP');
    assert.match(await page.locator('.connect-bar').getByLabel('Port').locator('option:checked').textContent(), /^993/);
    await page.getByText('IMAP reads mail where the server keeps it').waitFor();
    await page.getByRole('button', { name: 'Connect' }).click();
    await suggested(page, `LOGIN bob ${bob}`);
    await suggested(page, 'SELECT INBOX');
    await suggested(page, 'FETCH 1:* (FLAGS ENVELOPE)');
    await page.locator('.dialogue .line.server', { hasText: '"found my way"' }).waitFor();
    await screenshot(page, 'newcomer-alice-to-bob');
  });
});

test('a POP3 command typed at IMAP is named for what it is, before and after sending', async () => {
  await withPage(en, async (page) => {
    await connect(page, { protocol: 'IMAP', port: '993' });
    await page.getByLabel('Command line').fill('RETR 1');
    await page.getByText('RETR is a POP3 command, and this is an IMAP server').waitFor();
    await type(page, 'RETR 1');
    await showAll(page);
    await page.locator('.dialogue .line.server', { hasText: 'RETR BAD' }).click();
    await page.locator('.explanation').getByText('In IMAP, type FETCH 1 BODY[] instead').waitFor();
  });
});

test('Tab completes a begun word without a stray space, and otherwise moves on', async () => {
  await withPage(en, async (page) => {
    await connect(page, { protocol: 'IMAP', port: '993' });
    const input = page.getByLabel('Command line');
    await input.fill('CAP');
    await input.press('Tab');
    assert.equal(await input.inputValue(), 'CAPABILITY');
    await expectReply(page, 'CAPABILITY', 'a1 OK CAPABILITY completed');
    // On an empty line Tab leaves the command line for the next control.
    await input.focus();
    await input.press('Tab');
    assert.notEqual(await page.evaluate(() => document.activeElement?.id), 'command-line');
    // With a word begun, Escape then Tab leaves too.
    await input.fill('NO');
    await input.press('Escape');
    await input.press('Tab');
    assert.equal(await input.inputValue(), 'NO');
    assert.notEqual(await page.evaluate(() => document.activeElement?.id), 'command-line');
    await page.getByText('Esc, then Tab, leaves the command line').waitFor();
  });
});

test('Play and Pause say what they do, and copying the transcript is confirmed', async () => {
  await withPage(en, async (page) => {
    await connect(page, { protocol: 'SMTP', port: '25' });
    const pause = page.getByRole('button', { name: 'Pause', exact: true });
    assert.equal(await pause.getAttribute('aria-pressed'), null);
    await pause.click();
    await page.getByRole('button', { name: 'Play', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Copy transcript' }).click();
    await page.getByRole('status').filter({ hasText: 'Transcript copied' }).waitFor();
  });
});

test('the language choice is remembered, with a French title and description', async () => {
  await withPage(en, async (page) => {
    await page.getByRole('button', { name: 'Français' }).click();
    await page.getByRole('button', { name: 'English' }).waitFor();
    await page.reload();
    await page.getByRole('button', { name: 'English' }).waitFor();
    assert.match(await page.title(), /voyez comment le courriel circule/);
    const description = await page.locator('meta[name=description]').getAttribute('content');
    assert.match(description, /dans votre navigateur/);
    await page.getByText('ordinateur portable').first().waitFor({ state: 'attached' });
    await screenshot(page, 'french-remembered');
  });
});

test('screen readers hear who spoke, and a long reply as its first line and length', async () => {
  await withPage(en, async (page) => {
    await connect(page, { account: 'bob', protocol: 'POP3', port: '995' });
    await exchange(page, 'USER bob');
    await exchange(page, 'PASS builder');
    await exchange(page, 'RETR 2');
    const live = page.locator('#announcer');
    await page.waitForFunction(
      () => /^\+OK \d+ octets \(\d+ lines\)$/.test(document.getElementById('announcer')?.textContent ?? ''),
    );
    assert.match(await live.textContent(), /^\+OK \d+ octets \(\d+ lines\)$/);
    const first = page.locator('.dialogue .line.server').first();
    assert.match(await first.textContent(), /server: /);
  });
});

test('the dialogue is one tab stop, and the arrow keys move from line to line', async () => {
  await withPage(en, async (page) => {
    await connect(page, { protocol: 'SMTP', port: '25' });
    await exchange(page, 'EHLO laptop.example.test');
    const dialogue = page.getByRole('listbox', { name: 'Dialogue' });
    assert.equal(await page.locator('.dialogue [tabindex]').count(), 0, 'lines are not tab stops');
    await dialogue.focus();
    await dialogue.press('Home');
    await dialogue.press('ArrowDown');
    const selected = page.locator('.dialogue [role=option][aria-selected=true]');
    assert.match(await selected.textContent(), /220 mail\.example\.test ESMTP Facteur ready/);
    assert.equal(await dialogue.getAttribute('aria-activedescendant'), await selected.getAttribute('id'));
    await page.locator('.explanation').getByText('220').first().waitFor();
    await dialogue.press('End');
    assert.match(await selected.textContent(), /250 HELP/);
  });
});

test('each device keeps its own dialogue, each connection its own header and diagram, and Clear empties the page', async () => {
  await withPage(en, async (page) => {
    await connect(page, { account: 'bob', protocol: 'SMTP', port: '25' });
    await exchange(page, 'EHLO phone.example.test');
    await page.getByRole('button', { name: 'Disconnect' }).click();
    await connect(page, { account: 'bob', protocol: 'POP3', port: '995' });
    await showAll(page);
    const headers = await page.locator('.dialogue .line.session').allTextContents();
    assert.equal(headers.length, 2);
    assert.match(headers[0], /bob · phone → mail\.example\.test · SMTP 25/);
    assert.match(headers[1], /bob · phone → mail\.example\.test · POP3 995/);
    // The diagram shows this connection only, under its own lifelines.
    assert.deepEqual(await page.locator('.sequence .lane-name').allTextContents(), ['bob · phone', 'mail.example.test']);
    assert.equal(await page.locator('.sequence .arrow').count(), 1);
    // Alice's laptop has a terminal of its own, empty until she connects.
    await page.locator('.connect-bar').getByLabel('Account').selectOption({ label: 'alice' });
    assert.equal(await page.locator('.dialogue .line').count(), 0);
    await page.locator('.connect-bar').getByLabel('Account').selectOption({ label: 'bob' });
    assert.equal(await page.locator('.dialogue .line.session').count(), 2, 'bob\'s dialogue is still there');
    await page.getByRole('button', { name: 'Clear' }).click();
    assert.equal(await page.locator('.dialogue .line').count(), 0);
    await expectReply(page, 'USER bob', /^\+OK/);
  });
});

test('a line a lenient server forgave is marked in the dialogue', async () => {
  await withPage(en, async (page) => {
    await connect(page, { protocol: 'SMTP', port: '25' });
    await exchange(page, 'EHLO laptop.example.test');
    await exchange(page, 'MAIL FROM: <carol@other.test>');
    const forgiven = page.locator('.dialogue .line.client.forgiven', { hasText: 'MAIL FROM' });
    await forgiven.getByText('forgiven').waitFor();
  });
});

test('axe finds no accessibility violation after a session, in both languages', async () => {
  await withPage(en, async (page) => {
    await connect(page, { protocol: 'SMTP', port: '25' });
    await exchange(page, 'EHLO laptop.example.test');
    await exchange(page, 'MAIL FROM: <carol@other.test>');
    await page.locator('.dialogue .line.server').first().click();
    assert.deepEqual(await axeViolations(page), []);
    await page.getByRole('button', { name: 'Français' }).click();
    await page.getByRole('button', { name: 'English' }).waitFor();
    assert.deepEqual(await axeViolations(page), []);
  });
});

test('every control can be reached with Tab alone', async () => {
  await withPage(en, async (page) => {
    await connect(page, { protocol: 'SMTP', port: '587' });
    await exchange(page, 'EHLO laptop.example.test');
    await page.locator('body').click({ position: { x: 2, y: 2 } });
    const wanted = ['Français', 'Account', 'Disconnect', 'Dialogue', 'Command line', 'STARTTLS', 'Pause', 'Speed', 'Clear', 'Copy transcript', 'Download .txt', 'Download SVG'];
    const reached = new Set();
    for (let i = 0; i < 60 && reached.size < wanted.length; i += 1) {
      await page.keyboard.press('Tab');
      const name = await page.evaluate(() => {
        const el = document.activeElement;
        if (!el) return '';
        const label = el.getAttribute('aria-label') || (el.labels && el.labels[0]?.textContent) || el.textContent || '';
        return label.trim();
      });
      for (const w of wanted) if (name.includes(w)) reached.add(w);
    }
    assert.deepEqual(wanted.filter((w) => !reached.has(w)), [], 'controls Tab never reached');
  });
});

test('at 360 px the explanation opens where the learner is looking, and diagram text stays 12 px', async () => {
  await withPage({ ...en, viewport: { width: 360, height: 740 } }, async (page) => {
    await connect(page, { protocol: 'SMTP', port: '25' });
    await exchange(page, 'EHLO laptop.example.test');
    await page.locator('.dialogue .line.server').first().click();
    const sheet = page.locator('.explanation');
    await sheet.getByText('220').first().waitFor();
    const box = await sheet.boundingBox();
    assert.ok(box.y >= 0 && box.y < 740, `the explanation is on screen (top at ${box.y})`);
    // The diagram is drawn at its natural size, so its text is 12 px, not shrunk.
    const size = await page.locator('.sequence .arrow text').first().evaluate((t) => {
      const svg = t.ownerSVGElement;
      const scale = svg.getBoundingClientRect().width / Number(svg.getAttribute('width'));
      return parseFloat(getComputedStyle(t).fontSize) * scale;
    });
    assert.ok(size >= 12, `diagram text is ${size}px`);
    await screenshot(page, 'narrow-360-sheet');
    await sheet.getByRole('button', { name: 'Close' }).click();
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= 360), true);
  });
});

test('screenshots at 1280×720, at 150 % zoom and at 360×740', async () => {
  for (const [name, options] of [
    ['size-1280x720', { viewport: { width: 1280, height: 720 } }],
    ['size-150-percent', { viewport: { width: 853, height: 480 }, deviceScaleFactor: 1.5 }],
    ['size-360x740', { viewport: { width: 360, height: 740 } }],
  ]) {
    await withPage({ ...en, ...options }, async (page) => {
      await connect(page, { account: 'bob', protocol: 'IMAP', port: '993' });
      await exchange(page, 'LOGIN bob builder');
      await exchange(page, 'SELECT INBOX');
      assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), true, name);
      await screenshot(page, name);
    });
  }
});

test('the AUTH helper also answers AUTH LOGIN, one base64 value at a time', async () => {
  await withPage(en, async (page) => {
    await connect(page, { account: 'alice', protocol: 'SMTP', port: '465' });
    await exchange(page, 'EHLO laptop.example.test');
    await expectReply(page, 'AUTH LOGIN', '334 VXNlcm5hbWU6');
    const helper = page.locator('.sasl-helper');
    await helper.locator('summary').click();
    await helper.getByRole('button', { name: Buffer.from('alice').toString('base64') }).click();
    await page.getByLabel('Command line').press('Enter');
    await showAll(page);
    await page.locator('.dialogue .line.server', { hasText: '334 UGFzc3dvcmQ6' }).waitFor();
    await helper.getByRole('button', { name: Buffer.from('wonderland').toString('base64') }).click();
    await page.getByLabel('Command line').press('Enter');
    await showAll(page);
    await page.locator('.dialogue .line.server', { hasText: '235 2.7.0 Authentication successful' }).waitFor();
  });
});

test('a long reply is one arrow that unfolds when one of its lines is selected', async () => {
  await withPage(en, async (page) => {
    await connect(page, { protocol: 'SMTP', port: '25' });
    await showAll(page);
    const reply = await exchange(page, 'EHLO laptop.example.test');
    assert.equal(await page.locator('.sequence text.unfolded').count(), 0);
    await page.locator('.sequence .arrow.server', { hasText: 'greets laptop' }).click();
    assert.equal(await page.locator('.sequence text.unfolded').count(), reply.length - 1);
    // Selecting from the dialogue with the keyboard unfolds it too, and End folds it again.
    const dialogue = page.getByRole('listbox', { name: 'Dialogue' });
    await dialogue.focus();
    await dialogue.press('Home');
    assert.equal(await page.locator('.sequence text.unfolded').count(), 0);
    await dialogue.press('End');
    assert.equal(await page.locator('.sequence text.unfolded').count(), reply.length - 1);
  });
});

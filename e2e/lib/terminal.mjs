// Driving Facteur's terminal the way a learner does: pick, connect, type, read.
import assert from 'node:assert/strict';

/** Chooses account, protocol and port in the connect bar, then connects. */
export async function connect(page, { account = 'bob', protocol = 'SMTP', port = '25' } = {}) {
  await page.locator('.connect-bar').getByLabel('Account').selectOption({ label: account });
  await page.locator('.connect-bar').getByLabel('Protocol').selectOption(protocol);
  await page.locator('.connect-bar').getByLabel('Port').selectOption(port);
  await page.getByRole('button', { name: 'Connect' }).click();
  await page.getByRole('button', { name: 'Disconnect' }).waitFor();
}

/** Types a line at the prompt and presses Enter. */
export async function type(page, line) {
  const input = page.getByLabel('Command line');
  await input.fill(line);
  await input.press('Enter');
}

/** Releases every waiting line at once (the timer may release the last ones first). */
export async function showAll(page) {
  const button = page.getByRole('button', { name: 'Show all' });
  if (await button.isEnabled()) await button.click({ timeout: 2000 }).catch(() => {});
  await page.waitForFunction(() => !document.querySelector('.controls .waiting')?.textContent);
}

/** The texts of the shown dialogue lines of one kind ('client', 'server', 'event'). */
export async function lines(page, kind) {
  return page.locator(`.dialogue .line.${kind} .text`).allTextContents();
}

/**
 * Sends a line, shows the whole reply, and returns the server lines it added: those after
 * the last server line drawn before it (the dialogue draws only its newest lines, so a
 * count would not do).
 */
export async function exchange(page, line) {
  await page.evaluate(() => {
    document.querySelectorAll('.dialogue .line[data-before]').forEach((l) => l.removeAttribute('data-before'));
    const all = document.querySelectorAll('.dialogue .line.server');
    all[all.length - 1]?.setAttribute('data-before', '');
  });
  await type(page, line);
  await showAll(page);
  return page.evaluate(() => {
    const mark = document.querySelector('.dialogue .line[data-before]');
    const all = [...document.querySelectorAll('.dialogue .line.server')];
    const from = mark ? all.indexOf(mark) + 1 : 0;
    return all.slice(from).map((l) => l.querySelector('.text').textContent);
  });
}

/** Asserts the last server line of an exchange. */
export async function expectReply(page, line, expected) {
  const reply = await exchange(page, line);
  assert.ok(reply.length > 0, `no reply to ${line}`);
  const last = reply[reply.length - 1];
  if (expected instanceof RegExp) assert.match(last, expected, line);
  else assert.equal(last, expected, line);
  return reply;
}

// Driving the devices and reading the server side the way a learner does: choose a person,
// press a device's buttons, let the dialogue play, look at each view.
import assert from 'node:assert/strict';
import { showAll } from './terminal.mjs';

/** Wide enough for devices, terminal and server side together. */
export const wide = { locale: 'en-GB', viewport: { width: 1600, height: 1000 } };

export function device(page, id) {
  return page.locator(`[data-device="${id}"]`);
}

export async function choosePerson(page, login) {
  await page.locator(`.person[data-person="${login}"]`).click();
}

/** Opens a device's settings (if closed) and returns the device. */
async function settings(page, id) {
  const d = device(page, id);
  const details = d.locator('.device-settings');
  if ((await details.getAttribute('open')) === null) await details.locator('summary').click();
  return d;
}

/** Picks how a device reads mail: 'imap', 'pop3-delete', 'pop3-leave' or 'pop3-days'. */
export async function setReading(page, id, value) {
  await (await settings(page, id)).locator('select.reading').selectOption(value);
  await showAll(page);
}

/** Turns IDLE on or off for an IMAP device. */
export async function setIdle(page, id, on) {
  await (await settings(page, id)).locator('input.idle').setChecked(on);
  await showAll(page);
}

/** Presses a device's button and lets its dialogue play to the end. */
export async function press(page, id, button) {
  await device(page, id).locator(button).click();
  await showAll(page);
}

export async function checkMail(page, id) {
  await press(page, id, '.check-mail');
}

/** The subjects a device lists in a folder, newest first. */
export async function subjects(page, id, folder = 'INBOX') {
  const d = device(page, id);
  await d.locator(`.folder[data-folder="${folder}"]`).click();
  const list = d.locator('.message-list .what');
  if ((await d.locator('.message-list').count()) === 0) return [];
  return list.allTextContents();
}

/** Opens a message on a device by its subject. */
export async function openMessage(page, id, subject, folder = 'INBOX') {
  const d = device(page, id);
  await d.locator(`.folder[data-folder="${folder}"]`).click();
  await d.locator('.message', { hasText: subject }).first().click();
  await d.locator('.message-pane .message-subject', { hasText: subject }).waitFor();
}

/** Whether a device shows a message as unread / flagged. */
export async function marks(page, id, subject) {
  const row = device(page, id).locator('.message', { hasText: subject }).first();
  const classes = (await row.getAttribute('class')) ?? '';
  return { unread: classes.includes('unread'), flagged: classes.includes('flagged') };
}

/** Writes and sends a message from a device. */
export async function send(page, id, { to, subject, body = 'Hello' }) {
  const d = device(page, id);
  await d.locator('button.write').click();
  await d.locator('.compose-to').fill(to);
  await d.locator('.compose-subject').fill(subject);
  await d.locator('.compose-body').fill(body);
  await d.locator('.compose .send').click();
  await showAll(page);
}

/**
 * The server side's rows for one account's mailbox: UID, flags and subject of each. Rows
 * of messages the current step expunged are shown struck through; `gone: true` keeps them.
 */
export async function serverRows(page, login, mailbox = 'INBOX', { gone = false } = {}) {
  const box = page.locator(`.server-view .account[data-account="${login}"] .mailbox[data-mailbox="${mailbox}"]`);
  const head = box.locator('.mailbox-head');
  if ((await head.getAttribute('aria-expanded')) !== 'true') await head.click();
  const rows = await box.locator('tbody tr').evaluateAll((rows) =>
    rows.map((r) => ({
      uid: r.querySelector('td')?.textContent,
      flags: r.querySelector('td.flags')?.textContent ?? '',
      subject: r.querySelector('td.subject .what')?.textContent ?? '',
      change: r.className,
    })),
  );
  return gone ? rows : rows.filter((r) => r.change !== 'expunged');
}

/** Waits until a device lists a subject in a folder (its dialogue may still be playing). */
export async function waitForSubject(page, id, subject, folder = 'INBOX') {
  const d = device(page, id);
  await d.locator(`.folder[data-folder="${folder}"]`).click();
  await d.locator('.message-list .what', { hasText: subject }).first().waitFor({ timeout: 15000 });
}

export function assertHas(list, item, what) {
  assert.ok(list.includes(item), `${what}: ${JSON.stringify(list)} lacks ${item}`);
}

/**
 * Changes one account setting of a device: a field by its class ('in-port', 'out-security',
 * 'password', …) and its new value. Selects are chosen, text fields typed and left (a
 * change applies when the field is left, as in a mail app's setup).
 */
export async function setSetting(page, id, field, value) {
  const el = (await settings(page, id)).locator(`.${field}`);
  if ((await el.evaluate((e) => e.tagName)) === 'SELECT') await el.selectOption(String(value));
  else {
    await el.fill(String(value));
    await el.press('Tab');
  }
  await showAll(page);
}

/** Applies a named preset ('thunderbird', 'gmail-like', 'old-pop3', 'smtp-25-ssl-tls'). */
export async function choosePreset(page, id, slug) {
  await (await settings(page, id)).locator('select.preset').selectOption(slug);
  await showAll(page);
}

/** The diagnosis a device shows for its last failure (its name), or null. */
export async function diagnosis(page, id) {
  const problem = device(page, id).locator('.problem');
  if ((await problem.count()) === 0) return null;
  return problem.getAttribute('data-diagnosis');
}

// The settings lab: each wrong setting a class meets fails the way a real mail app fails,
// with its dialogue, a diagnosis and a fix; the named presets set what they say.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { axeViolations } from './lib/axe.mjs';
import { screenshot } from './lib/browser.mjs';
import { useSite } from './lib/site.mjs';
import { lines } from './lib/terminal.mjs';
import {
  checkMail, choosePerson, choosePreset, device, diagnosis, send, setReading, setSetting,
  subjects, wide,
} from './lib/world.mjs';

const withPage = useSite();
const id = 'bob-laptop';
const mail = { to: 'alice@example.test', subject: 'Lab', body: 'Testing settings' };

/** Opens bob's devices with the laptop's settings shown. */
async function bob(page) {
  await choosePerson(page, 'bob');
  await device(page, id).locator('.device-settings summary').click();
}

/** The device shows `expected` with its diagnosis paragraph and fix hint, in an alert. */
async function expectDiagnosis(page, expected) {
  assert.equal(await diagnosis(page, id), expected);
  const problem = device(page, id).locator('.problem[role="alert"]');
  assert.ok((await problem.locator('.diagnosis').textContent()).length > 80, 'a paragraph');
  assert.ok((await problem.locator('.fix-hint').textContent()).length > 10, 'a hint');
}

/** Puts the right settings back with the button, and checks that mail works again. */
async function fixAndCheck(page) {
  await device(page, id).locator('.apply-fix').click();
  await checkMail(page, id);
  assert.equal(await diagnosis(page, id), null, 'the right settings work');
  assert.ok((await subjects(page, id)).length > 0);
}

test('no encryption on 993: the client waits for a greeting until it times out', async () => {
  await withPage(wide, async (page) => {
    await bob(page);
    await setSetting(page, id, 'in-security', 'none');
    await checkMail(page, id);
    await expectDiagnosis(page, 'PlainToImplicitTls');
    assert.match((await lines(page, 'event')).join('\n'), /100 s and not a word/);
    assert.deepEqual(await lines(page, 'server'), [], 'the server never said a word');
    await screenshot(page, 'lab-plain-to-993');
    await page.getByRole('button', { name: 'Français' }).click();
    assert.match(await device(page, id).locator('.diagnosis').textContent(), /Ce port commence par TLS/);
    assert.match(await device(page, id).locator('.apply-fix').textContent(), /Mettre les bons réglages/);
    assert.match((await lines(page, 'event')).join('\n'), /100\u00a0s sans un mot/);
    await screenshot(page, 'lab-plain-to-993-fr');
    await page.getByRole('button', { name: 'English' }).click();
    await fixAndCheck(page);
  });
});

test('SSL/TLS on 587: the hello meets a plain greeting and an SMTP 500', async () => {
  await withPage(wide, async (page) => {
    await bob(page);
    await setSetting(page, id, 'out-security', 'ssl-tls');
    await send(page, id, mail);
    await expectDiagnosis(page, 'TlsToPlainPort');
    const server = await lines(page, 'server');
    assert.match(server[0], /^220 /, 'the greeting, in plain text');
    assert.ok(server.some((l) => /^500 /.test(l)), `the hello's bytes get a 500: ${server}`);
    assert.match((await lines(page, 'event')).join('\n'), /wrong version number/);
  });
});

test('STARTTLS on 465: both sides wait', async () => {
  await withPage(wide, async (page) => {
    await bob(page);
    await setSetting(page, id, 'out-port', 465);
    await send(page, id, mail);
    await expectDiagnosis(page, 'StartTlsToImplicitTls');
  });
});

test('POP3 on the IMAP port: the greeting is not understood', async () => {
  await withPage(wide, async (page) => {
    await bob(page);
    await setReading(page, id, 'pop3-leave');
    await setSetting(page, id, 'in-port', 993);
    await checkMail(page, id);
    await expectDiagnosis(page, 'WrongProtocol');
    const server = await lines(page, 'server');
    assert.match(server[0], /^\* OK/, 'an IMAP greeting');
    assert.deepEqual(await lines(page, 'client'), [], 'the POP3 client says nothing to it');
    await screenshot(page, 'lab-pop3-on-993');
  });
});

test('SMTP on 25 from a device: no AUTH offered; without a login, no relay', async () => {
  await withPage(wide, async (page) => {
    await bob(page);
    await setSetting(page, id, 'out-port', 25);
    await send(page, id, mail);
    await expectDiagnosis(page, 'SubmitOnRelayPort');
    await setSetting(page, id, 'out-auth', 'none');
    await send(page, id, { ...mail, to: 'carol@other.test' });
    await expectDiagnosis(page, 'SubmitOnRelayPort');
    assert.match((await lines(page, 'server')).join('\n'), /Relay access denied/);
  });
});

test('a server name that does not exist, and a wrong password', async () => {
  await withPage(wide, async (page) => {
    await bob(page);
    await setSetting(page, id, 'in-host', 'imap.example.test');
    await checkMail(page, id);
    await expectDiagnosis(page, 'NoSuchHost');
    await fixAndCheck(page);
    await setSetting(page, id, 'password', 'bulldozer');
    await checkMail(page, id);
    await expectDiagnosis(page, 'WrongPassword');
    assert.match(await device(page, id).locator('.server-said').textContent(), /NO/);
    await fixAndCheck(page);
    // The same wrong password met by sending: the fix puts back the one password both use.
    await setSetting(page, id, 'password', 'bulldozer');
    await send(page, id, mail);
    await expectDiagnosis(page, 'WrongPassword');
    await device(page, id).locator('.apply-fix').click();
    await send(page, id, mail);
    assert.equal(await diagnosis(page, id), null, 'the message leaves with the right password');
    assert.equal(await device(page, id).locator('.password').inputValue(), 'builder');
    await checkMail(page, id);
    assert.equal(await diagnosis(page, id), null, 'and the next check logs in');
  });
});

test('no encryption on 143: the server will not take a password in clear', async () => {
  await withPage(wide, async (page) => {
    await bob(page);
    await setSetting(page, id, 'in-port', 143);
    await setSetting(page, id, 'in-security', 'none');
    await checkMail(page, id);
    await expectDiagnosis(page, 'LoginNeedsTls');
  });
});

test('presets: the popular row "SMTP 25 SSL/TLS" fails; Gmail-like and Thunderbird work; the old POP3 setup shows its password', async () => {
  await withPage(wide, async (page) => {
    await bob(page);
    await choosePreset(page, id, 'smtp-25-ssl-tls');
    await send(page, id, mail);
    await expectDiagnosis(page, 'TlsToRelayPort');
    assert.match(await device(page, id).locator('.diagnosis').textContent(), /popular port tables/);
    await screenshot(page, 'lab-smtp-25-ssl-tls');
    assert.deepEqual(await axeViolations(page), [], 'the settings and the diagnosis are accessible');

    await choosePreset(page, id, 'gmail-like');
    assert.equal(await device(page, id).locator('.out-port').inputValue(), '465');
    await send(page, id, { ...mail, subject: 'Via 465' });
    assert.equal(await diagnosis(page, id), null);
    await choosePreset(page, id, 'thunderbird');
    assert.equal(await device(page, id).locator('.out-port').inputValue(), '587');
    await send(page, id, { ...mail, subject: 'Via 587' });
    assert.equal(await diagnosis(page, id), null);

    await choosePreset(page, id, 'old-pop3');
    assert.match(await device(page, id).locator('.badge').textContent(), /POP3 110/);
    await checkMail(page, id);
    assert.equal(await diagnosis(page, id), null, 'it still works…');
    assert.ok((await lines(page, 'client')).includes('PASS builder'), '…with the password in clear');
    assert.ok(await device(page, id).locator('.in-clear').isVisible());
    // The old way of sending: 25 without a login reaches local mailboxes only.
    await send(page, id, { ...mail, subject: 'Old way' });
    assert.equal(await diagnosis(page, id), null, 'alice is on the same server');
  });
});

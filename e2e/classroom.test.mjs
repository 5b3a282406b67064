// The teacher's page (links and QR codes for the board), a dialogue shared as a link and
// replayed by a student, and the printable cheat sheet in English and French.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { useSite } from './lib/site.mjs';
import { artifacts, openBrowser, screenshot } from './lib/browser.mjs';
import { connect, exchange, lines, showAll } from './lib/terminal.mjs';
import { axeViolations } from './lib/axe.mjs';

const withPage = useSite();
const wide = { viewport: { width: 1400, height: 900 }, locale: 'en-GB' };
const jsQR = createRequire(import.meta.url).resolve('jsqr/dist/jsQR.js');

/** Reads a QR code drawn in the page, as a phone's camera would: pixels, then jsQR. */
async function scan(page, locator) {
  await page.addScriptTag({ path: jsQR });
  return locator.evaluate(async (svg) => {
    const size = 400;
    const image = new Image();
    image.src = `data:image/svg+xml;base64,${btoa(new XMLSerializer().serializeToString(svg))}`;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = size;
    const g = canvas.getContext('2d');
    g.drawImage(image, 0, 0, size, size);
    return window.jsQR(g.getImageData(0, 0, size, size).data, size, size)?.data ?? null;
  });
}

test('the teacher page gives every lesson a link and a QR code that scans to it, and shows one on the board', async () => {
  await withPage({ ...wide, path: '#/teacher' }, async (page) => {
    await page.getByRole('heading', { name: 'For teachers', level: 1 }).waitFor();
    const items = page.locator('.board-lesson');
    assert.equal(await items.count(), 16);
    const base = page.url().replace(/#.*$/, '');
    for (const n of [1, 9, 16]) {
      const item = items.nth(n - 1);
      const link = await item.getByRole('textbox').inputValue();
      assert.equal(link, `${base}#/lesson/${n}/step/1`);
      assert.equal(await scan(page, item.locator('svg.qr')), link, `lesson ${n}'s code`);
    }
    await page.screenshot({ path: join(artifacts, 'teacher.png') });
    // The link opens that lesson.
    await items.nth(2).locator('a.board-title').click();
    await page.locator('#step-title').waitFor();
    assert.match(page.url(), /#\/lesson\/3\/step\/1$/);
    await page.goBack();
    await page.getByRole('button', { name: 'Show on the board' }).nth(2).click();
    const board = page.getByRole('dialog');
    await board.getByRole('heading', { level: 2 }).waitFor();
    assert.match(await board.getByRole('heading', { level: 2 }).innerText(), /^3\. /);
    assert.equal(await scan(page, board.locator('svg.qr')), `${base}#/lesson/3/step/1`);
    await page.screenshot({ path: join(artifacts, 'teacher-board.png') });
    assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Close');
    await page.keyboard.press('Escape');
    assert.equal(await board.count(), 0);
    assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Show on the board');
    assert.deepEqual(await axeViolations(page), []);
  });
});

test('a shared dialogue: its link and QR code replay the same lines for a student, on a fresh world', async () => {
  let link;
  await withPage(wide, async (page) => {
    await connect(page, { account: 'alice', protocol: 'POP3', port: '110' });
    await exchange(page, 'USER alice');
    await exchange(page, 'PASS wonderland');
    const stat = await exchange(page, 'STAT');
    await page.getByRole('button', { name: 'Share this dialogue' }).click();
    const panel = page.getByRole('region', { name: 'Share this dialogue' });
    await panel.getByText("This link types the dialogue's 3 lines again").waitFor();
    link = await panel.getByRole('textbox', { name: 'Link to this dialogue' }).inputValue();
    assert.match(link, /#dialogue=[A-Za-z0-9_-]+$/);
    assert.equal(await scan(page, panel.locator('svg.qr')), link);
    await screenshot(page, 'share-dialogue');
    // The same code full screen, for the projector.
    await panel.getByRole('button', { name: 'Show on the board' }).click();
    const board = page.getByRole('dialog', { name: 'Share a dialogue' });
    assert.equal(await scan(page, board.locator('svg.qr')), link);
    await page.keyboard.press('Escape');
    assert.equal(await board.count(), 0);
    link = { link, stat };
  });
  // A student's browser: nothing saved, the link opened as it came.
  const browser = await openBrowser(wide);
  try {
    const { page, errors } = await browser.newPage();
    await page.goto(link.link);
    await page.getByText('Shared dialogue: its lines are typed again').waitFor();
    await showAll(page);
    assert.deepEqual(await lines(page, 'client'), ['USER alice', 'PASS wonderland', 'STAT']);
    const server = await lines(page, 'server');
    assert.equal(server.at(-1), link.stat.at(-1));
    assert.doesNotMatch(page.url(), /dialogue=/, 'a reload keeps the sandbox instead of replaying');
    assert.deepEqual(errors, []);
    // A link cut short when copied says so instead of replaying half a dialogue.
    await page.goto(link.link.slice(0, -30));
    await page.reload();
    await page.getByText('This dialogue link is damaged').waitFor();
  } finally {
    await browser.close();
  }
});

test('the cheat sheet lists ports, settings, accounts, every command and the replies, and prints on two pages, in English and French', async () => {
  for (const [locale, title, ports] of [
    ['en-GB', 'Facteur — Cheat sheet', 'Ports'],
    ['fr-FR', 'Facteur — Aide-mémoire', 'Ports'],
  ]) {
    await withPage({ ...wide, locale, path: '#/cheatsheet' }, async (page) => {
      await page.getByRole('heading', { level: 1, name: title }).waitFor();
      const sheet = page.locator('.cheatsheet');
      const portRows = sheet.locator('.sheet-ports tbody tr');
      assert.deepEqual((await portRows.locator('td:first-child').allInnerTexts()).map(Number), [25, 587, 465, 110, 995, 143, 993]);
      assert.ok(await sheet.getByRole('heading', { name: ports }).isVisible());
      assert.match(await sheet.locator('.sheet-warning').innerText(), /SMTP 25 SSL\/TLS/);
      assert.equal(await sheet.locator('.sheet-commands').nth(0).locator('tbody tr').count(), 13);
      assert.equal(await sheet.locator('.sheet-commands').nth(1).locator('tbody tr').count(), 14);
      assert.equal(await sheet.locator('.sheet-commands').nth(2).locator('tbody tr').count(), 31);
      const settings = await sheet.locator('.sheet-settings table').first().locator('tbody tr').allInnerTexts();
      assert.deepEqual(settings.map((r) => r.match(/\b\d{3}\b/g)), [['993', '143'], ['995', '110'], ['465', '587']]);
      const accounts = await sheet.locator('.sheet-settings table').nth(1).locator('tbody tr').allInnerTexts();
      assert.ok(accounts.some((r) => /alice\s+wonderland\s+alice@example\.test/.test(r)), accounts.join('|'));
      assert.ok(await sheet.getByText('535').isVisible());
      assert.deepEqual(await axeViolations(page), []);
      await screenshot(page, `cheatsheet-${locale}`);
      // On paper: no page furniture, two A4 pages at most.
      await page.emulateMedia({ media: 'print' });
      assert.equal(await page.locator('.masthead').isVisible(), false);
      assert.equal(await page.getByRole('button', { name: /Print|Imprimer/ }).isVisible(), false);
      const pdf = await page.pdf({ format: 'A4' });
      await mkdir(artifacts, { recursive: true });
      await writeFile(join(artifacts, `cheatsheet-${locale}.pdf`), pdf);
      const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g).length;
      assert.ok(pages <= 2, `${pages} pages`);
    });
  }
});

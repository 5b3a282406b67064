// The teacher's page (links and QR codes for the board), a dialogue shared as a link and
// replayed by a student, and the printable cheat sheet in English and French.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
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
    // As UTF-8 text, so a French label (ç, é) survives.
    image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(new XMLSerializer().serializeToString(svg))}`;
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
      assert.equal(link, `${base}?lang=en#/lesson/${n}/step/1`);
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
    assert.equal(await scan(page, board.locator('svg.qr')), `${base}?lang=en#/lesson/3/step/1`);
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

test('opened at 127.0.0.1, the teacher page warns that students cannot reach it, and links and codes use the address given, in the page\'s language', async () => {
  await withPage({ ...wide, path: '#/teacher' }, async (page) => {
    const warning = page.locator('.address-warning');
    await warning.waitFor();
    assert.match(await warning.innerText(), /^This page is open at http:\/\/127\.0\.0\.1:\d+\/, an address only this computer can reach/);
    const field = page.getByLabel("Address of this site for the students' devices");
    // A typo is refused and said, and nothing changes.
    await field.fill('my laptop');
    await page.getByRole('button', { name: 'Use this address' }).click();
    await page.getByText('That is not a web address').waitFor();
    assert.equal(await field.getAttribute('aria-invalid'), 'true');
    await field.fill('192.168.1.20:8080');
    await field.press('Enter');
    await page.getByText('Every link and QR code on this page leads to http://192.168.1.20:8080/').waitFor();
    assert.equal(await warning.count(), 0, 'the warning goes once students can reach the links');
    const first = page.locator('.board-lesson').first();
    assert.equal(await first.getByRole('textbox').inputValue(), 'http://192.168.1.20:8080/?lang=en#/lesson/1/step/1');
    assert.equal(await scan(page, first.locator('svg.qr')), 'http://192.168.1.20:8080/?lang=en#/lesson/1/step/1');
    await screenshot(page, 'teacher-students-address');
    // Kept in this browser; in French the links open in French.
    await page.reload();
    await page.getByRole('button', { name: 'Français' }).click();
    const premier = page.locator('.board-lesson').first();
    await page.getByRole('heading', { name: 'Pour les enseignants', level: 1 }).waitFor();
    assert.equal(await premier.getByRole('textbox').inputValue(), 'http://192.168.1.20:8080/?lang=fr#/lesson/1/step/1');
    assert.equal(await scan(page, premier.locator('svg.qr')), 'http://192.168.1.20:8080/?lang=fr#/lesson/1/step/1');
    // Back to the page's own address: the warning returns.
    await page.getByRole('button', { name: 'Utiliser l’adresse de cette page' }).click();
    await page.locator('.address-warning').waitFor();
  });
});

test('a link that names French opens in French on an English browser, and the learner\'s own switch then sticks', async () => {
  await withPage({ ...wide, path: '?lang=fr#/lesson/2/step/1' }, async (page) => {
    await page.locator('#step-title').waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'fr');
    await page.getByRole('button', { name: 'English' }).click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    assert.doesNotMatch(page.url(), /lang=fr/);
    await page.reload();
    await page.locator('#step-title').waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  });
});

test('a student names their progress file; the teacher opens three files as one class table, and prints it', async () => {
  const course = JSON.parse(await readFile(join(process.env.FACTEUR_DIST ?? new URL('../dist', import.meta.url).pathname, 'course-en.json'), 'utf8'));
  const [journey, smtp] = course;
  const folder = await mkdtemp(join(tmpdir(), 'facteur-class-'));
  try {
    // A student: a name, a question answered wrong first, then the file.
    let studentFile;
    await withPage({ ...wide, path: '#/lesson/1/step/3' }, async (page) => {
      await page.locator('.quiz').waitFor();
      await page.locator('.quiz-choice input').nth(0).check();
      await page.getByRole('button', { name: 'Check my answer' }).click();
      await page.getByText('Not yet: read why').waitFor();
      await page.locator('.quiz-choice input').nth(1).check();
      await page.getByRole('button', { name: 'Check my answer' }).click();
      await page.getByText('Your answer is right.').waitFor();
      await page.goto(page.url().replace(/#.*$/, '#/'));
      await page.getByLabel('Your name').fill('Zoé Martin');
      await page.getByLabel('Your name').press('Tab');
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Save my progress to a file' }).click(),
      ]);
      assert.match(download.suggestedFilename(), /^facteur-progress-zoé-martin-\d{4}-\d{2}-\d{2}\.json$/);
      studentFile = join(folder, download.suggestedFilename());
      await download.saveAs(studentFile);
    });
    const saved = JSON.parse(await readFile(studentFile, 'utf8'));
    assert.equal(saved.name, 'Zoé Martin');
    assert.match(saved.saved, /^\d{4}-\d{2}-\d{2}$/);
    assert.equal(saved.answers.journey.quiz, false, 'the first answer is what counts');
    // Two classmates' files, one from before names existed.
    const all = (lesson) => lesson.steps.map((s) => s.id);
    await writeFile(join(folder, 'adam.json'), JSON.stringify({
      kind: 'facteur-progress', version: 1, name: 'Adam', saved: '2026-12-04',
      done: { journey: all(journey), 'first-smtp': all(smtp).slice(0, 2) },
      answers: { journey: { quiz: true, keep: true } },
    }));
    await writeFile(join(folder, 'facteur-progress.json'), JSON.stringify({ kind: 'facteur-progress', version: 1, done: { journey: ['send'] } }));
    await writeFile(join(folder, 'notes.json'), '{"shopping": ["milk"]}');
    await withPage({ ...wide, path: '#/teacher' }, async (page) => {
      await page.getByRole('heading', { name: "The class's progress" }).waitFor();
      await page.getByLabel('Open progress files').setInputFiles(
        ['adam.json', 'facteur-progress.json', 'notes.json', studentFile.split('/').at(-1)].map((f) => join(folder, f)),
      );
      const table = page.locator('.class-table');
      await table.waitFor();
      assert.equal(await table.locator('caption').innerText(), "The class's progress: 3 students");
      const names = await table.locator('tbody th').evaluateAll((ths) => ths.map((th) => th.firstChild.textContent));
      assert.deepEqual(names, ['Adam', 'facteur-progress', 'Zoé Martin']);
      const adam = table.locator('tbody tr').nth(0).locator('td');
      assert.equal(await adam.nth(0).innerText(), `${journey.steps.length}/${journey.steps.length}\n? 2/2`);
      assert.equal(await adam.nth(1).innerText(), `2/${smtp.steps.length}`);
      assert.equal(await adam.nth(0).getAttribute('aria-label'), `${journey.steps.length} of ${journey.steps.length} steps done, 2 of 2 questions right the first time`);
      const zoe = table.locator('tbody tr').nth(2);
      assert.match(await zoe.locator('th').innerText(), /Zoé Martin\s+\d{4}-\d{2}-\d{2}/);
      assert.match(await zoe.locator('td').nth(0).innerText(), /\? 0\/2$/);
      await page.getByText('Not a Facteur progress file, left out: notes.json').waitFor();
      assert.deepEqual(await axeViolations(page), []);
      await screenshot(page, 'teacher-class-table');
      // On paper: the table alone.
      await page.emulateMedia({ media: 'print' });
      assert.equal(await page.locator('.board-lessons').isVisible(), false);
      assert.ok(await table.isVisible());
      const pdf = await page.pdf({ format: 'A4', landscape: true });
      await writeFile(join(artifacts, 'class-table.pdf'), pdf);
      const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g).length;
      assert.equal(pages, 1);
    });
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
});

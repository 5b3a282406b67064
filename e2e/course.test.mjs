// The course: the home page, a lesson done by typing, goals that tick, hints, Show me,
// quizzes, progress that lasts, deep links and Back, French.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { artifacts } from './lib/browser.mjs';
import { useSite } from './lib/site.mjs';
import { type, showAll } from './lib/terminal.mjs';
import { axeViolations } from './lib/axe.mjs';
import { checkMail, choosePerson, device, marks, openMessage, send, setReading, subjects } from './lib/world.mjs';

const withPage = useSite();
const wide = { viewport: { width: 1400, height: 900 }, locale: 'en-GB' };

/** The goals of the step on screen, as [sentence, met]. */
async function goals(page) {
  const items = page.locator('.goals .goal');
  const out = [];
  for (let i = 0; i < (await items.count()); i++) {
    out.push([(await items.nth(i).innerText()).replace(/^[✓○]\s*/, ''), (await items.nth(i).getAttribute('data-met')) === 'true']);
  }
  return out;
}

/** The one level-1 heading of the view on screen. */
async function onlyH1(page) {
  const h1 = page.locator('h1');
  assert.equal(await h1.count(), 1, 'one h1 per view');
  return (await h1.innerText()).trim();
}

async function allMet(page) {
  await page.waitForFunction(() => {
    const g = [...document.querySelectorAll('.goals .goal')];
    return g.length > 0 && g.every((x) => x.dataset.met === 'true');
  });
}

test('a newcomer sees what the site is, starts the course and opens lesson 1', async () => {
  await withPage({ ...wide, path: '' }, async (page) => {
    await page.getByRole('heading', { name: 'Learn how email really moves' }).waitFor();
    assert.equal(await page.locator('.lesson-list .lesson-item').count(), 16);
    await page.getByRole('button', { name: 'Start the course' }).click();
    await page.locator('#step-title').waitFor();
    assert.match(page.url(), /#\/lesson\/1\/step\/1$/);
    await page.screenshot({ path: join(artifacts, 'course-lesson1.png') });
  });
});

test('lesson 2 done by typing: goals tick as the server answers, and the recap closes it', async () => {
  await withPage({ ...wide, path: '#/lesson/2/step/1' }, async (page) => {
    await page.locator('#step-title', { hasText: 'Say hello' }).waitFor();
    assert.deepEqual((await goals(page)).map((g) => g[1]), [false, false]);
    await page.locator('.connect-bar').getByRole('button', { name: 'Connect', exact: true }).click();
    await type(page, 'EHLO laptop.example.test');
    await showAll(page);
    await allMet(page);
    await page.screenshot({ path: join(artifacts, 'course-lesson2-step1.png') });
    await page.getByRole('button', { name: 'Next step' }).click();
    await page.locator('#step-title', { hasText: 'The envelope' }).waitFor();
    assert.match(page.url(), /#\/lesson\/2\/step\/2$/);
    await type(page, 'MAIL FROM:<alice@example.test>');
    await type(page, 'RCPT TO:<bob@example.test>');
    await allMet(page);
    await page.getByRole('button', { name: 'Next step' }).click();
    await page.locator('#step-title', { hasText: 'The letter' }).waitFor();
    for (const line of ['DATA', 'Subject: Hi', '', 'Hello from the terminal', '.', 'QUIT']) await type(page, line);
    await showAll(page);
    await allMet(page);
    await page.getByRole('heading', { name: 'What you learnt' }).waitFor();
    await page.screenshot({ path: join(artifacts, 'course-lesson2-done.png') });
  });
});

test('a hint at a time, and Show me meets the goals through the terminal', async () => {
  await withPage({ ...wide, path: '#/lesson/2/step/1' }, async (page) => {
    await page.getByRole('button', { name: 'Hint' }).click();
    assert.equal(await page.locator('.hints .hint').count(), 1);
    await page.getByRole('button', { name: 'Another hint' }).click();
    assert.equal(await page.locator('.hints .hint').count(), 2);
    // No hint left: the button goes and the note says what remains.
    assert.equal(await page.locator('.hint-button').count(), 0);
    await page.locator('.hint-end', { hasText: 'press Show me' }).waitFor();
    await page.getByRole('button', { name: 'Show me' }).click();
    await allMet(page);
    await showAll(page);
    const client = await page.locator('.dialogue .line.client .text').allTextContents();
    assert.ok(client.includes('EHLO laptop.example.test'), client.join('|'));
  });
});

test('a quiz answered wrong explains why, then right ticks the goal', async () => {
  await withPage({ ...wide, path: '#/lesson/1/step/3' }, async (page) => {
    await page.locator('.quiz').waitFor();
    await page.getByLabel('IMAP, then SMTP, then POP3').check();
    await page.getByRole('button', { name: 'Check my answer' }).click();
    await page.locator('.quiz-why.wrong').waitFor();
    assert.match(await page.locator('.quiz-verdict').innerText(), /^Not yet: read why under each choice/);
    assert.deepEqual((await goals(page)).map((g) => g[1]), [false]);
    await page.getByLabel('SMTP, then SMTP again (relay, port 25), then IMAP').check();
    await page.getByRole('button', { name: 'Check my answer' }).click();
    await page.locator('.quiz-why.right').waitFor();
    await allMet(page);
  });
});

test('a deep link opens its step with the world the steps before made, and Back returns', async () => {
  await withPage({ ...wide, path: '#/lesson/2/step/3' }, async (page) => {
    await page.locator('#step-title', { hasText: 'The letter' }).waitFor();
    // The steps before were replayed: the terminal is connected, in the middle of a
    // transaction, so DATA is accepted at once.
    await page.locator('.connect-bar').getByRole('button', { name: 'Disconnect' }).waitFor();
    await type(page, 'DATA');
    await showAll(page);
    const server = await page.locator('.dialogue .line.server .text').allTextContents();
    assert.match(server.at(-1), /^354/);
    await page.getByRole('button', { name: 'Previous step' }).click();
    await page.locator('#step-title', { hasText: 'The envelope' }).waitFor();
    await page.goBack();
    await page.locator('#step-title', { hasText: 'The letter' }).waitFor();
    await page.goBack();
    await page.waitForURL(/#\/lesson\/2\/step\/3$/).catch(() => {});
  });
});

test('progress survives a reload, and damaged progress resets with a notice', async () => {
  await withPage({ ...wide, path: '#/lesson/1/step/3' }, async (page) => {
    await page.getByRole('button', { name: 'Show me' }).click();
    await allMet(page);
    await page.goto(page.url().replace(/#.*$/, '#/'));
    await page.reload();
    await page.locator('.lesson-list').waitFor();
    assert.match(await page.locator('.course-count').innerText(), /^1 of \d+ steps done$/);
    assert.equal(await page.getByRole('button', { name: 'Continue the course' }).count(), 1);
    await page.evaluate(() => localStorage.setItem('facteur.progress', '{"kind":"facteur-progress","version":1,"done":'));
    await page.reload();
    await page.getByRole('status').filter({ hasText: 'could not be read' }).waitFor();
    assert.match(await page.locator('.course-count').innerText(), /^0 of \d+ steps done$/);
  });
});

test('in French the home page, the lesson and the explanations are French', async () => {
  await withPage({ viewport: { width: 1400, height: 900 }, locale: 'fr-FR', path: '#/lesson/2/step/1' }, async (page) => {
    await page.locator('#step-title', { hasText: 'Dire bonjour' }).waitFor();
    assert.match(await page.locator('.lesson-text').innerText(), /message d’accueil|message d'accueil/);
    await page.locator('.connect-bar').getByRole('button', { name: 'Se connecter', exact: true }).click();
    const prompt = page.locator('#command-line');
    await prompt.fill('EHLO laptop.example.test');
    await prompt.press('Enter');
    await page.getByRole('button', { name: 'Tout afficher' }).click().catch(() => {});
    await allMet(page);
    assert.match(await page.locator('.goals').innerText(), /Se présenter avec EHLO/);
    // The engine's explanations follow the language too.
    await page.locator('.dialogue .line.server', { hasText: '220 mail.example.test' }).click();
    await page.locator('.explanation').getByText(/accueil/).first().waitFor();
    await page.getByRole('link', { name: 'Toutes les leçons' }).click();
    await page.getByRole('heading', { name: /Comprendre comment circule/ }).waitFor();
    await page.screenshot({ path: join(artifacts, 'course-home-fr.png') });
  });
});

test('lesson 7 done with the device buttons: POP3 empties the server, then leaves a copy, and read stays local', async () => {
  // Wide enough for the lesson beside all three views, so every dialogue plays on screen.
  await withPage({ ...wide, viewport: { width: 1920, height: 1080 }, path: '#/lesson/7/step/1' }, async (page) => {
    await page.locator('#step-title', { hasText: 'Delete after download' }).waitFor();
    await choosePerson(page, 'bob');
    await checkMail(page, 'bob-phone');
    await checkMail(page, 'bob-laptop');
    await allMet(page);
    await page.getByRole('button', { name: 'Next step' }).click();
    await page.locator('#step-title', { hasText: 'Leave a copy on the server' }).waitFor();
    await setReading(page, 'bob-phone', 'pop3-leave');
    await choosePerson(page, 'alice');
    await send(page, 'alice-laptop', { to: 'bob@example.test', subject: 'Picnic' });
    await choosePerson(page, 'bob');
    await checkMail(page, 'bob-phone');
    await checkMail(page, 'bob-laptop');
    await allMet(page);
    await page.getByRole('button', { name: 'Next step' }).click();
    await page.locator('#step-title', { hasText: 'Read on one' }).waitFor();
    await openMessage(page, 'bob-phone', 'Picnic');
    await device(page, 'bob-phone').locator('.message-pane .mark-read').click();
    await page.getByLabel('Still unread').check();
    await page.getByRole('button', { name: 'Check my answer' }).click();
    await allMet(page);
    assert.equal((await marks(page, 'bob-laptop', 'Picnic')).unread, true, 'the laptop still shows it unread');
    await page.getByRole('heading', { name: 'What you learnt' }).waitFor();
    await page.screenshot({ path: join(artifacts, 'course-lesson7-done.png') });
  });
});

test('axe finds no accessibility violation on the home page and in a lesson with a question, in both languages', async () => {
  await withPage({ ...wide, path: '' }, async (page) => {
    await page.locator('.lesson-list').waitFor();
    assert.deepEqual(await axeViolations(page), []);
    await page.goto(new URL('#/lesson/5/step/3', page.url()).href);
    await page.locator('.quiz').waitFor();
    await page.getByRole('button', { name: 'Hint' }).click();
    assert.deepEqual(await axeViolations(page), []);
    await page.getByRole('button', { name: 'Français' }).click();
    await page.locator('#step-title', { hasText: 'Les trois états' }).waitFor();
    assert.deepEqual(await axeViolations(page), []);
  });
});

test('Show me on a deep-linked IDLE step: Alice sends, the waiting tablet hears * EXISTS, and DONE goes to the tablet', async () => {
  await withPage({ ...wide, viewport: { width: 1920, height: 1080 }, path: '#/lesson/11/step/2' }, async (page) => {
    await page.locator('#step-title', { hasText: 'Alice sends' }).waitFor();
    await page.getByRole('button', { name: 'Show me' }).click();
    await allMet(page);
    await showAll(page);
    const server = await page.locator('.dialogue .line.server .text').allTextContents();
    assert.ok(server.some((l) => /^\* 6 EXISTS$/.test(l)), server.join('|'));
    assert.ok(server.some((l) => /^a3 OK/.test(l)), 'IDLE completed after DONE');
  });
});

test('lesson 1 and lesson 15 accept the message the learner wrote, whatever its subject', async () => {
  await withPage({ ...wide, viewport: { width: 1920, height: 1080 }, path: '#/lesson/1/step/1' }, async (page) => {
    await page.locator('#step-title', { hasText: 'Alice presses Send' }).waitFor();
    await choosePerson(page, 'alice');
    await send(page, 'alice-laptop', { to: 'carol@other.test', subject: 'Hello Carol' });
    await allMet(page);
    await page.getByRole('button', { name: 'Next step' }).click();
    await page.locator('#step-title', { hasText: 'Carol checks her mail' }).waitFor();
    await choosePerson(page, 'carol');
    await checkMail(page, 'carol-laptop');
    await showAll(page);
    await allMet(page);
    assert.ok((await subjects(page, 'carol-laptop')).some((s) => s.includes('Hello Carol')));
    await page.screenshot({ path: join(artifacts, 'course-lesson1-own-subject.png') });

    await page.goto(new URL('#/lesson/15/step/1', page.url()).href);
    await page.locator('#step-title', { hasText: 'Send from the IMAP laptop' }).waitFor();
    await choosePerson(page, 'bob');
    await send(page, 'bob-laptop', { to: 'alice@example.test', subject: 'Fence paint' });
    await allMet(page);
    await page.getByRole('button', { name: 'Next step' }).click();
    await page.locator('#step-title', { hasText: 'Find it in Sent' }).waitFor();
    await checkMail(page, 'bob-phone');
    await showAll(page);
    await allMet(page);
    assert.ok((await subjects(page, 'bob-phone', 'Sent')).some((s) => s.includes('Fence paint')));
  });
});

test('a step sets up what its text assumes: the right person, a watched terminal, no connection left on another port', async () => {
  await withPage({ ...wide, viewport: { width: 1920, height: 1080 }, path: '#/lesson/9/step/1' }, async (page) => {
    await page.locator('#step-title', { hasText: 'Two devices, one mailbox' }).waitFor();
    assert.equal(await page.locator('.person[data-person="bob"]').getAttribute('aria-pressed'), 'true', "a bob step shows bob's devices");

    // Lesson 11: the tablet waits in IDLE; the learner sends from Alice's laptop with their own clicks.
    await page.goto(new URL('#/lesson/11/step/1', page.url()).href);
    await page.locator('#step-title', { hasText: 'Wait for news' }).waitFor();
    await page.locator('.connect-bar').getByRole('button', { name: 'Connect', exact: true }).click();
    for (const line of ['a1 LOGIN bob builder', 'a2 SELECT INBOX', 'a3 IDLE']) await type(page, line);
    await showAll(page);
    await allMet(page);
    await page.getByRole('button', { name: 'Next step' }).click();
    await page.locator('#step-title', { hasText: 'Alice sends' }).waitFor();
    // The words "Alice's laptop" in the text take the learner to her devices; the tablet's terminal stays.
    await page.locator('.lesson-panel button.place-link', { hasText: "Alice's laptop" }).click();
    await device(page, 'alice-laptop').waitFor();
    await send(page, 'alice-laptop', { to: 'bob@example.test', subject: 'Still there?' });
    assert.equal(await page.locator('.connect-bar select').nth(1).inputValue(), '2', "the terminal is still the tablet's");
    const server = await page.locator('.dialogue .line.server .text').allTextContents();
    assert.ok(server.some((l) => /^\* 6 EXISTS$/.test(l)), server.join('|'));
    await type(page, 'DONE');
    await showAll(page);
    await allMet(page);
    await page.screenshot({ path: join(artifacts, 'course-lesson11-watched.png') });

    // Lesson 4: step 2 is about port 587, so the port-25 session of step 1 is closed.
    await page.goto(new URL('#/lesson/4/step/1', page.url()).href);
    await page.locator('#step-title', { hasText: 'Port 25 will not relay' }).waitFor();
    await page.getByRole('button', { name: 'Show me' }).click();
    await allMet(page);
    await page.getByRole('button', { name: 'Next step' }).click();
    await page.locator('#step-title', { hasText: 'Port 587' }).waitFor();
    await page.locator('.connect-bar').getByRole('button', { name: 'Connect', exact: true }).waitFor();
    assert.equal(await page.locator('.connect-bar select').nth(3).inputValue(), '587');
    // The session the step closed does not pull the focus away from the step's title.
    await page.waitForTimeout(400);
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'step-title');
  });
});

test('a step takes the focus and names the page, a goal is announced once, a step done before stays done, and every view has one h1', async () => {
  await withPage({ ...wide, path: '#/lesson/2/step/1' }, async (page) => {
    await page.locator('#step-title', { hasText: 'Say hello' }).waitFor();
    await page.waitForFunction(() => document.activeElement?.id === 'step-title');
    assert.match(await page.title(), /^Say hello · .* — Facteur$/);
    await page.locator('.connect-bar').getByRole('button', { name: 'Connect', exact: true }).click();
    await type(page, 'EHLO laptop.example.test');
    await showAll(page);
    await allMet(page);
    // Beside the workspace the panel is in sight: the phone's bar back to it stays hidden.
    assert.equal(await page.locator('.done-bar').count(), 1);
    assert.equal(await page.locator('.done-bar').isVisible(), false);
    const announced = page.locator('.lesson-panel p[role="status"][aria-live="polite"]');
    await announced.filter({ hasText: /^Goal met: / }).waitFor();
    assert.equal(await page.locator('.goals[aria-live]').count(), 0, 'the list itself is not read again');
    await page.getByRole('button', { name: 'Next step' }).click();
    await page.locator('#step-title', { hasText: 'The envelope' }).waitFor();
    await page.waitForFunction(() => document.activeElement?.id === 'step-title');
    assert.match(await page.title(), /^The envelope · /);
    await page.getByRole('button', { name: 'Previous step' }).click();
    await page.locator('#step-title', { hasText: 'Say hello' }).waitFor();
    await page.locator('.done-before').waitFor();
    assert.deepEqual((await goals(page)).map((g) => g[1]), [true, true]);
    assert.equal(await onlyH1(page), 'Your first SMTP conversation');
    await page.goto(new URL('#/', page.url()).href);
    await page.locator('.lesson-list').waitFor();
    assert.equal(await page.title(), 'Facteur — see how email really moves');
    assert.equal(await onlyH1(page), 'Learn how email really moves');
    for (const [path, h1] of [['#/sandbox', 'Sandbox'], ['#/teacher', 'For teachers'], ['#/cheatsheet', 'Facteur — Cheat sheet'], ['#/glossary', 'Glossary']]) {
      await page.goto(new URL(path, page.url()).href);
      await page.getByRole('heading', { level: 1, name: h1 }).waitFor({ state: 'attached' });
      assert.equal(await onlyH1(page), h1);
    }
  });
});

test('the glossary is a click away from a lesson, in both languages, and Back returns to the step', async () => {
  for (const [width, height] of [[1280, 720], [360, 740]]) {
    await withPage({ ...wide, viewport: { width, height }, path: '#/lesson/10/step/3' }, async (page) => {
      await page.locator('#step-title', { hasText: 'Counts and UIDs' }).waitFor();
      await page.locator('.site-nav').getByRole('link', { name: 'Glossary' }).click();
      await page.getByRole('heading', { level: 1, name: 'Glossary' }).waitFor();
      const uid = page.locator('#uid');
      assert.match(await uid.innerText(), /UIDVALIDITY/, 'the UID entry says when a UID holds');
      assert.match(await page.locator('#port').innerText(), /numbered door/);
      await page.screenshot({ path: join(artifacts, `glossary-en-${width}.png`), fullPage: width < 400 });
      await page.getByRole('button', { name: 'Français' }).click();
      await page.getByRole('heading', { level: 1, name: 'Glossaire' }).waitFor();
      assert.match(await page.locator('#flag').innerText(), /^Indicateur/);
      assert.match(await page.locator('#special-folder').innerText(), /Corbeille/);
      await page.screenshot({ path: join(artifacts, `glossary-fr-${width}.png`) });
      await page.getByRole('button', { name: 'English' }).click();
      await page.goBack();
      await page.locator('#step-title', { hasText: 'Counts and UIDs' }).waitFor();
    });
  }
});

test('a goal ticks when its line is shown, not while the dialogue still plays towards it', async () => {
  await withPage({ ...wide, path: '#/lesson/2/step/1' }, async (page) => {
    await page.locator('#step-title', { hasText: 'Say hello' }).waitFor();
    await page.locator('.connect-bar').getByRole('button', { name: 'Connect', exact: true }).click();
    await showAll(page);
    await page.waitForFunction(() => document.querySelector('.goals .goal')?.dataset.met === 'true');
    await page.getByRole('button', { name: 'Pause' }).click();
    await type(page, 'EHLO laptop.example.test');
    // The server has answered, but the reply waits to be shown: the EHLO goal waits too.
    await page.waitForTimeout(600);
    assert.deepEqual((await goals(page)).map((g) => g[1]), [true, false]);
    assert.equal(await page.locator('.step-done').count(), 0);
    await showAll(page);
    await allMet(page);
  });
});

test('a lesson step fits a phone at 360×740 and French at 1280×720', async () => {
  await withPage({ viewport: { width: 360, height: 740 }, locale: 'en-GB', path: '#/lesson/7/step/1' }, async (page) => {
    await page.locator('#step-title', { hasText: 'Delete after download' }).waitFor();
    await page.getByRole('button', { name: 'Show me' }).click();
    await allMet(page);
    // Down in the workspace, a bar at the bottom of the screen takes the learner back up.
    const bar = page.locator('.done-bar');
    await bar.waitFor();
    await page.locator('[data-device="bob-laptop"]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(artifacts, 'course-360-done-bar.png') });
    await bar.click();
    await page.waitForFunction(() => document.activeElement?.classList.contains('next-step'));
    const shown = await page.locator('.next-step').boundingBox();
    assert.ok(shown.y >= 0 && shown.y + shown.height <= 740, `Next step in sight (y = ${shown.y})`);
    assert.equal(await bar.count(), 0, 'the bar has done its job');
    await page.getByRole('button', { name: 'Next step' }).click();
    await page.locator('#step-title', { hasText: 'Leave a copy' }).waitFor();
    await page.waitForFunction(() => document.activeElement?.id === 'step-title');
    const title = await page.locator('#step-title').boundingBox();
    assert.ok(title.y >= 0 && title.y < 740, `the new step opens at its title (y = ${title.y})`);
    const next = await page.getByRole('button', { name: 'Next step' }).boundingBox();
    assert.ok(next.y - title.y < 1000, `goals and Next step are near the title (${next.y - title.y} px)`);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 360, `no sideways scrolling (${width} px)`);
    await page.screenshot({ path: join(artifacts, 'course-360-step.png') });
  });
  await withPage({ viewport: { width: 1280, height: 720 }, locale: 'fr-FR', path: '#/lesson/4/step/2' }, async (page) => {
    await page.locator('#step-title', { hasText: 'Port 587' }).waitFor();
    const panel = await page.locator('.lesson-panel').boundingBox();
    for (const button of await page.locator('.lesson-actions button').all()) {
      const box = await button.boundingBox();
      assert.ok(box.x >= panel.x && box.x + box.width <= panel.x + panel.width + 0.5,
        `« ${await button.innerText()} » fits in the lesson panel`);
    }
    await page.screenshot({ path: join(artifacts, 'course-fr-1280.png') });
  });
  await withPage({ viewport: { width: 1280, height: 720 }, locale: 'fr-FR', path: '#/lesson/14/step/5' }, async (page) => {
    await page.locator('.quiz').waitFor();
    await page.getByRole('button', { name: 'Montrez-moi' }).click();
    await allMet(page);
    const next = page.getByRole('button', { name: 'Leçon suivante' });
    await next.waitFor();
    // The recap and Next lesson come into sight in the panel's own scroll.
    await page.waitForFunction(() => {
      const panel = document.querySelector('.lesson-panel').getBoundingClientRect();
      const button = document.querySelector('.next-lesson').getBoundingClientRect();
      return button.top >= panel.top && button.bottom <= panel.bottom && button.bottom <= innerHeight;
    });
    await page.screenshot({ path: join(artifacts, 'course-fr-1280-recap.png') });
  });
});

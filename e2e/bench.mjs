// The browser half of `cargo xtask bench`: start-up against a floor page, command latency,
// forced layouts during start-up, and the wasm's memory with busy-10000. It prints nothing
// but progress on stderr and writes one JSON object to the file named by its last argument.
//
//   node bench.mjs SITE_DIST FLOOR_DIST OUT.json
//
// Timings are taken inside the page with performance.now(), so the driver's round trips
// are not counted. Each load is cold: a new browser context has an empty cache.
import { writeFile } from 'node:fs/promises';
import { chromium } from 'playwright-core';
import { ARGS } from './lib/browser.mjs';
import { serveStatic } from './lib/servers.mjs';

const [siteDist, floorDist, outFile] = process.argv.slice(2);
if (!outFile) {
  console.error('usage: node bench.mjs SITE_DIST FLOOR_DIST OUT.json');
  process.exit(2);
}

const LOADS = 7;
const COMMANDS = 200;
const wide = { viewport: { width: 1600, height: 1000 }, locale: 'en-GB' };

// Notes when the first element matching `selector` enters the document, and keeps the
// wasm's exports so its memory can be read.
const watchFor = (selector) => `
  window.__usable = null;
  const seen = () => {
    if (window.__usable === null && document.querySelector(${JSON.stringify(selector)})) {
      window.__usable = performance.now();
    }
  };
  new MutationObserver(seen).observe(document, { childList: true, subtree: true });
  addEventListener('TrunkApplicationStarted', (e) => { window.__wasm = e.detail.wasm; });
`;

/** The pages whose start-up is measured, and what makes each one usable. */
function pages(site, floor) {
  return [
    { name: 'floor', url: floor.url, usable: '#floor' },
    { name: 'facteur home', url: `${site.url}#/`, usable: '.home-actions button' },
    { name: 'facteur sandbox', url: `${site.url}#/sandbox`, usable: '#connect-button' },
  ];
}

async function coldLoad(browser, target) {
  const context = await browser.newContext(wide);
  try {
    const page = await context.newPage();
    await page.addInitScript(watchFor(target.usable));
    await page.goto(target.url);
    await page.waitForFunction(() => window.__usable !== null, null, { timeout: 30000 });
    return await page.evaluate(() => window.__usable);
  } finally {
    await context.close();
  }
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/**
 * First contentful paint of the home page with the network at a school's 10 Mbit/s
 * (Chromium's own emulation, 20 ms latency), median of LOADS cold loads: what a learner
 * sees before the wasm has arrived.
 */
async function firstPaint(browser, site) {
  const times = [];
  for (let i = 0; i < LOADS; i += 1) {
    const context = await browser.newContext(wide);
    try {
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false, latency: 20, downloadThroughput: 10e6 / 8, uploadThroughput: 10e6 / 8,
      });
      await page.goto(`${site.url}#/`, { waitUntil: 'commit' });
      const fcp = await page.waitForFunction(() => {
        const paint = performance.getEntriesByName('first-contentful-paint')[0];
        return paint ? paint.startTime : null;
      }, null, { timeout: 30000 });
      times.push(await fcp.jsonValue());
    } finally {
      await context.close();
    }
  }
  return { median: median(times), all: times };
}

/** Median of LOADS cold loads of each page, taken in turns so noise falls on all alike. */
async function startUp(browser, targets) {
  const times = Object.fromEntries(targets.map((t) => [t.name, []]));
  for (let i = 0; i < LOADS; i += 1) {
    for (const target of targets) times[target.name].push(await coldLoad(browser, target));
  }
  return Object.fromEntries(targets.map((t) => [t.name, { median: median(times[t.name]), all: times[t.name] }]));
}

/**
 * Layouts the page forced from script during start-up: the trace's Layout events that carry
 * a JavaScript stack (what DevTools calls a forced reflow), with the function that asked.
 */
async function forcedLayouts(browser, target) {
  const context = await browser.newContext(wide);
  try {
    const page = await context.newPage();
    await page.addInitScript(watchFor(target.usable));
    await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
    await page.goto(target.url);
    await page.waitForFunction(() => window.__usable !== null, null, { timeout: 30000 });
    const trace = JSON.parse((await browser.stopTracing()).toString());
    return trace.traceEvents
      .filter((e) => e.name === 'Layout' && e.args?.beginData?.stackTrace?.length)
      .map((e) => ({
        ms: (e.dur ?? 0) / 1000,
        caller: e.args.beginData.stackTrace.map((f) => f.functionName || '(anonymous)').slice(0, 3).join(' < '),
      }));
  } finally {
    await context.close();
  }
}

// What ends each kind of reply, whatever its status: a tagged IMAP completion, a POP3
// status line, or the "." that ends a POP3 multi-line answer (or the -ERR instead of it).
const TAGGED = /^a\d+ (OK|NO|BAD)/;
const STATUS = /^[+-](OK|ERR)/;
const MULTILINE = /^(\.$|-ERR)/;

/** The lines typed to measure latency, each with what ends its reply. */
function imapWorkload(big) {
  return [
    'NOOP',
    'SEARCH UNSEEN',
    big ? 'FETCH 1:* (FLAGS)' : 'FETCH 1:* (FLAGS UID)',
    'STORE 1 +FLAGS (\\Flagged)',
    'STORE 1 -FLAGS (\\Flagged)',
    'UID SEARCH SUBJECT invoice',
    'FETCH 1 (ENVELOPE)',
    'STATUS INBOX (MESSAGES UNSEEN UIDNEXT)',
  ].map((line) => [line, TAGGED]);
}

const pop3Workload = [
  ['STAT', STATUS],
  ['LIST', MULTILINE],
  ['UIDL', MULTILINE],
  ['LIST 1', STATUS],
  ['NOOP', STATUS],
];

/** Presses Enter on `line` and times it, in the page, to the reply's last line in the DOM. */
async function timed(page, line, done) {
  const input = page.locator('#command-line');
  await input.fill(line);
  await page.evaluate((source) => {
    const pattern = new RegExp(source);
    const lastServerLine = () => {
      const lines = document.querySelectorAll('.dialogue .line.server');
      return lines[lines.length - 1];
    };
    const before = lastServerLine();
    window.__latency = null;
    window.__pressed = null;
    addEventListener('keydown', (e) => { if (e.key === 'Enter') window.__pressed = performance.now(); }, { capture: true, once: true });
    const check = () => {
      const last = lastServerLine();
      if (last && last !== before && pattern.test(last.querySelector('.text')?.textContent ?? '')) {
        window.__latency = performance.now() - window.__pressed;
        observer.disconnect();
      }
    };
    const observer = new MutationObserver(check);
    observer.observe(document.querySelector('.dialogue-frame'), { childList: true, subtree: true, characterData: true });
  }, done.source);
  await input.press('Enter');
  await page.waitForFunction(() => window.__latency !== null, null, { timeout: 60000 });
  const last = await page.locator('.dialogue .line.server .text').last().textContent();
  if (/^(a\d+ (NO|BAD)|-ERR)/.test(last)) throw new Error(`${line} was refused: ${last}`);
  return page.evaluate(() => window.__latency);
}

async function connectAs(page, protocol, port) {
  const bar = page.locator('.connect-bar');
  await bar.getByLabel('Account').selectOption({ label: 'bob' });
  await bar.getByLabel('Protocol').selectOption(protocol);
  await bar.getByLabel('Port').selectOption(port);
  await page.locator('#connect-button').click();
  await page.locator('#disconnect-button').waitFor();
}

/** p50/p95 over COMMANDS commands: three quarters IMAP, a quarter POP3. */
async function latency(browser, site, world) {
  const context = await browser.newContext(wide);
  try {
    const page = await context.newPage();
    await page.addInitScript(watchFor('#connect-button'));
    await page.goto(`${site.url}#/sandbox`);
    await page.locator('#connect-button').waitFor();
    if (world !== 'demo') {
      await page.locator('.world-choice').selectOption(world);
      await page.locator('.server-view .account[data-account="bob"] .older').waitFor({ timeout: 60000 });
    }
    await page.locator('.controls .speed select').selectOption('inf');
    const samples = [];
    const byCommand = {};
    const run = async (list, count) => {
      for (let i = 0; i < count; i += 1) {
        const [line, done] = list[i % list.length];
        const ms = await timed(page, line, done);
        samples.push(ms);
        (byCommand[line] ??= []).push(ms);
      }
    };
    await connectAs(page, 'IMAP', '993');
    await timed(page, 'LOGIN bob builder', TAGGED);
    await timed(page, 'SELECT INBOX', TAGGED);
    await run(imapWorkload(world !== 'demo'), (COMMANDS * 3) / 4);
    await timed(page, 'LOGOUT', TAGGED);
    await connectAs(page, 'POP3', '995');
    await timed(page, 'USER bob', STATUS);
    await timed(page, 'PASS builder', STATUS);
    await run(pop3Workload, COMMANDS / 4);
    const memory = await page.evaluate(() => window.__wasm?.memory?.buffer?.byteLength ?? null);
    const worst = Object.entries(byCommand)
      .map(([line, values]) => ({ line, p50: median(values), max: Math.max(...values) }))
      .sort((a, b) => b.p50 - a.p50);
    return { world, count: samples.length, p50: percentile(samples, 50), p95: percentile(samples, 95), memory, commands: worst };
  } finally {
    await context.close();
  }
}

const site = await serveStatic(siteDist);
const floor = await serveStatic(floorDist);
const browser = await chromium.launch({
  executablePath: process.env.FACTEUR_CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: ARGS,
});
try {
  const targets = pages(site, floor);
  console.error(`start-up: ${LOADS} cold loads of ${targets.map((t) => t.name).join(', ')}`);
  const startup = await startUp(browser, targets);
  console.error(`first paint at 10 Mbit/s: ${LOADS} cold loads of the home page`);
  const paint = await firstPaint(browser, site);
  console.error('forced layouts during start-up');
  const layouts = {};
  for (const target of targets.slice(1)) layouts[target.name] = await forcedLayouts(browser, target);
  console.error(`latency: ${COMMANDS} commands with the demo world`);
  const demo = await latency(browser, site, 'demo');
  console.error(`latency: ${COMMANDS} commands with busy-10000`);
  const busy = await latency(browser, site, 'busy-10000');
  await writeFile(outFile, JSON.stringify({ startup, paint, layouts, latency: [demo, busy], chromium: browser.version() }, null, 2));
} finally {
  await browser.close();
  await site.stop();
  await floor.stop();
}

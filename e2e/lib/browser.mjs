// Launching Debian's Chromium for a test, and catching everything the page complains about.
import { mkdtemp, mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
export const artifacts = join(here, '..', 'artifacts');

// Flags that keep Chromium from reaching for the network we do not have.
export const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Opens a fresh browser profile. Options go to launchPersistentContext (e.g. `locale`,
 * `viewport`). The profile, and every temporary file Chromium makes, is removed by close().
 */
export async function openBrowser(options = {}) {
  const profile = await mkdtemp(join(tmpdir(), 'facteur-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.FACTEUR_CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ARGS,
    env: { ...process.env, TMPDIR: profile, XDG_CACHE_HOME: join(profile, 'cache') },
    viewport: { width: 1100, height: 760 },
    ...options,
  });
  return {
    context,
    async newPage() {
      const page = context.pages()[0] ?? (await context.newPage());
      return { page, errors: collectErrors(page) };
    },
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/** Every console error and uncaught page error, so a test can assert there were none. */
export function collectErrors(page) {
  const errors = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (err) => errors.push(`page: ${err.message}`));
  return errors;
}

/** Saves a screenshot under e2e/artifacts/ for a person to look at. */
export async function screenshot(page, name) {
  await mkdir(artifacts, { recursive: true });
  await page.screenshot({ path: join(artifacts, `${name}.png`), fullPage: true });
}

// Draws the PNG icons of the web app manifest from their SVG sources with Chromium:
// `node e2e/make-icons.mjs` after changing static/icons/*.svg. The PNGs are committed;
// tablets that install the site to a home screen want 192 and 512 pixel PNGs, and iOS
// wants a 180 pixel one for its home screen.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { openBrowser } from './lib/browser.mjs';

const icons = new URL('../static/icons/', import.meta.url).pathname;
const wanted = [
  ['icon.svg', 'icon-192.png', 192],
  ['icon.svg', 'icon-512.png', 512],
  ['icon.svg', 'apple-touch-icon.png', 180],
  ['maskable.svg', 'maskable-512.png', 512],
];

const browser = await openBrowser();
try {
  const { page } = await browser.newPage();
  for (const [source, target, size] of wanted) {
    const svg = await readFile(join(icons, source), 'utf8');
    await page.setViewportSize({ width: size, height: size });
    const data = Buffer.from(svg).toString('base64');
    await page.setContent(
      `<style>html,body{margin:0;background:transparent}img{display:block;width:${size}px;height:${size}px}</style>` +
        `<img src="data:image/svg+xml;base64,${data}">`,
    );
    await page.locator('img').screenshot({ path: join(icons, target), omitBackground: true });
    console.log(`${target} ${size}×${size}`);
  }
} finally {
  await browser.close();
}

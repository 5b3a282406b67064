// axe-core, run in the page: the accessibility rules a screen-reader user relies on.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** Runs axe-core in the page and returns its violations, each as "rule: target — help". */
export async function axeViolations(page) {
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} — ${v.help}`));
}

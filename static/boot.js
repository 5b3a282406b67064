// Starts Facteur's WebAssembly. Trunk would put these lines inline in index.html; as a file
// they run under a Content-Security-Policy that allows scripts from the site only
// ("script-src 'self' 'wasm-unsafe-eval'"). The names of the hashed files come from the
// script element's data attributes, which Trunk fills in (Trunk.toml, pattern_script).
//
// While the wasm downloads, the first screen (index.html) says how far it has come: the
// bytes are counted as they arrive, against the wasm's size written by `cargo xtask
// seal-site`. Once the app has started, the first screen goes.
const tag = document.querySelector('script[data-facteur-wasm]');
const screen = document.getElementById('first-screen');

/** Shows `done` of `total` bytes as a percentage on every language's first screen. */
function progress(done, total) {
  if (!screen || !total) return;
  const percent = Math.min(99, Math.floor((done * 100) / total));
  for (const bar of screen.querySelectorAll('.first-progress')) bar.value = Math.min(done, total);
  for (const text of screen.querySelectorAll('.first-percent')) text.textContent = `${percent} %`;
}

/**
 * The wasm as a Response whose bytes are counted as they pass: the browser still compiles
 * it while it downloads (streaming instantiation), and the first screen shows how far it is.
 */
async function download(url) {
  const response = await fetch(url);
  const total = Number(screen?.querySelector('.first-progress')?.max ?? 0);
  if (!response.ok || !response.body || !total) return response;
  let done = 0;
  const counted = response.body.pipeThrough(new TransformStream({
    transform(chunk, controller) {
      done += chunk.length;
      progress(done, total);
      controller.enqueue(chunk);
    },
  }));
  return new Response(counted, { headers: { 'Content-Type': 'application/wasm' } });
}

let wasm;
try {
  const { default: init } = await import(tag.dataset.facteurJs);
  wasm = await init({ module_or_path: download(tag.dataset.facteurWasm) });
} catch (error) {
  // Never a screen that says "loading" for ever: say what went wrong, and how to retry.
  for (const line of screen?.querySelectorAll('.first-loading') ?? []) {
    line.textContent = line.closest('[lang]')?.lang === 'fr'
      ? 'Le simulateur n’a pas pu démarrer. Rechargez la page ; si cela recommence, essayez un navigateur récent.'
      : 'The simulator could not start. Reload the page; if it happens again, try an up-to-date browser.';
  }
  throw error;
}
screen?.remove();
// The event Trunk's own loader sends, with the wasm's exports (the bench reads its memory).
dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));

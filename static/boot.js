// Starts Facteur's WebAssembly. Trunk would put these lines inline in index.html; as a file
// they run under a Content-Security-Policy that allows scripts from the site only
// ("script-src 'self' 'wasm-unsafe-eval'"). The names of the hashed files come from the
// script element's data attributes, which Trunk fills in (Trunk.toml, pattern_script).
const tag = document.querySelector('script[data-facteur-wasm]');
const { default: init } = await import(tag.dataset.facteurJs);
const wasm = await init({ module_or_path: tag.dataset.facteurWasm });
// The event Trunk's own loader sends, with the wasm's exports (the bench reads its memory).
dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));

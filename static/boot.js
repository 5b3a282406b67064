// Starts Facteur's WebAssembly. Trunk would put these lines inline in index.html; as a file
// they run under a Content-Security-Policy that allows scripts from the site only
// ("script-src 'self' 'wasm-unsafe-eval'"). The names of the hashed files come from the
// script element's data attributes, which Trunk fills in (Trunk.toml, pattern_script).
const tag = document.querySelector('script[data-facteur-wasm]');
const { default: init } = await import(tag.dataset.facteurJs);
await init({ module_or_path: tag.dataset.facteurWasm });

// Runs before the page is drawn, so the first screen (index.html, written by
// `cargo xtask seal-site`) shows in the visitor's language: the one a link names, else the
// one chosen on an earlier visit, else the browser's. The app sets the same attribute once
// it has started, and fetches the same course file (course/load.rs), which the preload
// below has begun.
(() => {
  let lang = null;
  try {
    lang = localStorage.getItem('facteur.lang');
  } catch (_) {
    // Storage refused (private mode, a strict policy): the browser's language decides.
  }
  // A link from the teacher page says its language (`?lang=fr`); it comes first.
  const linked = new URLSearchParams(location.search).get('lang');
  const chosen = (linked === 'fr' || linked === 'en' ? linked : null) ?? lang ?? (navigator.language || 'en');
  // French is "fr" and its regions (fr-CA, fr_BE), not North Frisian ("frr").
  const tag = /^fr([-_]|$)/i.test(chosen) ? 'fr' : 'en';
  document.documentElement.lang = tag;
  // The lessons in that language start downloading now, beside the wasm, not after it.
  const course = document.createElement('link');
  course.rel = 'preload';
  course.as = 'fetch';
  course.crossOrigin = 'anonymous';
  course.href = `course-${tag}.json`;
  document.head.append(course);
})();

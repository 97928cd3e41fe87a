// Prepended by tools/finalize-dist.mjs to the wasm loader of each site page (not the widget's).
// A site page paints its static first screen (src/prerender.rs) from the HTML and CSS alone, so
// the app's wasm is fetched only after that paint: on a weak line it would otherwise share the
// bandwidth with the stylesheets and hold the first paint back. Waits at most a second, and not
// at all where nothing static is shown (an English reader's page, a hidden tab).
await new Promise((ready) => {
  const root = document.documentElement;
  if (document.hidden || !document.getElementById('cc-prerender') || root.classList.contains('cc-no-prerender')) {
    ready();
    return;
  }
  let waiting = true;
  const go = () => {
    waiting = false;
    ready();
  };
  const painted = () => performance.getEntriesByName('first-contentful-paint', 'paint').length > 0;
  // Looks once a frame, and no longer once the wait is over either way.
  const frame = () => {
    if (waiting) (painted() ? go() : requestAnimationFrame(frame));
  };
  setTimeout(go, 1000);
  frame();
});

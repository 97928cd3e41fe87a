// Runs before the first paint of every site page (a blocking script in <head>; no inline script
// under the CSP). The static first screen in the page (src/prerender.rs) is Chinese: a reader
// who chose English gets no static screen rather than a flash of the wrong language, and one who
// chose 关怀版 gets its larger type from the first paint, not after the app loads. Reads the
// preferences exactly as src/prefs.rs does: `?lang=` / `?theme=` first, then localStorage.
(function () {
  var root = document.documentElement;
  var query = {};
  location.search.replace(/^\?/, '').split('&').forEach(function (pair) {
    var kv = pair.split('=');
    if (kv.length > 1) query[kv[0]] = kv.slice(1).join('=');
  });
  function stored(key) {
    try { return localStorage.getItem(key); } catch (e) { return null; }
  }
  function lang(text) {
    var t = String(text || '').trim().toLowerCase().split(/[-_]/)[0];
    return t === 'zh' || t === 'en' ? t : null;
  }
  function theme(text) {
    var t = String(text || '').trim();
    return t === 'normal' || t === 'care' ? t : null;
  }
  var chosenLang = lang(query.lang) || lang(stored('cc.lang')) || 'zh';
  var chosenTheme = theme(query.theme) || theme(stored('cc.theme')) || 'normal';
  if (chosenLang !== 'zh') root.classList.add('cc-no-prerender');
  if (chosenTheme === 'care') root.classList.add('cc-care');
})();

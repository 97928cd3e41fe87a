// 绿色长春 widget host script: resizes <iframe src=".../widget.html?...&id=…"> (or widget-aqi.html,
// the AQI view's page) to the height the widget posts ({type:"cc-widget:height", id, height}). No
// inline script needed on the host.
(function () {
  var me = document.currentScript, from = new URL(me.src).origin;
  var pages = [new URL('widget.html', me.src).href, new URL('widget-aqi.html', me.src).href];
  addEventListener('message', function (e) {
    var d = e.data;
    if (e.origin !== from || !d || d.type !== 'cc-widget:height' || !(d.height > 0)) return;
    var frames = document.getElementsByTagName('iframe');
    for (var i = 0; i < frames.length; i++) {
      var f = frames[i], u = new URL(f.src, location.href);
      if (f.contentWindow === e.source && pages.indexOf(u.href.split('?')[0]) >= 0 && u.searchParams.get('id') === d.id) {
        f.style.height = Math.ceil(d.height) + 'px';
      }
    }
  });
})();

// Runs before the (deferred) widget script: record how the host's own elements look.
(function () {
  'use strict';
  var PROPS = ['display', 'color', 'background-color', 'font-family', 'font-size', 'line-height', 'letter-spacing',
    'width', 'height', 'padding-top', 'border-top-width', 'border-top-style', 'text-transform', 'direction', 'box-sizing'];
  window.__hostStyles = function () {
    var ids = ['host-title', 'host-mark', 'host-text', 'host-input', 'host-button', 'between', 'host-form'];
    var out = {};
    for (var i = 0; i < ids.length; i++) {
      var cs = getComputedStyle(document.getElementById(ids[i]));
      var o = {};
      for (var j = 0; j < PROPS.length; j++) o[PROPS[j]] = cs.getPropertyValue(PROPS[j]);
      out[ids[i]] = o;
    }
    out.body = { color: getComputedStyle(document.body).color, background: getComputedStyle(document.body).backgroundColor };
    return out;
  };
  window.__hostBefore = window.__hostStyles();
  window.__headBefore = document.head.children.length;
  window.__sheetsBefore = document.styleSheets.length;
  window.__urlBefore = location.href;
  window.__historyBefore = history.length;
})();

// Runs before the widget: patches built-ins the way old libraries did.
(function () {
  'use strict';
  var AP = Array.prototype;
  var push = AP.push, map = AP.map, indexOf = AP.indexOf;
  // Enumerable additions (break for…in over arrays).
  AP.each = function (f) { for (var i = 0; i < this.length; i++) f(this[i], i); };
  AP.first = function () { return this[0]; };
  // JSON.stringify of any array now yields a string (Prototype.js 1.6).
  AP.toJSON = function () { return 'patched-array'; };
  // Replacements that still work but are enumerable wrappers; count the calls.
  window.__patchedCalls = 0;
  AP.push = function () { window.__patchedCalls++; return push.apply(this, arguments); };
  AP.map = function (f, t) { window.__patchedCalls++; return map.call(this, f, t); };
  // A subtly wrong includes (misses NaN) and a forEach that ignores thisArg.
  AP.includes = function (x) { return indexOf.call(this, x) !== -1; };
  AP.forEach = function (f) { for (var i = 0; i < this.length; i++) if (i in this) f(this[i], i, this); };
  // The host keeps its own hash routing and history.
  window.__hostHashChanges = 0;
  window.addEventListener('hashchange', function () { window.__hostHashChanges++; });
  // The host page stops `/` from being typed anywhere it does not expect (a common shortcut trap).
  window.__events = [];
  document.addEventListener('xunyue:search', function (e) {
    window.__events.push({ type: e.type, target: e.target.id, detail: JSON.parse(JSON.stringify(e.detail)) });
  });
  document.addEventListener('xunyue:open', function (e) {
    window.__events.push({ type: e.type, target: e.target.id, detail: JSON.parse(JSON.stringify(e.detail)) });
  });
})();

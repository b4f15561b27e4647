// Runs before anything else on the page: the globals old scripts and other
// libraries leave behind.
Object.prototype.evil = 1; // enumerable: shows up in every for…in
Array.prototype.junk = function junk() {};
Array.prototype.includes = function includes(x) {
  // an old polyfill that ignores fromIndex
  return this.indexOf(x) !== -1;
};
window.process = { env: { NODE_ENV: 'development' } };
window.define = function define() {};
window.define.amd = true;
window.module = { exports: {} };
window.exports = window.module.exports;
window.global = window;
// an older Lit already announced itself
window.litHtmlVersions = ['1.4.1'];
window.litElementVersions = ['2.5.1'];
window.reactiveElementVersions = ['1.0.0'];

// Put first into every page by the server for drivers that cannot report what a
// page logs (WebDriver classic, i.e. WebKit): records uncaught errors, unhandled
// rejections, console.error and console.warn calls and failed resource loads,
// for the harness to read back (window.__e2eLog). Messages the browser itself
// writes to its console (a CSP violation, a 404) are not seen here.
/* global ErrorEvent */
(() => {
  const log = { errors: [], consoleErrors: [], warnings: [] };
  // WebKit's stack has no message line
  const error = (e) => (e instanceof Error ? `${e}\n${e.stack}` : String(e));
  Object.defineProperty(window, '__e2eLog', { value: log });
  const text = (args) =>
    args
      .map((a) => {
        if (typeof a === 'string') return a;
        if (a instanceof Error) return error(a);
        try {
          return JSON.stringify(a);
        } catch {
          return String(a);
        }
      })
      .join(' ');
  for (const [method, list] of [
    ['error', log.consoleErrors],
    ['warn', log.warnings],
  ]) {
    const original = console[method];
    console[method] = function (...args) {
      list.push(text(args));
      return original.apply(this, args);
    };
  }
  window.addEventListener(
    'error',
    (e) => {
      if (e instanceof ErrorEvent) log.errors.push(`${e.message} (${e.filename}:${e.lineno})`);
      else if (e.target && e.target !== window)
        log.consoleErrors.push(`Failed to load resource: ${e.target.src || e.target.href || e.target.localName}`);
    },
    true,
  );
  window.addEventListener('unhandledrejection', (e) => {
    log.errors.push(`Uncaught (in promise) ${error(e.reason)}`);
  });
})();

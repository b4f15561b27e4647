// What the XSS suites watch while payloads render: sentinel calls, dialogs, requests to a beacon,
// clobbered globals, and every attribute and element of the rendered (shadow) trees.
// `watchXss()` sets the traps around the calling suite; `expectNothingRan` checks them.
import { expect } from '@open-wc/testing';
import { isBeacon, type XssPayload } from '../fixtures/xss-payloads.js';

type Win = Window & { __xss?: (name: string) => void; __xss_hit?: unknown };
const win = window as Win;

const URL_ATTRS = [
  'href',
  'src',
  'srcset',
  'action',
  'formaction',
  'data',
  'poster',
  'background',
  'xlink:href',
  'ping',
  'codebase',
];
const BAD_SCHEME = /^\s*(javascript|data|vbscript):/i;
/** Elements that never belong in a shadow root of ours. */
const NEVER = 'script, iframe, frame, frameset, object, embed, applet, base, meta, link, noscript';
/** And what sanitized content never holds. */
export const NEVER_IN_CONTENT = `${NEVER}, style, svg, math, form, input, button, select, textarea, template, [style], [id], [name], [class]`;

/** Every element in `root`, descending into open shadow roots. */
function deep(root: ParentNode): Element[] {
  return [...root.querySelectorAll('*')].flatMap((el) => [el, ...(el.shadowRoot ? deep(el.shadowRoot) : [])]);
}

const ran: string[] = [];
const fetched: string[] = [];
const dialogs: string[] = [];
let observer: PerformanceObserver;
const saved = { alert: window.alert, confirm: window.confirm, prompt: window.prompt, print: window.print };

function collect(entries: PerformanceEntryList) {
  for (const e of entries) if (isBeacon(e.name)) fetched.push(e.name);
}

/** Sets the traps before the calling suite's tests and removes them after. */
export function watchXss(): void {
  before(() => {
    win.__xss = (name) => ran.push(name);
    window.alert = (m?: unknown) => void dialogs.push(`alert ${String(m)}`);
    window.confirm = (m?: string) => (dialogs.push(`confirm ${m}`), false);
    window.prompt = (m?: string) => (dialogs.push(`prompt ${m}`), null);
    window.print = () => void dialogs.push('print');
    performance.setResourceTimingBufferSize(100_000);
    observer = new PerformanceObserver((list) => collect(list.getEntries()));
    observer.observe({ type: 'resource', buffered: true });
  });
  after(() => {
    observer.disconnect();
    Object.assign(window, saved);
    delete win.__xss;
  });
}

export function expectNothingRan({ name }: XssPayload, host: HTMLElement) {
  collect(observer.takeRecords());
  collect(performance.getEntriesByType('resource'));
  expect(ran, 'a payload ran').to.deep.equal([]);
  expect(dialogs, 'a dialog opened').to.deep.equal([]);
  expect(fetched, 'a payload URL was requested').to.deep.equal([]);
  expect(win.__xss_hit, 'the sentinel global was set').to.equal(undefined);
  expect(typeof document.getElementById, 'document.getElementById was clobbered').to.equal('function');
  expect(document.defaultView, 'document.defaultView was clobbered').to.equal(window);
  expect(document.querySelector('base, meta[http-equiv]'), 'a <base> or <meta> reached the document').to.equal(null);

  for (const el of deep(host)) {
    const where = `<${el.localName}> (${name})`;
    for (const attr of el.getAttributeNames()) {
      expect(attr.startsWith('on'), `${where} has the handler ${attr}`).to.equal(false);
      if (URL_ATTRS.includes(attr)) {
        const value = el.getAttribute(attr)!;
        expect(BAD_SCHEME.test(value), `${where} ${attr}="${value}"`).to.equal(false);
        expect(isBeacon(value), `${where} ${attr} points at a beacon`).to.equal(false);
      }
    }
    expect(el.matches(NEVER), `${where} was rendered`).to.equal(false);
  }
}

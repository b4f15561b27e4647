// Shared helpers for the browser tests. Feeds are built here or served by the
// test runner's own server (tests/server/mock-routes.mjs), never fetched from the internet.
import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { clearFeedCache } from '../src/feed/load.js';
import type { FeedElement, FeedState } from '../src/base/feed-element.js';

export const V11 = 'https://jsonfeed.org/version/1.1';

/** The bundled sample feed, as served to the tests. */
export const SAMPLE_URL = '/demo/feed.json';

export async function sampleFeedJson(): Promise<any> {
  return (await fetch(SAMPLE_URL)).json();
}

/** A minimal valid feed with the given items (and optional top-level extras). */
export function feedOf(items: unknown[], extra: Record<string, unknown> = {}): any {
  return { version: V11, title: 'Test feed', language: 'de-DE', items, ...extra };
}

export function newsItem(id: string, extra: Record<string, unknown> = {}): any {
  return {
    id,
    title: `Title ${id}`,
    content_text: `Body ${id}`,
    date_published: '2021-02-02T09:00:00+01:00',
    ...extra,
  };
}

export function portraitItem(slug: string, extra: Record<string, unknown> = {}): any {
  return {
    id: `portrait-${slug}`,
    title: `Portrait ${slug}`,
    summary: `Summary ${slug}`,
    content_text: 'Body',
    url: `https://example.org/reportage/${slug}`,
    _reportage: {
      kind: 'portrait',
      cluster: {
        slug,
        name: `Cluster ${slug}`,
        region: `Region ${slug}`,
        place: `Place ${slug}`,
        focus: `Focus ${slug}`,
        url: `https://example.org/${slug}`,
      },
    },
    ...extra,
  };
}

/** A URL on the test server's mock routes: `mockUrl('respond', { status: 500 })`. */
export function mockUrl(route: string, params: Record<string, string | number> = {}, origin = location.origin): string {
  const url = new URL(`/mock/${route}`, origin);
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, String(v));
  return url.href;
}

/** Body for the `respond` route: base64url of UTF-8 text. */
export function b64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let bin = '';
  bytes.forEach((b) => (bin += String.fromCharCode(b)));
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** How many requests the `feed` route has seen under `key`. */
export async function hits(key: string): Promise<number> {
  return (await (await fetch(mockUrl('hits', { key }))).json()).hits;
}

/** Waits until the element reaches `state` (default: any settled state). */
export async function settled(el: FeedElement<unknown>, state?: FeedState): Promise<void> {
  await waitUntil(
    () => (state ? el.state === state : el.state !== 'loading'),
    `element never became ${state ?? 'settled'} (is ${el.state})`,
    { timeout: 8000 },
  );
  await el.updateComplete;
}

export { oneEvent };

/** Every test starts without the page-wide feed cache of the one before. */
export function freshCache(): void {
  beforeEach(() => clearFeedCache());
}

/** The element's shadow root, typed. */
export const shadow = (el: Element): ShadowRoot => el.shadowRoot!;
export const part = (el: Element, name: string): HTMLElement | null => shadow(el).querySelector(`[part~="${name}"]`);
export const parts = (el: Element, name: string): HTMLElement[] => [
  ...shadow(el).querySelectorAll<HTMLElement>(`[part~="${name}"]`),
];

/** The engine the tests run in (scripts/wtr.mjs runs one per run). */
const ua = navigator.userAgent;
export const isFirefox = /\bFirefox\//.test(ua);
export const isChromium = /Chrome\//.test(ua); // HeadlessChrome/… too
export const isWebKit = !isFirefox && !isChromium && /\bAppleWebKit\//.test(ua);

/**
 * Shift+Tab. Chromium and Firefox are driven by puppeteer, which can hold a key
 * down; WebKit by WebDriver, where the test runner offers only `press` and `type`:
 * there the two WebDriver key codes (Shift U+E008, Tab U+E004) go in one key
 * action, which presses both, then releases both.
 */
export async function shiftTab(): Promise<void> {
  if (isWebKit) {
    await sendKeys({ press: '\uE008\uE004' });
    return;
  }
  await sendKeys({ down: 'Shift' });
  await sendKeys({ press: 'Tab' });
  await sendKeys({ up: 'Shift' });
}

/** Runs `body` with listeners for uncaught errors and unhandled rejections on the page; fails if any fired. */
export async function guarded(body: () => Promise<void>): Promise<void> {
  const stray: string[] = [];
  const onError = (e: ErrorEvent) => stray.push(`error: ${e.message}`);
  const onRejection = (e: PromiseRejectionEvent) => stray.push(`unhandled rejection: ${String(e.reason)}`);
  // capture listeners run first, before mocha's own handlers
  window.addEventListener('error', onError, { capture: true });
  window.addEventListener('unhandledrejection', onRejection, { capture: true });
  try {
    await body();
    await new Promise((r) => setTimeout(r, 50)); // unhandled rejections are reported a task later
  } finally {
    window.removeEventListener('error', onError, { capture: true });
    window.removeEventListener('unhandledrejection', onRejection, { capture: true });
  }
  expect(stray).to.deep.equal([]);
}

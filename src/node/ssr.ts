/**
 * Server rendering (`cluster-reportage/ssr`, Node): HTML with our elements in, the same HTML out
 * with each element's ready state in a declarative shadow root, rendered by Lit's own server
 * renderer (`@lit-labs/ssr`) from the element classes themselves. Everything outside our elements
 * is passed through byte for byte. See README, "Server rendering".
 */
import '../index.js';
import { FeedElement } from '../base/feed-element.js';
import type { Feed } from '../feed/types.js';
import { applyAutolinks } from './autolink.js';
import { FeedSources, type FeedOptions } from './feeds.js';
import { linkPortraits } from './links.js';
import { findElements, type Found } from './page.js';
import { renderElement } from './server-element.js';
import { loadServerDom } from './server-sanitizer.js';

export interface RenderOptions extends FeedOptions {
  /** The language of the page a snippet goes into, for elements with no `lang` of their own or above them in `html`. */
  lang?: string;
  /** Hears what a site owner should know (an element with nothing to show, items the feed skipped); default `console.warn`. */
  onWarning?: (message: string) => void;
}

/** A tag of ours: a `FeedElement` registered under it (so also a partner's own names, and every element the library adds). */
const isFeedElement = (tag: string) =>
  tag.includes('-') && (customElements.get(tag)?.prototype ?? null) instanceof FeedElement;

/**
 * Renders every element of ours in `html` (a page or a snippet) into its ready state, as a
 * declarative shadow root (`<template shadowrootmode="open">` with the element's styles), keeping
 * its light-DOM fallback. `feed`: a JSON Feed object or file for every element; without it, each
 * element's `src` is fetched (resolved against `baseUrl`). An element with neither stays as it is.
 * A `<cluster-autolink src>` first turns the page's standalone links to its feed's items into
 * cards, as it does in the browser, and those cards are rendered too.
 *
 * Rejects with an `Error` naming the element and the cause when a feed cannot be read, fetched or
 * used; the page is never rendered half.
 */
export async function render(html: string, options: RenderOptions = {}): Promise<string> {
  if (typeof html !== 'string') throw new TypeError(`render(html): expected a string, got ${typeof html}`);
  const warn = options.onWarning ?? ((m: string) => console.warn(`[cluster-reportage] ${m}`));
  const sources = new FeedSources(options);
  // first what the autolinks do in the browser: the cards they make are rendered below
  html = await applyAutolinks(html, sources, options.baseUrl === undefined ? undefined : String(options.baseUrl), warn);
  const found = findElements(html, isFeedElement);
  if (!found.length) return html;
  if (found.some((el) => el.attrs.get('variant') === 'full')) await loadServerDom();

  const feeds = new Map<Found, Promise<Feed | undefined>>();
  const feedOf = (el: Found) => {
    // the src as the element has it before linkPortraits may give it the journey's
    if (!feeds.has(el)) feeds.set(el, sources.for(el.tag, el.attrs.get('src')));
    return feeds.get(el)!;
  };
  await linkPortraits(found, feedOf);

  const out: string[] = [];
  const warned = new Set<Feed>();
  let at = 0;
  for (const el of found) {
    const feed = await feedOf(el);
    const source = html.slice(el.start, el.end);
    let rendered = source;
    if (!feed) warn(`<${el.tag}> has no src and there is no feed option: left as it is`);
    else {
      const lang = el.lang ?? options.lang;
      const element = await renderElement(el.tag, el.attrs, feed, lang ? { lang } : {});
      const end = element.lastIndexOf('</');
      rendered = element.slice(0, end) + el.children + element.slice(end);
      if (/^<[^>]*\sstate="empty"/.test(element))
        warn(`${source.slice(0, source.indexOf('>') + 1)}: nothing in the feed for it; its empty message was rendered`);
      if (feed.problems.length && !warned.has(feed)) {
        warned.add(feed);
        warn(
          `the feed has ${feed.problems.length} problem(s), e.g. ${feed.problems[0]!.path}: ${feed.problems[0]!.message}`,
        );
      }
    }
    out.push(html.slice(at, el.start), rendered);
    at = el.end;
  }
  out.push(html.slice(at));
  return out.join('');
}

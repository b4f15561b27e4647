// What a CMS stored, shown on a page of the site: the theme's script (the test imports
// src/index.js) and one <cluster-autolink>, as the README's "In a CMS" sets it up.
import { waitUntil } from '@open-wc/testing';
import type { FeedElement } from '../../src/base/feed-element.js';
import { settled } from '../helpers.js';

/** What a test put on the page; removed after each test. */
export const mounted: Element[] = [];
afterEach(() => mounted.splice(0).forEach((e) => e.remove()));

/** Shows `html` in a `<main>` beside a `<cluster-autolink src=feed>`; resolves with its `n` cards once ready. */
export async function show(html: string, feed: string, n: number): Promise<FeedElement<unknown>[]> {
  const main = document.createElement('main');
  main.innerHTML = html;
  const autolink = document.createElement('cluster-autolink');
  autolink.setAttribute('src', feed);
  document.body.append(main, autolink);
  mounted.push(main, autolink);
  const cards = () => [...main.querySelectorAll<FeedElement<unknown>>('cluster-news-card, cluster-portrait')];
  await waitUntil(() => cards().length === n, `expected ${n} cards on the page`, { timeout: 8000 });
  await Promise.all(cards().map((c) => settled(c, 'ready')));
  return cards();
}

import { expect, fixtureSync, html } from '@open-wc/testing';
import '../../src/elements/cluster-news-card/define.js';
import type { ClusterNewsCard } from '../../src/elements/cluster-news-card/cluster-news-card.js';
import { FeedError } from '../../src/feed/errors.js';
import { loadFeed, MAX_FEED_BYTES, resolveFeedUrl } from '../../src/feed/load.js';
import type { FeedErrorKind } from '../../src/feed/types.js';
import { b64, freshCache, hits, mockUrl, part, settled } from '../helpers.js';

/** The same mock routes on the other name of the test server: another origin for the page. */
const otherOrigin = location.origin.replace(
  /\/\/(localhost|127\.0\.0\.1)/,
  (_, host) => `//${host === 'localhost' ? '127.0.0.1' : 'localhost'}`,
);
const key = (name: string) => `${name}-${Math.random().toString(36).slice(2)}`;
const tick = (ms = 0) => new Promise((r) => setTimeout(r, ms));

/** What `promise` rejects with (fails the test if it resolves). */
async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (e) {
    return e;
  }
  throw new Error('expected the load to fail, it succeeded');
}

async function failsWith(url: string, kind: FeedErrorKind, timeout?: number): Promise<FeedError> {
  const e = await rejection(loadFeed(url, timeout ? { timeout } : {}));
  expect(e, String(e)).to.be.instanceOf(FeedError);
  expect((e as FeedError).kind, (e as FeedError).message).to.equal(kind);
  expect((e as FeedError).message)
    .to.be.a('string')
    .and.not.equal('');
  return e as FeedError;
}

/** Polls a hit counter of the mock server until it reaches `n`. */
async function untilHits(k: string, n: number): Promise<void> {
  for (let i = 0; i < 100 && (await hits(k)) < n; i++) await tick(30);
  expect(await hits(k)).to.equal(n);
}

describe('loadFeed: every failure has a kind', () => {
  freshCache();

  it('the test page and the other origin differ', () => {
    expect(otherOrigin).not.to.equal(location.origin);
  });

  it('http: a 404 and a 500, with the status', async () => {
    expect((await failsWith(mockUrl('respond', { status: 404 }), 'http')).status).to.equal(404);
    const e = await failsWith(
      mockUrl('respond', { status: 500, body: b64('{"version":"https://jsonfeed.org/version/1.1","items":[]}') }),
      'http',
    );
    expect(e.status).to.equal(500);
    expect(e.message).to.match(/500/);
  });

  it('parse: an HTML page with 200', async () => {
    const e = await failsWith(
      mockUrl('respond', {
        type: 'text/html; charset=utf-8',
        body: b64('<!doctype html><title>Oops</title><p>Not here'),
      }),
      'parse',
    );
    expect(e.message).to.match(/text\/html/);
  });

  it('parse: invalid JSON, and HTML served as JSON', async () => {
    await failsWith(
      mockUrl('respond', { body: b64('{"version": "https://jsonfeed.org/version/1.1", items: []}') }),
      'parse',
    );
    expect(
      (
        await failsWith(
          mockUrl('respond', { type: 'application/json', body: b64('<html><body>Error</body></html>') }),
          'parse',
        )
      ).message,
    ).to.match(/looks like HTML/);
  });

  it('parse: an empty body', async () => {
    expect((await failsWith(mockUrl('respond', {}), 'parse')).message).to.match(/empty/);
  });

  it(`parse: a body over ${MAX_FEED_BYTES / 1024 / 1024} MB is not read`, async () => {
    expect((await failsWith(mockUrl('big', { mb: 20 }), 'parse')).message).to.match(/larger than 5 MB/);
  });

  it('timeout: a server that never answers, and a body that never ends', async () => {
    // the configured 300 ms, not the default 10 s, is what gave up (said in the message; no clock read here)
    expect((await failsWith(mockUrl('hang', { k: key('h') }), 'timeout', 300)).message).to.match(/within 0\.3 s/);
    expect((await failsWith(mockUrl('hang-body', { k: key('hb') }), 'timeout', 300)).message).to.match(/within 0\.3 s/);
  });

  it('network: the other origin without CORS headers is refused, though it answers', async () => {
    const url = mockUrl('respond', { body: b64('{}') }, otherOrigin);
    // the server is there (an opaque answer), the browser only refuses to hand it to the page
    expect((await fetch(url, { mode: 'no-cors' })).type).to.equal('opaque');
    expect((await failsWith(url, 'network')).message).to.match(/CORS/);
    // the same server with CORS headers works
    expect((await loadFeed(mockUrl('feed', {}, otherOrigin))).items).to.have.length(5);
  });

  it('network: a redirect loop', async () => {
    await failsWith(mockUrl('redirect-loop', { k: key('r') }), 'network');
  });

  it('invalid: wrong version, items not an array, a JSON array/string/null at the root, naming the path', async () => {
    const cases: [string, string][] = [
      ['{"version":"2","items":[]}', 'version: expected "https://jsonfeed.org/version/1.1", got "2"'],
      ['{"version":"https://jsonfeed.org/version/1.1","title":"t","items":{"a":1}}', 'items: expected an array'],
      ['[]', '(root): expected a JSON Feed object, got an array'],
      ['"feed"', '(root): expected a JSON Feed object, got a string'],
      ['null', '(root): expected a JSON Feed object, got null'],
    ];
    for (const [body, message] of cases) {
      const e = await failsWith(mockUrl('respond', { body: b64(body) }), 'invalid');
      expect(e.message.startsWith(message), e.message).to.equal(true);
    }
  });

  it('the fragment of a URL does not make it another feed', () => {
    expect(resolveFeedUrl('/demo/feed.json#x')).to.equal(resolveFeedUrl('/demo/feed.json'));
  });
});

describe('loadFeed: one request per URL', () => {
  freshCache();

  it('N concurrent calls for the same URL make 1 request and get the same feed', async () => {
    const k = key('dedupe');
    const url = mockUrl('feed', { key: k, delay: 100 });
    const feeds = await Promise.all(Array.from({ length: 8 }, () => loadFeed(url)));
    expect(await hits(k)).to.equal(1);
    expect(new Set(feeds).size).to.equal(1);
    expect(feeds[0]!.items).to.have.length(5);
  });

  it('a completed response is shared with later callers; fresh asks again', async () => {
    const k = key('shared');
    const url = mockUrl('feed', { key: k });
    const first = await loadFeed(url);
    expect(await loadFeed(url)).to.equal(first);
    expect(await hits(k)).to.equal(1);
    const again = await loadFeed(url, { fresh: true });
    expect(await hits(k)).to.equal(2);
    expect(again.items).to.have.length(5);
  });

  it('a failure is not shared: the next call asks again', async () => {
    const k = key('flaky');
    const url = mockUrl('flaky', { key: k });
    await loadFeed(url);
    await failsWith(`${url}&x=1`, 'http');
    await failsWith(`${url}&x=1`, 'http');
    expect(await hits(k)).to.equal(3);
  });

  it('N <cluster-news-card> elements with the same src make 1 request and all render', async () => {
    const k = key('cards');
    const src = mockUrl('feed', { key: k, delay: 50 });
    const root = fixtureSync<HTMLElement>(
      html`<div>${Array.from({ length: 6 }, () => html`<cluster-news-card src=${src}></cluster-news-card>`)}</div>`,
    );
    const cards = [...root.querySelectorAll<ClusterNewsCard>('cluster-news-card')];
    await Promise.all(cards.map((c) => settled(c, 'ready')));
    expect(await hits(k)).to.equal(1);
    for (const c of cards) expect(part(c, 'title')!.textContent).to.match(/^Clusterreportagen: ein Blick/);
  });
});

describe('loadFeed: abort', () => {
  freshCache();

  it('aborting one of two callers does not abort the other', async () => {
    const k = key('abort-one');
    const url = mockUrl('feed', { key: k, delay: 200 });
    const a = new AbortController();
    const first = loadFeed(url, { signal: a.signal });
    const second = loadFeed(url);
    a.abort();
    const e = await rejection(first);
    expect((e as Error).name).to.equal('AbortError');
    expect(e).not.to.be.instanceOf(FeedError);
    expect((await second).items).to.have.length(5);
    expect(await hits(k)).to.equal(1);
  });

  it('aborting every caller aborts the request, with AbortError and no FeedError', async () => {
    const k = key('abort-all');
    const url = mockUrl('hang', { key: k });
    const controllers = [new AbortController(), new AbortController()];
    const loads = controllers.map((c) => loadFeed(url, { signal: c.signal, timeout: 5000 }).catch((e: unknown) => e));
    await untilHits(k, 1);
    await tick(100);
    expect(await hits(`${k}:closed`)).to.equal(0);
    controllers.forEach((c) => c.abort());
    for (const e of await Promise.all(loads)) {
      expect((e as Error).name).to.equal('AbortError');
      expect(e).not.to.be.instanceOf(FeedError);
    }
    // the server sees the connection closed long before the 5 s timeout
    await untilHits(`${k}:closed`, 1);
    // and the next caller starts a new request
    const again = new AbortController();
    const next = loadFeed(url, { signal: again.signal }).catch((e: unknown) => e);
    await untilHits(k, 2);
    again.abort();
    expect(((await next) as Error).name).to.equal('AbortError');
  });

  it('an already aborted signal rejects at once and starts no request', async () => {
    const k = key('pre-aborted');
    const e = await rejection(loadFeed(mockUrl('feed', { key: k }), { signal: AbortSignal.abort() }));
    expect((e as Error).name).to.equal('AbortError');
    await tick(100);
    expect(await hits(k)).to.equal(0);
  });

  it('removing a loading card aborts its request and shows no error', async () => {
    const k = key('card-abort');
    const root = fixtureSync<HTMLElement>(
      html`<div><cluster-news-card src=${mockUrl('hang', { key: k })}></cluster-news-card></div>`,
    );
    const card = root.querySelector('cluster-news-card')!;
    let errors = 0;
    card.addEventListener('cluster-feed-error', () => errors++);
    await untilHits(k, 1);
    await tick(100);
    expect(await hits(`${k}:closed`)).to.equal(0);
    card.remove();
    await untilHits(`${k}:closed`, 1);
    expect(errors).to.equal(0);
    expect(card.state).to.equal('loading');
  });
});

describe('a failed refresh keeps the last good feed', () => {
  freshCache();

  it('the card keeps its content (state ready) and fires cluster-feed-error', async () => {
    const k = key('refresh');
    const root = fixtureSync<HTMLElement>(
      html`<div><cluster-news-card src=${mockUrl('flaky', { key: k })}></cluster-news-card></div>`,
    );
    const card = root.querySelector('cluster-news-card')!;
    await settled(card, 'ready');
    const title = part(card, 'title')!.textContent;
    const failed = new Promise<CustomEvent>((resolve) =>
      card.addEventListener('cluster-feed-error', (e) => resolve(e as CustomEvent), { once: true }),
    );
    card.reload();
    const event = await failed;
    expect(event.detail.error.kind).to.equal('http');
    expect(event.detail.error.status).to.equal(500);
    expect(await hits(k)).to.equal(2);
    await card.updateComplete;
    expect(card.state).to.equal('ready');
    expect(part(card, 'title')!.textContent).to.equal(title);
    expect(part(card, 'error')).to.equal(null);
  });

  it('a card added after a failed refresh shows the last good feed of this page and reports the error', async () => {
    const k = key('refresh-new');
    const src = mockUrl('flaky', { key: k });
    const good = await loadFeed(src);
    expect(((await rejection(loadFeed(src, { fresh: true }))) as FeedError).kind).to.equal('http');
    const root = fixtureSync<HTMLElement>(html`<div></div>`);
    const card = document.createElement('cluster-news-card');
    const failed = new Promise<CustomEvent>((resolve) =>
      card.addEventListener('cluster-feed-error', (e) => resolve(e as CustomEvent), { once: true }),
    );
    card.src = src;
    root.append(card);
    expect((await failed).detail.error.kind).to.equal('http');
    expect(await hits(k)).to.equal(3);
    expect(card.state).to.equal('ready');
    expect(part(card, 'title')!.textContent).to.equal(good.items[0]!.title);
  });
});

import { type Builder, firstImage, languageTag, madeUpId, mediaDescription, mediaImage } from './builder.js';
import { attr, baseOf, innerHtml, kid, kids, NS, text } from './dom.js';

/** An Atom text construct (`title`, `summary`, `content`): plain text or HTML, by its `type`. */
function construct(el: Element | undefined): { text?: string; html?: string } {
  if (!el || attr(el, 'src')) return {};
  const type = (attr(el, 'type') ?? 'text').toLowerCase();
  if (type == 'xhtml') {
    // the content is inside one XHTML <div>, which is not part of it
    const div = [...kids(el, 'http://www.w3.org/1999/xhtml', 'div'), ...kids(el, null, 'div')][0];
    return { html: innerHtml(div ?? el).trim() || undefined };
  }
  if (type == 'html' || type == 'text/html') return { html: text(el) };
  if (type == 'text' || type == 'text/plain') return { text: text(el) };
  return {};
}

/** The `href` of the first link whose `rel` is one of `rels` ('' for a link without `rel`), HTML pages first. */
function link(el: Element, rels: string[], base: string, b: Builder): [string | undefined, Element | undefined] {
  const links = kids(el, NS.atom, 'link').filter((l) => rels.includes(attr(l, 'rel') ?? ''));
  const found = links.find((l) => /html/.test(attr(l, 'type') ?? 'html')) ?? links[0];
  return [found && b.url(attr(found, 'href'), baseOf(found, base, b.feedUrl)), found];
}

const authorsOf = (el: Element | undefined, base: string, b: Builder) =>
  kids(el, NS.atom, 'author').map((a) => {
    const author: Record<string, string> = {};
    const name = text(kid(a, NS.atom, 'name'));
    const uri = text(kid(a, NS.atom, 'uri'));
    if (name) author['name'] = name;
    if (uri) author['url'] = b.url(uri, baseOf(a, base, b.feedUrl))!;
    return author;
  });

/** Atom 1.0 into the JSON Feed model, by the mapping table of FEED.md. */
export function mapAtom(doc: Document, b: Builder): 'atom' {
  const feed = doc.documentElement;
  const json = b.json;
  const t = construct(kid(feed, NS.atom, 'title'));
  json['title'] = t.text ?? b.plain(t.html) ?? '';
  b.where.set('title', '/feed/title');
  if (!json['title']) b.report('/feed/title', 'the feed has no title');
  const feedBase = baseOf(feed, b.feedUrl, b.feedUrl);
  const [home] = link(feed, ['alternate', ''], feedBase, b);
  b.set(json, '', 'home_page_url', home, '/feed/link');
  b.set(json, '', 'feed_url', link(feed, ['self'], feedBase, b)[0], '/feed/link');
  b.set(json, '', 'language', languageTag(feed.getAttributeNS(NS.xml, 'lang')), '/feed/@xml:lang');
  const feedAuthors = authorsOf(feed, feedBase, b);

  // relative links (GitHub's release feeds have no xml:base) are relative to the feed's page
  const base = home && /^https?:/.test(home) ? home : b.feedUrl;
  const out = json['items'] as Record<string, unknown>[];
  b.where.set('items', '/feed/entry');
  kids(feed, NS.atom, 'entry').forEach((el, i) => {
    const path = `items[${i}]`;
    const at = `/feed/entry[${i + 1}]`;
    b.where.set(path, at);
    const it: Record<string, unknown> = {};
    const field = (key: string, value: unknown, from: string) => b.set(it, path, key, value, `${at}/${from}`);
    const entryBase = baseOf(el, base, b.feedUrl);
    const [url] = link(el, ['alternate', ''], entryBase, b);
    const title = construct(kid(el, NS.atom, 'title'));
    const summary = construct(kid(el, NS.atom, 'summary'));
    const content = construct(kid(el, NS.atom, 'content'));
    const published = text(kid(el, NS.atom, 'published'));
    const updated = text(kid(el, NS.atom, 'updated'));
    const id = text(kid(el, NS.atom, 'id'));
    if (id) field('id', id, 'id');
    else if (url) field('id', url, 'link');
    else {
      field('id', madeUpId(title.text ?? title.html, published ?? updated, content.html), 'id');
      b.report(`${at}/id`, `no id and no link: the id "${it['id'] as string}" is made from title and date`);
    }
    field('url', url, 'link');
    field('title', title.text ?? b.plain(title.html), 'title');
    const media = text(mediaDescription(el));
    field(
      'summary',
      b.plain(summary.html ?? summary.text ?? media, 240),
      summary.html || summary.text ? 'summary' : 'media:description',
    );
    field('content_html', content.html, 'content');
    field('content_text', content.text, 'content');
    field('date_published', published ?? updated, published ? 'published' : 'updated');
    if (published) field('date_modified', updated, 'updated');
    const enclosures = kids(el, NS.atom, 'link').filter((l) => attr(l, 'rel') == 'enclosure');
    const image = mediaImage(el, enclosures);
    const inline = firstImage(content.html ?? summary.html);
    if (image) field('image', b.url(image[0], entryBase), image[1]);
    else if (inline) field('image', b.url(inline, url ?? entryBase), content.html ? 'content' : 'summary');
    field(
      'tags',
      kids(el, NS.atom, 'category').map((c) => attr(c, 'term') ?? attr(c, 'label')),
      'category',
    );
    // an entry without its own author has the feed's (or its source's)
    const own = authorsOf(el, entryBase, b);
    const source = authorsOf(kid(el, NS.atom, 'source'), entryBase, b);
    field('authors', own.length ? own : source.length ? source : feedAuthors, 'author');
    field('language', languageTag(el.getAttributeNS(NS.xml, 'lang')), '@xml:lang');
    out.push(it);
  });
  return 'atom';
}

import { type Builder, firstImage, languageTag, madeUpId, mediaDescription, mediaImage } from './builder.js';
import { rssDate } from './dates.js';
import { attr, baseOf, kid, kids, NS, text } from './dom.js';

/**
 * RSS 2.0 (and 0.9x) and RSS 1.0 (RDF) into the JSON Feed model, by the
 * mapping table of FEED.md. RSS 1.0 keeps its items beside the channel and
 * names them by `rdf:about`; everything else maps alike.
 */
export function mapRss(doc: Document, b: Builder): 'rss' | 'rdf' {
  const root = doc.documentElement;
  const rdf = root.localName == 'RDF';
  const rootPath = `/${root.nodeName}`;
  const channelPath = `${rootPath}/channel`;
  // RSS 1.0 keeps the channel in its own namespace (0.90 in another one), RSS 2.0 in none
  const channel = rdf
    ? (kids(root, NS.rss1, 'channel')[0] ?? kids(root, 'http://my.netscape.com/rdf/simple/0.9/', 'channel')[0])
    : kid(root, null, 'channel');
  if (!channel) b.fail('invalid', 'expected a <channel> element', channelPath);
  const ns = channel.namespaceURI;
  const json = b.json;
  json['title'] = b.plain(text(kid(channel, ns, 'title'))) ?? '';
  b.where.set('title', `${channelPath}/title`);
  if (!json['title']) b.report(`${channelPath}/title`, 'the feed has no title');
  const channelBase = baseOf(channel, b.feedUrl, b.feedUrl);
  const home = b.url(text(kid(channel, ns, 'link')), channelBase);
  b.set(json, '', 'home_page_url', home, `${channelPath}/link`);
  const self = kids(channel, NS.atom, 'link').find((l) => attr(l, 'rel') == 'self');
  b.set(json, '', 'feed_url', b.url(attr(self, 'href'), channelBase), `${channelPath}/atom:link`);
  const lang =
    text(kid(channel, ns, 'language')) ??
    text(kid(channel, NS.dc, 'language')) ??
    channel.getAttributeNS(NS.xml, 'lang') ??
    root.getAttributeNS(NS.xml, 'lang');
  b.set(json, '', 'language', languageTag(lang), `${channelPath}/language`);

  const base = home && /^https?:/.test(home) ? home : b.feedUrl;
  const items = rdf ? kids(root, ns, 'item') : kids(channel, ns, 'item');
  const out = json['items'] as Record<string, unknown>[];
  b.where.set('items', `${rdf ? rootPath : channelPath}/item`);
  items.forEach((el, i) => {
    const path = `items[${i}]`;
    const at = `${rdf ? rootPath : channelPath}/item[${i + 1}]`;
    b.where.set(path, at);
    const it: Record<string, unknown> = {};
    const field = (key: string, value: unknown, from: string) => b.set(it, path, key, value, `${at}/${from}`);
    const itemBase = baseOf(el, base, b.feedUrl);
    const guidEl = kid(el, ns, 'guid');
    const guid = text(guidEl);
    const linkText = text(kid(el, ns, 'link')) ?? (rdf ? el.getAttributeNS(NS.rdf, 'about') || undefined : undefined);
    // a guid is the item's permalink unless it says otherwise (RSS 2.0)
    const permalink = guid && attr(guidEl, 'isPermaLink')?.toLowerCase() != 'false' && /^https?:/i.test(guid);
    const link = linkText ?? (permalink ? guid : undefined);
    const titleText = text(kid(el, ns, 'title'));
    const description = text(kid(el, ns, 'description'));
    const encoded = text(kid(el, NS.content, 'encoded'));
    const dateEl = kid(el, ns, 'pubDate') ?? kid(el, NS.dc, 'date');
    const dateText = text(dateEl);
    const id = guid ?? linkText;
    if (id) field('id', id, guid ? 'guid' : rdf && !text(kid(el, ns, 'link')) ? '@rdf:about' : 'link');
    else {
      field('id', madeUpId(titleText, dateText, description), 'guid');
      b.report(`${at}/guid`, `no guid and no link: the id "${it['id'] as string}" is made from title and date`);
    }
    field('url', b.url(link, itemBase), linkText ? 'link' : 'guid');
    field('title', b.plain(titleText), 'title');
    const summary = description ?? text(mediaDescription(el));
    field('summary', b.plain(summary, 240), description ? 'description' : 'media:description');
    field('content_html', encoded ?? description, encoded ? 'content:encoded' : 'description');
    if (dateText) {
      const d = rssDate(dateText);
      if ('date' in d) field('date_published', d.date, dateEl!.nodeName);
      else b.report(`${at}/${dateEl!.nodeName}`, `${d.error}; date dropped`);
    }
    const enclosures = kids(el, ns, 'enclosure');
    const media = mediaImage(el, enclosures);
    const inline = firstImage(encoded ?? description);
    if (media) field('image', b.url(media[0], itemBase), media[1]);
    else if (inline)
      field(
        'image',
        b.url(inline, link ? (b.url(link, itemBase) ?? itemBase) : itemBase),
        encoded ? 'content:encoded' : 'description',
      );
    field(
      'tags',
      [...kids(el, ns, 'category'), ...kids(el, NS.dc, 'subject')].map(text).filter((t) => t),
      'category',
    );
    const authors = [...kids(el, NS.dc, 'creator'), ...kids(el, ns, 'author')]
      .map(text)
      .filter((a): a is string => !!a)
      // RSS 2.0 writes "mail@example.org (Name)"
      .map((a) => ({ name: /\(([^)]+)\)\s*$/.exec(a)?.[1]?.trim() ?? a }));
    field('authors', authors, authors.length && kid(el, NS.dc, 'creator') ? 'dc:creator' : 'author');
    field(
      'language',
      languageTag(text(kid(el, NS.dc, 'language')) ?? el.getAttributeNS(NS.xml, 'lang')),
      'dc:language',
    );
    out.push(it);
  });
  return rdf ? 'rdf' : 'rss';
}

// The XML reader: RSS 2.0, RSS 1.0 and Atom 1.0 into the feed model, by the mapping table of
// FEED.md, through the same body-to-feed path as JSON (feedFromBody), in each browser's own
// DOMParser. What a producer's feed says is what the card gets; what is wrong is named by its XML path.
import { expect } from '@open-wc/testing';
import { FeedError } from '../../src/feed/errors.js';
import { feedFromBody } from '../../src/feed/load.js';
import type { Feed } from '../../src/feed/types.js';

const FEED_URL = 'https://news.example.org/feed/';
const NS =
  'xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/" xmlns:atom="http://www.w3.org/2005/Atom"';

const read = (body: string | Uint8Array, type = 'application/rss+xml') => feedFromBody(body, FEED_URL, type);
/** An RSS 2.0 feed with the given items (and channel extras). */
const rss = (items: string, channel = '<title>Cluster News</title><link>https://cluster.example/</link>') =>
  `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" ${NS}><channel>${channel}${items}</channel></rss>`;
const atom = (entries: string, head = '<title>Cluster Atom</title><link href="https://cluster.example/"/>') =>
  `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/">${head}${entries}</feed>`;

async function failure(body: string | Uint8Array, type?: string): Promise<FeedError> {
  try {
    await read(body, type);
  } catch (e) {
    expect(e, String(e)).to.be.instanceOf(FeedError);
    return e as FeedError;
  }
  throw new Error('expected the feed to fail, it was read');
}
const problems = (feed: Feed) => feed.problems.map((p) => `${p.path}: ${p.message}`);

describe('RSS 2.0 into the feed model', () => {
  it('a WordPress-like item: id, link, title, summary as text, the HTML body, date, image, tags and author', async () => {
    const feed = await read(
      rss(`<item>
        <title>Tom &amp; Jerry&#8217;s &lt;b&gt;new&lt;/b&gt; lab</title>
        <link>https://cluster.example/2021/lab/</link>
        <guid isPermaLink="false">https://cluster.example/?p=42</guid>
        <pubDate>Tue, 02 Feb 2021 09:00:00 +0100</pubDate>
        <dc:creator><![CDATA[Erika Muster]]></dc:creator>
        <category><![CDATA[Optik]]></category><category>Photonik</category>
        <description><![CDATA[<p>Ein <em>neues</em> Labor&nbsp;&hellip; [&#8230;]</p>]]></description>
        <content:encoded><![CDATA[<p>Der ganze Artikel.</p><img src="/wp-content/lab.jpg" alt="">]]></content:encoded>
        <media:content url="https://cdn.example/lab.jpg" medium="image"/>
      </item>`),
    );
    expect(feed.format).to.equal('rss');
    expect(feed.title).to.equal('Cluster News');
    expect(feed.home_page_url).to.equal('https://cluster.example/');
    expect(feed.problems).to.deep.equal([]);
    const [item] = feed.items;
    expect(item).to.deep.include({
      id: 'https://cluster.example/?p=42',
      kind: 'news',
      url: 'https://cluster.example/2021/lab/',
      title: 'Tom & Jerry’s new lab',
      summary: 'Ein neues Labor … […]',
      content_html: '<p>Der ganze Artikel.</p><img src="/wp-content/lab.jpg" alt="">',
      date_published: '2021-02-02T09:00:00+01:00',
      image: 'https://cdn.example/lab.jpg',
    });
    expect(item!.tags).to.deep.equal(['Optik', 'Photonik']);
    expect(item!.authors).to.deep.equal([{ name: 'Erika Muster' }]);
  });

  it('without content:encoded the description is the body; without guid the link is the id', async () => {
    const feed = await read(
      rss(
        '<item><title>T</title><link>https://cluster.example/a</link><description>&lt;p&gt;Body&lt;/p&gt;</description></item>',
      ),
    );
    expect(feed.items[0]).to.deep.include({
      id: 'https://cluster.example/a',
      summary: 'Body',
      content_html: '<p>Body</p>',
    });
  });

  it('a guid that is a permalink is the link when there is no <link>; one marked isPermaLink="false" is not', async () => {
    const feed = await read(
      rss(`<item><title>A</title><guid>https://cluster.example/a</guid></item>
           <item><title>B</title><guid isPermaLink="false">https://cluster.example/b</guid></item>`),
    );
    expect(feed.items.map((i) => [i.id, i.url])).to.deep.equal([
      ['https://cluster.example/a', 'https://cluster.example/a'],
      ['https://cluster.example/b', undefined],
    ]);
  });

  it('an item with neither guid nor link keeps a stable id made from what it says, and the problem is named', async () => {
    const body = rss('<item><title>Only a title</title><pubDate>Tue, 02 Feb 2021 09:00:00 GMT</pubDate></item>');
    const [a, b] = [await read(body), await read(body)];
    expect(a.items[0]!.id).to.match(/^item-[0-9a-f]{8}$/);
    expect(b.items[0]!.id).to.equal(a.items[0]!.id);
    expect(a.problems[0]!.path).to.equal('/rss/channel/item[1]/guid');
  });

  it('duplicate guids: the first item stays, the second is skipped and named by its XML path', async () => {
    const feed = await read(
      rss(
        `<item><guid>x</guid><title>First</title></item><item><guid>x</guid><title>Second</title></item><item><guid>y</guid><title>Third</title></item>`,
      ),
    );
    expect(feed.items.map((i) => i.title)).to.deep.equal(['First', 'Third']);
    expect(problems(feed)).to.deep.equal(['/rss/channel/item[2]/guid: duplicate id "x"; item skipped']);
  });

  it('a javascript: link and image are dropped and reported at their elements; the item stays', async () => {
    const feed = await read(
      rss(
        `<item><guid>g</guid><title>T</title><link>javascript:alert(1)</link><enclosure url="javascript:alert(2)" type="image/png"/></item>`,
      ),
    );
    expect(feed.items[0]).not.to.have.property('url');
    expect(feed.items[0]).not.to.have.property('image');
    expect(feed.problems.map((p) => p.path)).to.deep.equal([
      '/rss/channel/item[1]/link',
      '/rss/channel/item[1]/enclosure',
    ]);
  });

  it('no items: a feed with an empty list; no title: the problem is named', async () => {
    const feed = await read(rss('', '<link>https://cluster.example/</link>'));
    expect(feed.items).to.deep.equal([]);
    expect(problems(feed)).to.deep.equal(['/rss/channel/title: the feed has no title']);
  });

  it('the channel language, in BCP 47 form (en_US → en-US), else xml:lang', async () => {
    expect((await read(rss('', '<title>t</title><language>en_US</language>'))).language).to.equal('en-US');
    const lang = `<?xml version="1.0"?><rss version="2.0" xml:lang="de-DE"><channel><title>t</title></channel></rss>`;
    expect((await read(lang)).language).to.equal('de-DE');
  });

  it('element names in the wrong case (<pubdate>, <Title>) are read, as feed readers do', async () => {
    const feed = await read(
      rss('<item><guid>a</guid><Title>Case</Title><pubdate>2022-09-03 09:37:11+03:00</pubdate></item>'),
    );
    expect(feed.items[0]).to.deep.include({ title: 'Case', date_published: '2022-09-03T09:37:11+03:00' });
  });
});

describe('RSS dates (RFC 822 with any zone) become RFC 3339 in the producer’s own offset', () => {
  const cases: [string, string][] = [
    ['Tue, 02 Feb 2021 09:00:00 GMT', '2021-02-02T09:00:00Z'],
    ['Tue, 02 Feb 2021 09:00:00 +0100', '2021-02-02T09:00:00+01:00'],
    ['Tue, 02 Feb 2021 23:30:00 CET', '2021-02-02T23:30:00+01:00'],
    ['Sun, 01 Aug 2021 10:00:00 CEST', '2021-08-01T10:00:00+02:00'],
    ['Mon, 01 Feb 2021 20:00:00 EST', '2021-02-01T20:00:00-05:00'],
    ['Mon, 01 Feb 2021 20:00:00 -0330', '2021-02-01T20:00:00-03:30'],
    ['02 Feb 2021 09:00:00 +0000', '2021-02-02T09:00:00Z'],
    ['Fri, 9 Oct 2020 11:43:00 +0200', '2020-10-09T11:43:00+02:00'],
    ['Tue, 02 Feb 21 09:00 UT', '2021-02-02T09:00:00Z'],
    ['Di, 02 Dez 2021 09:00:00 +0100', '2021-12-02T09:00:00+01:00'],
    ['Tuesday, 02 February 2021 09:00:00 Z', '2021-02-02T09:00:00Z'],
    ['2023-01-11T08:53:01+11:00', '2023-01-11T08:53:01+11:00'],
  ];
  for (const [written, model] of cases) {
    it(`"${written}" → ${model}`, async () => {
      const feed = await read(rss(`<item><guid>a</guid><pubDate>${written}</pubDate></item>`));
      expect(feed.items[0]!.date_published).to.equal(model);
      expect(feed.problems).to.deep.equal([]);
    });
  }

  it('a date that is none ("gestern", an unknown zone, 31 February) is dropped and named', async () => {
    const feed = await read(
      rss(`<item><guid>a</guid><pubDate>gestern</pubDate></item>
           <item><guid>b</guid><pubDate>Tue, 02 Feb 2021 09:00:00 XYZ</pubDate></item>
           <item><guid>c</guid><pubDate>Wed, 31 Feb 2021 09:00:00 GMT</pubDate></item>`),
    );
    expect(feed.items.map((i) => i.date_published)).to.deep.equal([undefined, undefined, undefined]);
    expect(feed.problems.map((p) => p.path)).to.deep.equal([
      '/rss/channel/item[1]/pubDate',
      '/rss/channel/item[2]/pubDate',
      '/rss/channel/item[3]/pubDate',
    ]);
    expect(feed.problems[1]!.message).to.match(/unknown zone "XYZ"/);
  });
});

describe('RSS 1.0 (RDF)', () => {
  it('items beside the channel, rdf:about as id and link, dc:date as the date', async () => {
    const feed = await read(`<?xml version="1.0"?>
      <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
        <channel rdf:about="https://portal.example/"><title>Altes Portal</title><link>https://portal.example/</link><dc:language>de</dc:language></channel>
        <item rdf:about="https://portal.example/meldung/1"><title>Meldung 1</title><description>Text</description><dc:date>2004-05-06T07:08:09+02:00</dc:date></item>
      </rdf:RDF>`);
    expect(feed.format).to.equal('rdf');
    expect(feed.language).to.equal('de');
    expect(feed.items[0]).to.deep.include({
      id: 'https://portal.example/meldung/1',
      url: 'https://portal.example/meldung/1',
      title: 'Meldung 1',
      date_published: '2004-05-06T07:08:09+02:00',
    });
  });
});

describe('Atom 1.0 into the feed model', () => {
  it('id, the alternate link, text constructs by type, published and updated, categories, authors', async () => {
    const feed = await read(
      atom(`<author><name>Redaktion</name></author>
        <entry>
          <id>tag:cluster.example,2021:1</id>
          <title type="html">&lt;b&gt;Bold&lt;/b&gt; &amp;amp; plain</title>
          <link rel="self" href="https://cluster.example/atom/1"/>
          <link rel="alternate" type="text/html" href="https://cluster.example/1"/>
          <link rel="enclosure" type="image/jpeg" href="https://cdn.example/1.jpg"/>
          <published>2021-02-02T09:00:00+01:00</published><updated>2021-02-03T10:00:00Z</updated>
          <summary type="html">&lt;p&gt;Short &amp;amp; sweet&lt;/p&gt;</summary>
          <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Full <em>text</em><br/>line</p></div></content>
          <category term="optik"/><category term="photonik" label="Photonik"/>
        </entry>
        <entry><id>e2</id><title>Text title</title><link href="https://cluster.example/2"/><updated>2021-01-01T00:00:00Z</updated><content>Plain &lt;b&gt;text&lt;/b&gt;</content><author><name>Anna</name><uri>https://anna.example/</uri></author></entry>`),
      'application/atom+xml',
    );
    expect(feed.format).to.equal('atom');
    expect(feed.home_page_url).to.equal('https://cluster.example/');
    expect(feed.problems).to.deep.equal([]);
    const [one, two] = feed.items;
    expect(one).to.deep.include({
      id: 'tag:cluster.example,2021:1',
      url: 'https://cluster.example/1',
      title: 'Bold & plain',
      summary: 'Short & sweet',
      content_html: '<p>Full <em>text</em><br>line</p>',
      date_published: '2021-02-02T09:00:00+01:00',
      date_modified: '2021-02-03T10:00:00Z',
      image: 'https://cdn.example/1.jpg',
    });
    expect(one!.tags).to.deep.equal(['optik', 'photonik']);
    expect(one!.authors).to.deep.equal([{ name: 'Redaktion' }]);
    expect(two).to.deep.include({
      title: 'Text title',
      content_text: 'Plain <b>text</b>',
      date_published: '2021-01-01T00:00:00Z',
    });
    expect(two!.authors).to.deep.equal([{ name: 'Anna', url: 'https://anna.example/' }]);
  });

  it('a YouTube-like entry: the summary from media:description, the image from media:thumbnail', async () => {
    const feed = await read(
      atom(`<entry><id>yt:video:1</id><title>Video</title><link rel="alternate" href="https://video.example/1"/><published>2017-09-14T18:03:34+00:00</published>
        <media:group><media:title>Video</media:title><media:thumbnail url="https://img.example/1.jpg" width="480" height="360"/><media:description>What the video shows.</media:description></media:group></entry>`),
    );
    expect(feed.items[0]).to.deep.include({ summary: 'What the video shows.', image: 'https://img.example/1.jpg' });
  });

  it('a bad published date is named at the entry; an unsafe link at its element', async () => {
    const feed = await read(
      atom(
        '<entry><id>a</id><title>T</title><published>yesterday</published><link href="javascript:alert(1)"/></entry>',
      ),
    );
    expect(feed.problems.map((p) => p.path)).to.deep.equal(['/feed/entry[1]/link', '/feed/entry[1]/published']);
  });

  it('a <feed> without the Atom namespace is not Atom, and the error says so', async () => {
    const e = await failure('<feed><title>x</title></feed>');
    expect(e.kind).to.equal('invalid');
    expect(e.message).to.equal('(root): expected <rss>, <rdf:RDF> or an Atom <feed>, got <feed> in namespace none');
  });
});

describe('relative links: xml:base, then the channel link, then the feed URL', () => {
  it('xml:base on <rss> (Drupal) and on an item; a relative image in the body resolves against the post', async () => {
    const feed =
      await read(`<?xml version="1.0"?><rss version="2.0" xml:base="https://drupal.example/" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>t</title><link>https://drupal.example/</link>
      <item><title>A</title><link>node/974</link><description>&lt;img src="files/a.png"&gt;</description></item>
      <item xml:base="https://other.example/blog/"><title>B</title><link>post-2</link></item>
      <item><title>C</title><link>//cdn.example/c</link></item></channel></rss>`);
    expect(feed.items.map((i) => i.url)).to.deep.equal([
      'https://drupal.example/node/974',
      'https://other.example/blog/post-2',
      'https://cdn.example/c',
    ]);
    expect(feed.items[0]!.image).to.equal('https://drupal.example/node/files/a.png');
  });

  it('an Atom feed without xml:base (GitHub releases): entry links resolve against the feed’s own page', async () => {
    const feed = await read(
      atom(
        '<entry><id>v1</id><title>v1</title><link rel="alternate" type="text/html" href="/org/repo/releases/tag/v1"/><updated>2015-06-01T23:49:41+02:00</updated></entry>',
        '<title>Releases</title><link rel="alternate" type="text/html" href="https://code.example/org/repo/releases"/>',
      ),
    );
    expect(feed.items[0]!.url).to.equal('https://code.example/org/repo/releases/tag/v1');
  });

  it('without xml:base or channel link, the feed URL is the base', async () => {
    const feed = await read(rss('<item><title>A</title><link>/a</link></item>', '<title>t</title>'));
    expect(feed.items[0]!.url).to.equal('https://news.example.org/a');
  });
});

describe('images: Media RSS, enclosures, else the first real <img>', () => {
  const image = async (inner: string) => (await read(rss(`<item><guid>g</guid>${inner}</item>`))).items[0]!.image;

  it('media:thumbnail, an image enclosure; a video enclosure is no image', async () => {
    expect(await image('<media:thumbnail url="https://img.example/t.jpg"/>')).to.equal('https://img.example/t.jpg');
    expect(await image('<enclosure url="https://img.example/e.png" type="image/png" length="1"/>')).to.equal(
      'https://img.example/e.png',
    );
    expect(await image('<enclosure url="https://img.example/v.mp4" type="video/mp4" length="1"/>')).to.equal(undefined);
  });

  it('the first <img> of the body, skipping a 1×1 tracking pixel, using a lazy theme’s data-src', async () => {
    expect(
      await image(
        '<content:encoded><![CDATA[<img src="https://stat.example/p.gif" width="1" height="1"><img src="data:image/gif;base64,R0" data-src="https://img.example/real.jpg">]]></content:encoded>',
      ),
    ).to.equal('https://img.example/real.jpg');
  });
});

describe('what strict XML refuses and feeds are full of', () => {
  it('HTML entities (&nbsp; &hellip; &rsquo; &auml;) are read as the characters, and reported with their line', async () => {
    const feed = await read(
      rss(`
<item><guid>a</guid><title>Gr&uuml;&szlig;e&nbsp;aus Mainz&hellip; it&rsquo;s</title></item>`),
    );
    expect(feed.items[0]!.title).to.equal('Grüße\u00a0aus Mainz… it’s');
    expect(feed.problems[0]!.path).to.equal('line 2');
    expect(feed.problems[0]!.message).to.match(/HTML entity &uuml; is not XML/);
  });

  it('a bare "&" and an unknown entity stay text; inside CDATA nothing is touched', async () => {
    const feed = await read(
      rss(
        '<item><guid>a</guid><title>Tom & Jerry &bogus; x</title><description><![CDATA[AT&T &nbsp;]]></description></item>',
      ),
    );
    expect(feed.items[0]!.title).to.equal('Tom & Jerry &bogus; x');
    expect(feed.items[0]!.content_html).to.equal('AT&T &nbsp;');
  });

  it('an entity in an attribute value (an image URL with &nbsp;... or &uuml;) keeps the document readable', async () => {
    const feed = await read(
      rss('<item><guid>a</guid><enclosure type="image/jpeg" url="https://img.example/gr&uuml;n.jpg"/></item>'),
    );
    expect(feed.items[0]!.image).to.equal('https://img.example/gr%C3%BCn.jpg');
  });

  it('control characters are dropped; text before <?xml is ignored; both reported', async () => {
    const feed = await read(`\n\n${rss('<item><guid>a</guid><title>A\u0001B\u000bC</title></item>')}`);
    expect(feed.items[0]!.title).to.equal('ABC');
    expect(problems(feed)).to.have.length(2);
    expect(feed.problems.map((p) => p.path)).to.include('line 1');
  });

  it('a mismatched tag is an error of kind "parse" that names its line, in every engine', async () => {
    const e = await failure(rss('\n<item>\n<title>A</titel>\n</item>'));
    expect(e.kind).to.equal('parse');
    expect(e.message).to.match(/^not well-formed XML, line 3: \S/);
  });

  it('a "<" in text and an unclosed document name their lines too', async () => {
    expect((await failure(rss('<item>\n\n<title>1 < 2</title></item>'))).message).to.match(
      /^not well-formed XML, line 3: /,
    );
    expect((await failure('<?xml version="1.0"?>\n<rss>\n<channel>')).message).to.match(
      /^not well-formed XML, line \d+: /,
    );
  });
});

describe('encodings: the BOM, then the XML declaration, then the charset, then UTF-8', () => {
  const latin1 = (text: string) => Uint8Array.from([...text].map((c) => c.charCodeAt(0)));
  const utf8 = (text: string) => new TextEncoder().encode(text);
  const titled = (decl: string, title: string) =>
    `${decl}<rss version="2.0"><channel><title>${title}</title></channel></rss>`;

  it('ISO-8859-1 bytes declared as such read right, even when the server says UTF-8', async () => {
    const body = latin1(titled('<?xml version="1.0" encoding="ISO-8859-1"?>', 'Grüße aus Köln'));
    expect((await read(body, 'application/rss+xml; charset=utf-8')).title).to.equal('Grüße aus Köln');
  });

  it('without a declaration the Content-Type charset decides', async () => {
    expect((await read(latin1(titled('', 'Müller')), 'text/xml; charset=ISO-8859-1')).title).to.equal('Müller');
  });

  it('a UTF-8 BOM, and UTF-16 with its BOM', async () => {
    expect(
      (await read(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8(titled('<?xml version="1.0"?>', 'Straße'))]))).title,
    ).to.equal('Straße');
    const text = titled('<?xml version="1.0" encoding="UTF-16"?>', 'Größe');
    const utf16 = new Uint8Array(2 + text.length * 2);
    utf16.set([0xff, 0xfe]);
    [...text].forEach((c, i) => utf16.set([c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8], 2 + i * 2));
    expect((await read(utf16)).title).to.equal('Größe');
  });

  it('Latin-1 bytes that claim to be UTF-8 are read as Windows-1252, and the problem is named', async () => {
    const feed = await read(latin1(titled('<?xml version="1.0" encoding="UTF-8"?>', 'Übergrößen')));
    expect(feed.title).to.equal('Übergrößen');
    expect(problems(feed)).to.deep.equal(['line 1: the bytes are not UTF-8 as declared; read as windows-1252']);
  });
});

describe('what is not a feed', () => {
  it('an HTML page (also as XHTML) is an error of kind "parse" that says it looks like HTML', async () => {
    expect((await failure('<!DOCTYPE html><html><body>Wartung</body></html>', 'text/html')).message).to.equal(
      'not a feed: it looks like HTML, sent as text/html (an error page?)',
    );
    const xhtml = await failure(
      '<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><body/></html>',
      'application/xml',
    );
    expect([xhtml.kind, xhtml.message]).to.deep.equal([
      'parse',
      'not a feed: it looks like HTML, sent as application/xml',
    ]);
  });

  it('other XML names its root element', async () => {
    const e = await failure('<?xml version="1.0"?><sitemap/>');
    expect([e.kind, e.path, e.message]).to.deep.equal([
      'invalid',
      '(root)',
      '(root): expected <rss>, <rdf:RDF> or an Atom <feed>, got <sitemap>',
    ]);
  });
});

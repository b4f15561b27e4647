import { expect } from '@open-wc/testing';
import DOMPurify from 'dompurify';
import { safeUrl } from '../../src/feed/url.js';
import { sanitizeToElement } from '../../src/sanitize/sanitize.js';

const BASE = 'https://news.example.org/blog/2024/post/';
const clean = (html: string, headingLevel?: number) =>
  sanitizeToElement(html, BASE, headingLevel ? { headingLevel, safeUrl } : { safeUrl });
const text = (el: Element) => (el.textContent ?? '').replace(/\s+/g, ' ').trim();

/** Every tag and attribute the policy may leave behind (JSDoc of sanitize.ts). */
const TAGS = new Set(
  (
    'p br hr div span strong b em i u s del ins mark small sub sup code pre kbd samp var abbr cite q time wbr ul ol li dl dt dd ' +
    'h1 h2 h3 h4 h5 h6 blockquote figure figcaption a img picture details summary table caption colgroup col thead tbody tfoot tr th td'
  ).split(' '),
);
const ATTRS = new Set(
  'href src alt title width height lang dir datetime open colspan rowspan scope span start reversed type value abbr rel loading decoding referrerpolicy'.split(
    ' ',
  ),
);

/** What a user would read, with the content the policy removes taken out first (parsed inertly). */
function expectedText(html: string): string {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  doc.body
    .querySelectorAll(
      'script, style, template, noscript, iframe, object, embed, svg, math, form, button, select, textarea, title',
    )
    .forEach((el) => el.remove());
  return text(doc.body);
}

function expectWithinPolicy(root: Element) {
  for (const el of root.querySelectorAll('*')) {
    expect(TAGS.has(el.localName), `<${el.localName}> is not allowed`).to.equal(true);
    for (const attr of el.getAttributeNames()) {
      expect(ATTRS.has(attr) || attr.startsWith('aria-'), `<${el.localName} ${attr}> is not allowed`).to.equal(true);
    }
    for (const attr of ['href', 'src']) {
      const url = el.getAttribute(attr);
      if (url !== null) expect(url, `<${el.localName} ${attr}>`).to.match(/^(https?:\/\/|mailto:)/);
    }
  }
}

describe('sanitizeToElement: what survives', () => {
  it('returns a detached <div> with the content', async () => {
    const div = await clean('<p>Hello <strong>world</strong></p>');
    expect(div.localName).to.equal('div');
    expect(div.isConnected).to.equal(false);
    expect(div.ownerDocument).to.equal(document);
    expect(div.querySelector('p strong')!.textContent).to.equal('world');
  });

  const kept: [string, string][] = [
    ['p', '<p>x</p>'],
    ['br', 'a<br>b'],
    ['hr', '<hr>'],
    ['div', '<div>x</div>'],
    ['span', '<span>x</span>'],
    ['strong', '<strong>x</strong>'],
    ['b', '<b>x</b>'],
    ['em', '<em>x</em>'],
    ['i', '<i>x</i>'],
    ['u', '<u>x</u>'],
    ['s', '<s>x</s>'],
    ['del', '<del datetime="2021-01-01">x</del>'],
    ['ins', '<ins>x</ins>'],
    ['mark', '<mark>x</mark>'],
    ['small', '<small>x</small>'],
    ['sub', '<sub>x</sub>'],
    ['sup', '<sup>x</sup>'],
    ['code', '<code>x</code>'],
    ['pre', '<pre>x</pre>'],
    ['kbd', '<kbd>x</kbd>'],
    ['abbr', '<abbr title="y">x</abbr>'],
    ['cite', '<cite>x</cite>'],
    ['q', '<q>x</q>'],
    ['time', '<time datetime="2021-02-02">x</time>'],
    ['ul', '<ul><li>x</li></ul>'],
    ['ol', '<ol start="3"><li>x</li></ol>'],
    ['li', '<ul><li>x</li></ul>'],
    ['dl', '<dl><dt>x</dt><dd>y</dd></dl>'],
    ['dt', '<dl><dt>x</dt></dl>'],
    ['dd', '<dl><dd>x</dd></dl>'],
    ['blockquote', '<blockquote>x</blockquote>'],
    ['figure', '<figure><img src="a.png" alt="x"><figcaption>x</figcaption></figure>'],
    ['figcaption', '<figure><figcaption>x</figcaption></figure>'],
    ['a', '<a href="/x">x</a>'],
    ['img', '<img src="a.png" alt="x">'],
    ['picture', '<picture><img src="a.png" alt="x"></picture>'],
    ['details', '<details open><summary>x</summary>y</details>'],
    ['summary', '<details><summary>x</summary></details>'],
    [
      'table',
      '<table><caption>x</caption><colgroup><col span="2"></colgroup><thead><tr><th scope="col">x</th></tr></thead><tbody><tr><td colspan="2" rowspan="1">x</td></tr></tbody><tfoot><tr><td>x</td></tr></tfoot></table>',
    ],
    ...[1, 2, 3, 4, 5, 6].map((n): [string, string] => [`h${n}`, `<h${n}>x</h${n}>`]),
  ];
  for (const [tag, source] of kept) {
    it(`keeps <${tag}> with its text`, async () => {
      const div = await clean(source);
      const el = div.querySelector(tag);
      expect(el, `<${tag}> is missing in ${div.innerHTML}`).to.not.equal(null);
      if (!['br', 'hr', 'img', 'col', 'colgroup', 'picture'].includes(tag)) expect(el!.textContent).to.contain('x');
      expectWithinPolicy(div);
    });
  }

  it('keeps table spans, list numbering, dates, open details, lang and dir', async () => {
    const div = await clean(
      '<table><tr><th scope="row" abbr="n">n</th><td colspan="2" rowspan="3">v</td></tr></table><ol start="4" reversed type="a"><li value="7">x</li></ol>' +
        '<details open><summary>s</summary>d</details><p lang="fr" dir="rtl">t</p><ins datetime="2021-01-01">i</ins>',
    );
    expect(div.querySelector('td')!.getAttribute('colspan')).to.equal('2');
    expect(div.querySelector('td')!.getAttribute('rowspan')).to.equal('3');
    expect(div.querySelector('th')!.getAttribute('scope')).to.equal('row');
    expect(div.querySelector('ol')!.getAttribute('start')).to.equal('4');
    expect(div.querySelector('ol')!.hasAttribute('reversed')).to.equal(true);
    expect(div.querySelector('li')!.getAttribute('value')).to.equal('7');
    expect((div.querySelector('details') as HTMLDetailsElement).open).to.equal(true);
    expect(div.querySelector('p')!.getAttribute('lang')).to.equal('fr');
    expect(div.querySelector('p')!.getAttribute('dir')).to.equal('rtl');
    expect(div.querySelector('ins')!.getAttribute('datetime')).to.equal('2021-01-01');
  });

  it('keeps the text of elements it removes (unknown, custom, layout)', async () => {
    const div = await clean(
      '<section><article><font color="red">Alpha</font></article></section><cluster-news-card src="/x.json">Beta</cluster-news-card><marquee>Gamma</marquee><center>Delta</center>',
    );
    expect(text(div)).to.equal('AlphaBetaGammaDelta');
    expect(div.querySelector('section, article, font, cluster-news-card, marquee, center')).to.equal(null);
  });

  it('keeps the text inside <audio> and <video> (an unclosed <audio> swallows the rest of a post) but not the players', async () => {
    const div = await clean(
      '<p>Intro</p><audio controls src="https://example.org/a.mp3"><source src="https://example.org/a.mp3"><p>The rest of the post</p>',
    );
    expect(text(div)).to.equal('IntroThe rest of the post');
    expect(div.querySelector('audio, video, source')).to.equal(null);
  });
});

describe('sanitizeToElement: what is removed', () => {
  it('drops scripts without running them', async () => {
    const w = window as Window & { __ran?: number };
    const div = await clean(
      '<p>a</p><script>window.__ran = 1</script><SCRIPT src="/x.js"></SCRIPT><img src="x.png" onerror="window.__ran = 2">',
    );
    document.body.append(div);
    await new Promise((r) => setTimeout(r, 100));
    div.remove();
    expect(w.__ran).to.equal(undefined);
    expect(div.querySelector('script')).to.equal(null);
    expect(text(div)).to.equal('a');
  });

  it('drops every event handler', async () => {
    const div = await clean(
      '<p onclick="x()" onmouseover="x()">a</p><img src="a.png" onerror="x()" onload="x()"><details open ontoggle="x()"><summary>s</summary></details>',
    );
    for (const el of div.querySelectorAll('*'))
      expect(el.getAttributeNames().filter((n) => n.startsWith('on'))).to.deep.equal([]);
  });

  it('drops style elements and style attributes', async () => {
    const div = await clean('<style>p{color:red}</style><p style="color:red;background:url(/x.png)">a</p>');
    expect(div.querySelector('style, [style]')).to.equal(null);
    expect(text(div)).to.equal('a');
  });

  it('drops frames, plugins, forms and controls, with their content', async () => {
    const div = await clean(
      '<p>keep</p><iframe src="https://example.org/">f</iframe><object data="x.swf">o</object><embed src="x.swf"><applet code="x">ap</applet>' +
        '<form action="/x"><label>Name</label><input name="q"><button formaction="/y">Go</button><select><option>o</option></select><textarea>t</textarea></form>' +
        '<frameset><frame src="x"></frameset>',
    );
    expect(
      div.querySelector('iframe, object, embed, applet, form, input, button, select, textarea, frame, frameset'),
    ).to.equal(null);
    expect(text(div)).to.equal('keep');
  });

  it('drops SVG and MathML entirely', async () => {
    const div = await clean(
      '<p>a</p><svg viewBox="0 0 1 1"><title>icon</title><path d="M0 0"/></svg><math><mi>x</mi></math>',
    );
    expect(div.querySelector('svg, math, path, mi, title')).to.equal(null);
    expect(text(div)).to.equal('a');
  });

  it('drops meta, base, link, template and noscript', async () => {
    const div = await clean(
      '<meta http-equiv="refresh" content="0;url=/x"><base href="https://evil.example/"><link rel="stylesheet" href="/x.css"><template><p>t</p></template><noscript><img src="real.png"></noscript><p>a</p>',
    );
    expect(div.querySelector('meta, base, link, template, noscript, img')).to.equal(null);
    expect(text(div)).to.equal('a');
  });

  it('drops a leading <noscript> or <template> with its content, as anywhere else', async () => {
    const div = await clean('<noscript><img src="real.png" alt="n"></noscript><template><p>t</p></template><p>a</p>');
    expect(div.querySelector('img, template, noscript')).to.equal(null);
    expect(text(div)).to.equal('a');
  });

  it('gives an empty body for a <frameset> document instead of failing', async () => {
    const div = await clean('<frameset onload="x()"><frame src="https://example.org/"></frameset>');
    expect(div.childNodes.length).to.equal(0);
  });

  it('drops id, name, class, part, slot, data-*, srcdoc, target and srcset', async () => {
    const div = await clean(
      '<p id="x" name="y" class="title visually-hidden" part="title" slot="s" data-x="1" is="x-y">a</p><a href="/x" target="_blank" ping="/p">b</a><img src="a.png" srcset="b.png 2x" sizes="100vw" alt="">',
    );
    expectWithinPolicy(div);
    expect(
      div.querySelector('[id], [name], [class], [part], [slot], [data-x], [is], [target], [srcset], [sizes], [ping]'),
    ).to.equal(null);
  });
});

describe('sanitizeToElement: links and images', () => {
  it('resolves relative links and images against the base', async () => {
    const div = await clean(
      '<a href="/2018/02/21/post.html">root</a><a href="../other/">up</a><img src="image.png" alt=""><img src="/uploads/a.jpg" alt="">',
    );
    expect([...div.querySelectorAll('a')].map((a) => a.getAttribute('href'))).to.deep.equal([
      'https://news.example.org/2018/02/21/post.html',
      'https://news.example.org/blog/2024/other/',
    ]);
    expect([...div.querySelectorAll('img')].map((i) => i.getAttribute('src'))).to.deep.equal([
      'https://news.example.org/blog/2024/post/image.png',
      'https://news.example.org/uploads/a.jpg',
    ]);
  });

  it('turns links with javascript:, data:, vbscript: or other schemes into plain text', async () => {
    const div = await clean(
      '<p><a href="javascript:alert(1)">one</a> <a href="JaVaScRiPt&colon;alert(1)">two</a> <a href="&#106;avascript:alert(1)">three</a> ' +
        '<a href="java\tscript:alert(1)">four</a> <a href="data:text/html,x">five</a> <a href="vbscript:x">six</a> <a href="tel:+49">seven</a> <a>eight</a></p>',
    );
    expect(div.querySelector('a')).to.equal(null);
    expect(text(div)).to.equal('one two three four five six seven eight');
  });

  it('keeps mailto links', async () => {
    const div = await clean('<a href="mailto:info@example.org">Mail</a>');
    expect(div.querySelector('a')!.getAttribute('href')).to.equal('mailto:info@example.org');
  });

  it('turns links to a fragment into text: the targets are gone with the ids', async () => {
    const div = await clean('<h2 id="x">Title<a href="#x" class="hash-link">#</a></h2>');
    expect(div.querySelector('a')).to.equal(null);
    expect(text(div)).to.equal('Title#');
  });

  it('links open in the same tab, without opener and referrer', async () => {
    const div = await clean('<a href="https://example.org/" target="_blank" rel="opener">x</a>');
    const a = div.querySelector('a')!;
    expect(a.hasAttribute('target')).to.equal(false);
    expect(a.getAttribute('rel')).to.equal('noopener noreferrer');
  });

  it('images load lazily and send no referrer', async () => {
    const div = await clean('<img src="https://example.org/a.png" alt="A" width="640" height="480" loading="eager">');
    const img = div.querySelector('img')!;
    expect(img.getAttribute('loading')).to.equal('lazy');
    expect(img.getAttribute('decoding')).to.equal('async');
    expect(img.getAttribute('referrerpolicy')).to.equal('no-referrer');
    expect(img.getAttribute('width')).to.equal('640');
    expect(img.alt).to.equal('A');
  });

  it('removes images without a usable src', async () => {
    const div = await clean(
      '<img src="javascript:alert(1)" alt="a"><img alt="b"><img src="data:image/png;base64,AAAA" alt="c"><p>t</p>',
    );
    expect(div.querySelector('img')).to.equal(null);
  });

  it('promotes data-src of lazy-loading themes through the URL gate', async () => {
    const div = await clean(
      '<img data-src="shot.png" alt="a"><img src="data:image/gif;base64,R0lGOD" data-lazy-src="/b.png" alt="b"><img data-src="javascript:alert(1)" alt="c">',
    );
    expect([...div.querySelectorAll('img')].map((i) => i.getAttribute('src'))).to.deep.equal([
      'https://news.example.org/blog/2024/post/shot.png',
      'https://news.example.org/b.png',
    ]);
    expect(div.querySelector('[data-src], [data-lazy-src]')).to.equal(null);
  });

  it('keeps the <img> of a <picture> and drops its <source>s', async () => {
    const div = await clean(
      '<picture><source type="image/webp" srcset="a.webp 1x" sizes="undefined"><img src="a.jpg" alt="A"></picture>',
    );
    expect(div.querySelector('source')).to.equal(null);
    expect(div.querySelector('picture > img')!.getAttribute('src')).to.equal(
      'https://news.example.org/blog/2024/post/a.jpg',
    );
  });
});

describe('sanitizeToElement: headings', () => {
  it('moves content headings below the card heading, keeping their order', async () => {
    const div = await clean('<h1>A</h1><h2>B</h2><h4>C</h4><h6>D</h6>', 3);
    expect(
      [...div.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((h) => `${h.localName} ${h.textContent}`),
    ).to.deep.equal(['h4 A', 'h5 B', 'h6 C', 'h6 D']);
  });

  it('leaves headings that are already below the card heading alone', async () => {
    const div = await clean('<h4 lang="en">A</h4><h5>B</h5>', 3);
    expect([...div.querySelectorAll('h4, h5')].map((h) => h.localName)).to.deep.equal(['h4', 'h5']);
    expect(div.querySelector('h4')!.getAttribute('lang')).to.equal('en');
  });

  it('leaves headings alone without a heading level, and treats a bad one as none', async () => {
    expect((await clean('<h1>A</h1>')).querySelector('h1')).to.not.equal(null);
    expect(
      (await sanitizeToElement('<h1>A</h1>', BASE, { headingLevel: Number.NaN, safeUrl })).querySelector('h1'),
    ).to.not.equal(null);
  });
});

describe('sanitizeToElement: isolation from the host page', () => {
  it("neither uses nor changes the page's own DOMPurify", async () => {
    DOMPurify.setConfig({ ADD_TAGS: ['iframe'], ADD_ATTR: ['style', 'onclick'] });
    try {
      const div = await clean('<iframe src="https://example.org/"></iframe><p style="color:red" onclick="x()">a</p>');
      expect(div.querySelector('iframe, [style], [onclick]')).to.equal(null);
    } finally {
      DOMPurify.clearConfig();
    }
    // our URL hooks are not installed on the shared instance
    expect(DOMPurify.sanitize('<a href="/x">x</a>')).to.equal('<a href="/x">x</a>');
  });

  it('sanitizes plain text (no "<") as text', async () => {
    const div = await clean('Just text &amp; an entity');
    expect(div.textContent).to.equal('Just text & an entity');
    expect(div.children.length).to.equal(0);
  });
});

const REAL = '/tests/fixtures/real-feeds/';
const realFeed = async (file: string) => (await fetch(REAL + file)).json();

describe('sanitizeToElement: real feeds', () => {
  const files = [
    '01-microblog-podcast-alexkucera.json',
    '02-microblog-carlesbellver-ca.json',
    '03-wordpress-jsonfeed-josephscott.json',
    '04-docusaurus-noten-app-de.json',
    '05-jekyll-gesko-harf-ur.json',
    '07-nextjs-feed-npm-bitcoincashpodcast.json',
    '08-publii-nicolinuxfr-fr.json',
    '09-hexo-shoka-0x401000nu1l-zh.json',
    '10-eleventy-pashadolgopishet-ru.json',
    '11-hugo-strad-fr.json',
  ];
  for (const file of files) {
    it(`${file}: every body keeps its text and stays within the policy`, async () => {
      const feed = await realFeed(file);
      for (const item of feed.items) {
        if (typeof item.content_html !== 'string' || !item.content_html.trim()) continue;
        const div = await sanitizeToElement(item.content_html, item.url ?? BASE, { safeUrl });
        expect(text(div), `${file} ${item.id}`).to.equal(expectedText(item.content_html));
        expectWithinPolicy(div);
      }
    });
  }

  it('03 WordPress: the Google Sheets <iframe> is gone, <cite>, <del> and <pre> stay', async () => {
    const items = (await realFeed(files[2]!)).items as { content_html: string; url: string }[];
    const withIframe = items.find((i) => i.content_html.includes('<iframe'))!;
    const div = await sanitizeToElement(withIframe.content_html, withIframe.url, { safeUrl });
    expect(div.querySelector('iframe')).to.equal(null);
    const all = await Promise.all(items.map((i) => sanitizeToElement(i.content_html, i.url, { safeUrl })));
    for (const tag of ['cite', 'del', 'pre'])
      expect(
        all.some((d) => d.querySelector(tag)),
        tag,
      ).to.equal(true);
  });

  it('04 Docusaurus: inline <svg> icons are gone, <details>, tables and headings stay', async () => {
    const items = (await realFeed(files[3]!)).items as { content_html: string; url: string }[];
    const all = await Promise.all(
      items.map((i) => sanitizeToElement(i.content_html, i.url, { headingLevel: 3, safeUrl })),
    );
    expect(all.some((d) => d.querySelector('svg'))).to.equal(false);
    expect(all.some((d) => d.querySelector('details > summary'))).to.equal(true);
    expect(all.some((d) => d.querySelector('table td'))).to.equal(true);
    expect(all.some((d) => d.querySelector('h1, h2, h3'))).to.equal(false);
    expect(all.some((d) => d.querySelector('h4'))).to.equal(true);
  });

  it('09 Hexo: images that only have data-src get a src relative to the post', async () => {
    const item = (await realFeed(files[7]!)).items.find((i: { content_html: string }) =>
      i.content_html.includes('data-src="3444487'),
    );
    const div = await sanitizeToElement(item.content_html, item.url, { safeUrl });
    const src = div.querySelector('img')!.getAttribute('src');
    expect(src).to.equal(new URL('3444487-0c12b96c168bff6a.png', item.url).href);
    expect(div.querySelectorAll('img').length).to.equal((item.content_html.match(/<img /g) ?? []).length);
  });

  it('10 Eleventy: <picture> keeps its <img>, <source>s and broken alt attributes are gone', async () => {
    const items = (await realFeed(files[8]!)).items as { content_html: string; url: string }[];
    const item = items.find((i) => i.content_html.includes('утащила " небольшой'))!;
    const div = await sanitizeToElement(item.content_html, item.url, { safeUrl });
    expect(div.querySelector('source')).to.equal(null);
    expect(div.querySelectorAll('picture > img').length).to.equal((item.content_html.match(/<picture>/g) ?? []).length);
    expectWithinPolicy(div);
    expect([...div.querySelectorAll('img')].some((i) => i.alt === 'А ещё Катя утащила')).to.equal(true);
  });
});

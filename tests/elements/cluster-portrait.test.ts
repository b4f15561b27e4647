import { expect, fixture, oneEvent, waitUntil } from '@open-wc/testing';
import { html } from 'lit';
import '../../src/elements/cluster-portrait/define.js';
import type { ClusterPortrait } from '../../src/elements/cluster-portrait/cluster-portrait.js';
import {
  feedOf,
  freshCache,
  hits,
  mockUrl,
  newsItem,
  part,
  parts,
  portraitItem,
  SAMPLE_URL,
  sampleFeedJson,
  settled,
  shadow,
} from '../helpers.js';

const SLUGS = ['optence', 'biocon-valley', 'olec', 'bioeconomy'];

async function portrait(template: unknown, state?: ClusterPortrait['state']): Promise<ClusterPortrait> {
  const host = await fixture<HTMLElement>(template as never);
  const el = (
    host.localName === 'cluster-portrait' ? host : host.querySelector('cluster-portrait')!
  ) as ClusterPortrait;
  await settled(el, state);
  return el;
}

const text = (el: Element, name: string) => part(el, name)?.textContent?.replace(/\s+/g, ' ').trim();
const title = (el: Element) => part(el, 'title')!;
const hrefs = (el: Element) => parts(el, 'link').map((a) => a.getAttribute('href'));

/** A fresh feed URL on the mock server whose requests are counted under `key`. */
const countedFeed = (key: string) => mockUrl('feed', { key: `${key}-${Math.random()}` });

describe('<cluster-portrait>: content', () => {
  freshCache();

  it('shows the Optence portrait from the sample feed: name, region · place, focus, summary, image, both links', async () => {
    const json = await sampleFeedJson();
    const item = json.items.find((i: any) => i._reportage?.cluster?.slug === 'optence');
    const el = await portrait(html`<cluster-portrait src=${SAMPLE_URL} cluster="optence"></cluster-portrait>`, 'ready');

    expect(title(el).textContent!.trim()).to.equal('Optence e. V.');
    expect(text(el, 'region')).to.equal('Rheinhessen · Mainz');
    expect(text(el, 'focus')).to.equal('Schwerpunkt: Optische Technologien');
    expect(text(el, 'summary')).to.equal(item.summary);
    const img = part(el, 'image') as HTMLImageElement;
    expect(img.alt).to.equal(item._reportage.image_alt);
    expect(img.src).to.equal(new URL('/demo/images/portrait-optence.svg', location.href).href);
    expect(img.getAttribute('loading')).to.equal('lazy');
    expect(img.getAttribute('decoding')).to.equal('async');
    expect(img.getAttribute('referrerpolicy')).to.equal('no-referrer');
    expect(text(el, 'credit')).to.equal('Illustration: cluster-reportage');
    expect(hrefs(el)).to.deep.equal([item.url, 'https://www.optence.de/']);
    const [reportage, website] = parts(el, 'link');
    expect(reportage!.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Zur Reportage: Optence e. V.');
    expect(website!.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Website der Clusterinitiative: Optence e. V.');
    expect(part(el, 'base')!.getAttribute('lang')).to.equal('de-DE');
  });

  it('shows each of the four sample clusters by its slug', async () => {
    const json = await sampleFeedJson();
    for (const slug of SLUGS) {
      const c = json.items.find((i: any) => i._reportage?.cluster?.slug === slug)._reportage.cluster;
      const el = await portrait(html`<cluster-portrait src=${SAMPLE_URL} cluster=${slug}></cluster-portrait>`, 'ready');
      expect(title(el).textContent!.trim()).to.equal(c.name);
      expect(text(el, 'region')).to.equal(`${c.region} · ${c.place}`);
      expect(text(el, 'focus')).to.contain(c.focus);
      expect((part(el, 'image') as HTMLImageElement).src).to.contain(`portrait-${slug}.svg`);
      expect(hrefs(el)).to.include(new URL(c.url).href);
    }
  });

  it('without a cluster attribute shows the first portrait of the feed, skipping news items', async () => {
    const el = await portrait(html`<cluster-portrait src=${SAMPLE_URL}></cluster-portrait>`, 'ready');
    expect(title(el).textContent!.trim()).to.equal('Optence e. V.');

    const own = await portrait(
      html`<cluster-portrait
        .feed=${feedOf([newsItem('n1'), portraitItem('second'), portraitItem('third')])}
      ></cluster-portrait>`,
      'ready',
    );
    expect(title(own).textContent!.trim()).to.equal('Cluster second');
  });

  it('shows a portrait from a feed object given as property, without a request', async () => {
    const feed = feedOf([
      portraitItem('alpha'),
      portraitItem('beta', {
        image: 'https://example.org/beta.jpg',
        _reportage: {
          kind: 'portrait',
          image_alt: 'Beta lab',
          cluster: {
            slug: 'beta',
            name: 'Beta e. V.',
            region: 'Nord',
            place: 'Kiel',
            focus: 'Meer',
            url: 'https://beta.example.org',
          },
        },
      }),
    ]);
    const el = await portrait(html`<cluster-portrait .feed=${feed} cluster="beta"></cluster-portrait>`, 'ready');
    expect(title(el).textContent!.trim()).to.equal('Beta e. V.');
    expect(text(el, 'region')).to.equal('Nord · Kiel');
    expect(text(el, 'focus')).to.equal('Schwerpunkt: Meer');
    expect(text(el, 'summary')).to.equal('Summary beta');
    expect((part(el, 'image') as HTMLImageElement).alt).to.equal('Beta lab');
    expect(hrefs(el)).to.deep.equal(['https://example.org/reportage/beta', 'https://beta.example.org/']);
  });

  it('changing the cluster attribute shows the other cluster without a new request', async () => {
    const url = countedFeed('switch');
    const key = new URL(url).searchParams.get('key')!;
    const el = await portrait(html`<cluster-portrait src=${url} cluster="optence"></cluster-portrait>`, 'ready');
    expect(title(el).textContent!.trim()).to.equal('Optence e. V.');

    el.setAttribute('cluster', 'olec');
    await el.updateComplete;
    expect(title(el).textContent!.trim()).to.equal('OLEC');
    expect(text(el, 'region')).to.equal('Nordwest-Niedersachsen · Oldenburg');

    el.cluster = 'bioeconomy';
    await el.updateComplete;
    expect(el.getAttribute('cluster')).to.equal('bioeconomy');
    expect(title(el).textContent!.trim()).to.equal('BioEconomy');
    expect(await hits(key)).to.equal(1);
  });

  it('an unknown slug shows the empty message, and a known one brings the portrait back', async () => {
    const el = await portrait(html`<cluster-portrait src=${SAMPLE_URL} cluster="nowhere"></cluster-portrait>`, 'empty');
    expect(text(el, 'empty')).to.equal('Kein Porträt für diese Clusterinitiative gefunden.');
    expect(part(el, 'base')).to.equal(null);

    el.cluster = 'olec';
    await el.updateComplete;
    expect(el.state).to.equal('ready');
    expect(title(el).textContent!.trim()).to.equal('OLEC');
  });

  it('a feed without portrait items shows the empty message', async () => {
    const el = await portrait(html`<cluster-portrait .feed=${feedOf([newsItem('n1')])}></cluster-portrait>`, 'empty');
    expect(text(el, 'empty')).to.equal('Kein Porträt für diese Clusterinitiative gefunden.');
  });

  it('missing optional fields hide their parts and never show undefined, null or NaN', async () => {
    const bare = {
      id: 'p-bare',
      content_text: 'Nur ein Text.',
      _reportage: { kind: 'portrait', cluster: { slug: 'bare', name: 'Bare e. V.' } },
    };
    const el = await portrait(html`<cluster-portrait .feed=${feedOf([bare])}></cluster-portrait>`, 'ready');
    for (const name of ['image', 'credit', 'logo', 'region', 'focus', 'link', 'links'])
      expect(part(el, name), name).to.equal(null);
    expect(title(el).textContent!.trim()).to.equal('Bare e. V.');
    expect(text(el, 'summary')).to.equal('Nur ein Text.');
    expect(shadow(el).textContent).not.to.match(/undefined|null|NaN/);
    expect(part(el, 'base')!.classList.contains('has-image')).to.equal(false);
  });

  it('shows region or place alone without a dangling separator', async () => {
    const onlyPlace = portraitItem('p', {
      _reportage: { kind: 'portrait', cluster: { slug: 'p', name: 'P', place: 'Jena' } },
    });
    const onlyRegion = portraitItem('r', {
      _reportage: { kind: 'portrait', cluster: { slug: 'r', name: 'R', region: 'Thüringen' } },
    });
    const el = await portrait(
      html`<cluster-portrait .feed=${feedOf([onlyPlace, onlyRegion])} cluster="p"></cluster-portrait>`,
      'ready',
    );
    expect(text(el, 'region')).to.equal('Jena');
    el.cluster = 'r';
    await el.updateComplete;
    expect(text(el, 'region')).to.equal('Thüringen');
  });

  it('without a summary shows an excerpt of the HTML body as text', async () => {
    const item = {
      ...portraitItem('x'),
      summary: undefined,
      content_text: undefined,
      content_html: '<p>Licht &amp; <b>Laser</b> aus Mainz.</p><script>alert(1)</script>',
    };
    const el = await portrait(html`<cluster-portrait .feed=${feedOf([item])}></cluster-portrait>`, 'ready');
    expect(text(el, 'summary')).to.equal('Licht & Laser aus Mainz.');
    expect(part(el, 'summary')!.children.length).to.equal(0);
  });

  it('shows the cluster logo small and decorative, and only the cluster website link when the item has no URL', async () => {
    const item = portraitItem('logo', { url: undefined });
    item._reportage.cluster.logo = '/demo/images/portrait-olec.svg';
    const el = await portrait(html`<cluster-portrait .feed=${feedOf([item])}></cluster-portrait>`, 'ready');
    const logo = part(el, 'logo') as HTMLImageElement;
    expect(logo.getAttribute('alt')).to.equal('');
    await new Promise((r) => (logo.complete ? r(null) : logo.addEventListener('load', r, { once: true })));
    expect(logo.getBoundingClientRect().height).to.be.at.most(40);
    expect(hrefs(el)).to.deep.equal(['https://example.org/logo']);
  });

  it('an image that fails to load is hidden, and the card keeps its text', async () => {
    const item = portraitItem('broken', { image: mockUrl('respond', { status: 404, type: 'image/png' }) });
    item._reportage.image_alt = 'Kaputt';
    const el = await portrait(html`<cluster-portrait .feed=${feedOf([item])}></cluster-portrait>`, 'ready');
    const img = part(el, 'image') as HTMLImageElement;
    expect(img).not.to.equal(null);
    img.loading = 'eager';
    const deadline = Date.now() + 5000;
    while (part(el, 'image') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(part(el, 'image')).to.equal(null);
    expect(title(el).textContent!.trim()).to.equal('Cluster broken');
  });

  it('reserves a 16:9 frame for the image before it loads', async () => {
    const item = portraitItem('slow', { image: mockUrl('hang') });
    const el = await portrait(
      html`<div style="width: 400px"><cluster-portrait .feed=${feedOf([item])}></cluster-portrait></div>`,
      'ready',
    );
    const frame = part(el, 'image')!.parentElement!.getBoundingClientRect();
    expect(frame.height).to.be.closeTo((frame.width * 9) / 16, 1);
  });
});

describe('<cluster-portrait>: heading level', () => {
  freshCache();
  const feed = feedOf([portraitItem('h')]);

  it('renders the cluster name as an h3 by default', async () => {
    const el = await portrait(html`<cluster-portrait .feed=${feed}></cluster-portrait>`, 'ready');
    expect(title(el).localName).to.equal('h3');
  });

  it('heading-level sets the heading tag, also when changed later', async () => {
    const el = await portrait(html`<cluster-portrait .feed=${feed} heading-level="2"></cluster-portrait>`, 'ready');
    expect(title(el).localName).to.equal('h2');
    el.setAttribute('heading-level', '4');
    await el.updateComplete;
    expect(title(el).localName).to.equal('h4');
    expect(title(el).textContent!.trim()).to.equal('Cluster h');
  });
});

describe('<cluster-portrait>: language', () => {
  freshCache();
  const feed = feedOf([portraitItem('l')]);

  it('uses German UI strings by default and English with lang="en"', async () => {
    const de = await portrait(html`<cluster-portrait .feed=${feed}></cluster-portrait>`, 'ready');
    expect(text(de, 'focus')).to.equal('Schwerpunkt: Focus l');
    expect(parts(de, 'link')[0]!.textContent).to.contain('Zur Reportage');

    const en = await portrait(html`<cluster-portrait .feed=${feed} lang="en"></cluster-portrait>`, 'ready');
    expect(text(en, 'focus')).to.equal('Focus: Focus l');
    expect(parts(en, 'link')[0]!.textContent).to.contain('Read the reportage');
    expect(parts(en, 'link')[1]!.textContent).to.contain('Cluster website');
    // the English labels are marked as English inside the German article
    expect(part(en, 'base')!.getAttribute('lang')).to.equal('de-DE');
    expect(part(en, 'focus')!.querySelector('[lang]')!.getAttribute('lang')).to.equal('en');
  });

  it('takes the language of the nearest [lang] ancestor', async () => {
    const el = await portrait(
      html`<div lang="en-GB">
        <section><cluster-portrait .feed=${feed}></cluster-portrait></section>
      </div>`,
      'ready',
    );
    expect(text(el, 'focus')).to.equal('Focus: Focus l');
  });

  it("takes the feed's language when nothing on the page sets one", async () => {
    const root = document.documentElement;
    const saved = root.getAttribute('lang');
    root.removeAttribute('lang');
    try {
      const el = await portrait(
        html`<cluster-portrait .feed=${feedOf([portraitItem('l')], { language: 'en-US' })}></cluster-portrait>`,
        'ready',
      );
      expect(text(el, 'focus')).to.equal('Focus: Focus l');
      expect(part(el, 'focus')!.querySelector('[lang]')).to.equal(null);
    } finally {
      if (saved !== null) root.setAttribute('lang', saved);
    }
  });

  it('switching lang at run time re-renders the UI strings', async () => {
    const el = await portrait(html`<cluster-portrait .feed=${feed}></cluster-portrait>`, 'ready');
    el.lang = 'en';
    await waitUntil(() => text(el, 'focus') === 'Focus: Focus l', 'never switched to English');
    expect(parts(el, 'link')[1]!.textContent).to.contain('Cluster website');
    el.setAttribute('lang', 'de');
    await waitUntil(() => text(el, 'focus') === 'Schwerpunkt: Focus l', 'never switched back to German');
    expect(parts(el, 'link')[1]!.textContent).to.contain('Website der Clusterinitiative');
  });

  it('shows the empty message in English with lang="en"', async () => {
    const el = await portrait(
      html`<cluster-portrait .feed=${feed} cluster="none" lang="en"></cluster-portrait>`,
      'empty',
    );
    expect(text(el, 'empty')).to.equal('No portrait found for this cluster initiative.');
  });
});

describe('<cluster-portrait>: loading and errors', () => {
  freshCache();

  it('while loading shows a busy placeholder', async () => {
    const el = await fixture<ClusterPortrait>(html`<cluster-portrait src=${mockUrl('hang')}></cluster-portrait>`);
    const loading = part(el, 'loading')!;
    expect(el.state).to.equal('loading');
    expect(loading.getAttribute('aria-busy')).to.equal('true');
    expect(loading.textContent).to.contain('Wird geladen');
  });

  it('the placeholder has about the size of the ready card, stacked and side by side', async () => {
    for (const width of [280, 400, 800, 1200]) {
      const wait = await fixture<HTMLElement>(
        html`<div style=${`width: ${width}px`}><cluster-portrait src=${mockUrl('hang')}></cluster-portrait></div>`,
      );
      const loading = wait.firstElementChild!.getBoundingClientRect();
      const ready = await portrait(
        html`<div style=${`width: ${width}px`}>
          <cluster-portrait src=${SAMPLE_URL} cluster="optence"></cluster-portrait>
        </div>`,
        'ready',
      );
      const box = ready.getBoundingClientRect();
      expect(loading.width, `width at ${width}`).to.equal(box.width);
      expect(loading.height / box.height, `height at ${width}: ${loading.height} vs ${box.height}`).to.be.within(
        0.9,
        1.1,
      );
    }
  });

  it('a server error shows an alert and keeps the fallback link in the slot', async () => {
    const el = await portrait(
      html`<cluster-portrait src=${mockUrl('respond', { status: 500 })}
        ><a href="https://example.org/optence">Optence e. V.</a></cluster-portrait
      >`,
      'error',
    );
    const error = part(el, 'error')!;
    expect(error.getAttribute('role')).to.equal('alert');
    expect(error.textContent).to.contain('Der Server hat den Reportage-Feed nicht ausgeliefert.');
    const fallback = el.querySelector('a')!;
    expect(fallback.assignedSlot).to.be.instanceOf(HTMLSlotElement);
    expect(fallback.getBoundingClientRect().height).to.be.greaterThan(0);
  });

  it('fires cluster-feed-load with the feed URL and its items', async () => {
    const url = countedFeed('event');
    const holder = document.createElement('div');
    document.body.append(holder);
    try {
      const el = document.createElement('cluster-portrait');
      const event = oneEvent(holder, 'cluster-feed-load');
      el.src = url;
      holder.append(el);
      const { detail } = await event;
      expect(detail.url).to.equal(url);
      expect(detail.items.map((i: { id: string }) => i.id)).to.include('portrait-optence');
      expect(el.state).to.equal('ready');
    } finally {
      holder.remove();
    }
  });
});

describe('<cluster-portrait>: accessibility', () => {
  freshCache();

  it('is accessible while loading', async () => {
    const el = await fixture<ClusterPortrait>(html`<cluster-portrait src=${mockUrl('hang')}></cluster-portrait>`);
    await expect(el).to.be.accessible();
  });

  it('is accessible when ready, in German and in English', async () => {
    for (const lang of ['de', 'en']) {
      const el = await portrait(
        html`<cluster-portrait src=${SAMPLE_URL} cluster="biocon-valley" lang=${lang}></cluster-portrait>`,
        'ready',
      );
      await expect(el).to.be.accessible();
    }
  });

  it('is accessible when empty and on error', async () => {
    const empty = await portrait(
      html`<cluster-portrait src=${SAMPLE_URL} cluster="none" lang="en"></cluster-portrait>`,
      'empty',
    );
    await expect(empty).to.be.accessible();
    const error = await portrait(
      html`<cluster-portrait src=${mockUrl('respond', { status: 500 })}
        ><a href="https://example.org/">Fallback</a></cluster-portrait
      >`,
      'error',
    );
    await expect(error).to.be.accessible();
  });

  it('two portraits on one page have distinct link names', async () => {
    const feed = feedOf([portraitItem('a'), portraitItem('b')]);
    const host = await fixture<HTMLElement>(
      html`<div>
        <cluster-portrait .feed=${feed} cluster="a"></cluster-portrait
        ><cluster-portrait .feed=${feed} cluster="b"></cluster-portrait>
      </div>`,
    );
    const els = [...host.querySelectorAll('cluster-portrait')];
    for (const el of els) await settled(el, 'ready');
    const names = els.flatMap((el) => parts(el, 'link').map((a) => a.textContent!.replace(/\s+/g, ' ').trim()));
    expect(names).to.have.length(4);
    expect(new Set(names).size).to.equal(4);
  });
});

describe('<cluster-portrait>: hostile URLs', () => {
  freshCache();

  it('never renders a javascript: or data: URL from the feed into href or src', async () => {
    const item = portraitItem('evil', {
      url: 'javascript:alert(1)',
      image: 'JaVaScRiPt:alert(2)',
      banner_image: 'data:image/svg+xml,<svg onload=alert(3)>',
    });
    item._reportage.cluster.url = 'java\tscript:alert(4)';
    item._reportage.cluster.logo = 'javascript&colon;alert(5)';
    const el = await portrait(html`<cluster-portrait .feed=${feedOf([item])}></cluster-portrait>`, 'ready');
    const urls = [...shadow(el).querySelectorAll('[href], [src]')].map(
      (n) => n.getAttribute('href') ?? n.getAttribute('src'),
    );
    expect(urls.filter((u) => !/^https?:/.test(u!))).to.deep.equal([]);
    expect(part(el, 'link')).to.equal(null);
    expect(part(el, 'image')).to.equal(null);
    expect(part(el, 'logo')).to.equal(null);
    expect(title(el).textContent!.trim()).to.equal('Cluster evil');
  });
});

describe('<cluster-portrait>: layout', () => {
  freshCache();
  const longWords = portraitItem('long', {
    image: '/demo/images/portrait-olec.svg',
    _reportage: {
      kind: 'portrait',
      image_alt: 'Windräder',
      image_credit: '© Donaudampfschifffahrtsgesellschaftskapitänsfotografin',
      cluster: {
        slug: 'long',
        name: 'Kompetenznetzwerkinitiativengemeinschaftsverband e. V.',
        region: 'Mecklenburg-Vorpommern',
        place: 'Ostseeküstenregionshauptstadt',
        focus: 'Gesundheitswirtschaftsdienstleistungsinnovationen',
        url: 'https://example.org/',
      },
    },
  });

  for (const width of [280, 1200]) {
    it(`has no horizontal overflow at ${width} px container width`, async () => {
      for (const feed of [undefined, feedOf([longWords])]) {
        const el = await portrait(
          feed
            ? html`<div style=${`width: ${width}px`}><cluster-portrait .feed=${feed}></cluster-portrait></div>`
            : html`<div style=${`width: ${width}px`}>
                <cluster-portrait src=${SAMPLE_URL} cluster="biocon-valley"></cluster-portrait>
              </div>`,
          'ready',
        );
        const base = part(el, 'base')!;
        expect(el.getBoundingClientRect().width).to.equal(width);
        expect(el.scrollWidth).to.be.at.most(el.clientWidth);
        expect(base.scrollWidth).to.be.at.most(base.clientWidth);
        for (const child of shadow(el).querySelectorAll('.body > *')) {
          expect(child.getBoundingClientRect().right, child.className).to.be.at.most(
            base.getBoundingClientRect().right + 0.5,
          );
        }
      }
    });
  }

  it('puts image and text side by side from 640 px container width, stacked below', async () => {
    const wide = await portrait(
      html`<div style="width: 700px"><cluster-portrait src=${SAMPLE_URL}></cluster-portrait></div>`,
      'ready',
    );
    let image = part(wide, 'image')!.getBoundingClientRect();
    let heading = title(wide).getBoundingClientRect();
    expect(image.right).to.be.at.most(heading.left);
    expect(image.top).to.be.below(heading.top);

    const narrow = await portrait(
      html`<div style="width: 600px"><cluster-portrait src=${SAMPLE_URL}></cluster-portrait></div>`,
      'ready',
    );
    image = part(narrow, 'image')!.getBoundingClientRect();
    heading = title(narrow).getBoundingClientRect();
    expect(image.bottom).to.be.at.most(heading.top);
  });
});

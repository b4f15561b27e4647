// Synthetic JSON Feeds for the benchmark: realistic field lengths, every
// field the cards show (image with alt, credit and caption, date, summary,
// links), deterministic content so runs compare.
const words =
  'Cluster Initiative Netzwerk Innovation Forschung Unternehmen Region Technologie Zukunft Projekt Partner Wissenschaft Energie Gesundheit Mobilität Photonik Bioökonomie Wasserstoff Digitalisierung Fachkräfte'.split(
    ' ',
  );
const text = (seed, count) =>
  Array.from({ length: count }, (_, i) => words[(seed * 7 + i * 3) % words.length]).join(' ');
const day = (i) => new Date(Date.UTC(2021, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);

const base = (i, kind) => ({
  id: `${kind}-${i}`,
  url: `https://www.example.org/${kind}/${i}.html`,
  title: `${text(i, 6)} ${i}`,
  summary: `${text(i + 1, 24)}.`,
  content_text: `${text(i + 2, 60)}.`,
  image: '/bench/pages/img.svg',
  date_published: `${day(i)}T09:00:00+01:00`,
  _reportage: {
    kind,
    image_alt: `Bild zu ${text(i, 3)}`,
    image_credit: '© Beispiel/Foto',
    image_caption: `${text(i + 3, 8)}.`,
    links: [
      { title: `${text(i, 3)} – Webseite`, url: `https://www.example.org/links/${i}/a` },
      { title: `${text(i + 5, 4)}`, url: `https://www.example.org/links/${i}/b` },
    ],
  },
});

const feed = (items, ext) => ({
  version: 'https://jsonfeed.org/version/1.1',
  title: 'Benchmark-Feed',
  home_page_url: 'https://www.example.org/',
  language: 'de-DE',
  ...(ext ? { _reportage: ext } : {}),
  items,
});

/** `n` news items with ids news-0 … news-(n-1). */
export const newsFeed = (n) => feed(Array.from({ length: n }, (_, i) => base(i, 'news')));

/** `n` portrait items and one journey through all of them, in order. */
export function journeyFeed(n) {
  const items = Array.from({ length: n }, (_, i) => {
    const item = base(i, 'portrait');
    item._reportage.cluster = {
      slug: `cluster-${i}`,
      name: `${text(i, 2)} e. V. ${i}`,
      region: text(i + 4, 1),
      place: `Ort ${i}`,
      focus: text(i + 6, 3),
      url: `https://www.example.org/cluster/${i}`,
    };
    return item;
  });
  return feed(items, {
    journeys: [
      { id: 'bench-journey', title: 'Stationen', summary: text(1, 12), stations: items.map((i) => ({ item: i.id })) },
    ],
  });
}

/** A mix for the network and layout pages: news and portraits with a journey. */
export function mixedFeed() {
  const f = journeyFeed(8);
  f.items.push(...newsFeed(8).items);
  return f;
}

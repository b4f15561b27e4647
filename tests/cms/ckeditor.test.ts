// The snippets of the snippet builder, pasted into a real CKEditor 5 configured as TYPO3 v13 and
// Drupal 11 configure it out of the box (tests/cms/editor-configs.ts says what was copied from
// where), read back with getData() as the CMS stores it, then shown on a page with the theme's
// <cluster-autolink>. The paste goes through CKEditor's own clipboard pipeline: a DOM `paste`
// event on the editable, its DataTransfer holding text/html and text/plain as a browser's does.
import { expect } from '@open-wc/testing';
import { ClassicEditor } from '@ckeditor/ckeditor5-editor-classic';
import type { ButtonView } from '@ckeditor/ckeditor5-ui';
import '../../src/index.js';
import { linkSnippet } from '../../demo/snippets.js';
import { freshCache, mockUrl, part } from '../helpers.js';
import { drupal, typo3, type CmsEditor } from './editor-configs.js';
import { mounted, show } from './site-page.js';

const OLEC = 'https://www.clusterplattform.de/CLUSTER/Redaktion/DE/Reportagen/clusterreportage-olec.html';
const NEWS =
  'https://www.clusterplattform.de/CLUSTER/Redaktion/DE/Kurzmeldungen/2021/02/2021-02-02-clusterreportagen.html';
const NEWS_ID = 'meldung-2021-02-02-clusterreportagen';
const NEWS_TITLE = 'Clusterreportagen: ein Blick hinter die Kulissen von Optence, BioCon Valley®, OLEC und BioEconomy';

/** The builder's element snippet for that news card, as demo/builder.js writes it (tests/e2e/builder.test.mjs checks that form). */
const elementSnippet = (feed: string) =>
  `<script type="module" src="https://cdn.example/cluster-reportage.js"></script>\n` +
  `<cluster-news-card src="${feed}" item="${NEWS_ID}" lang="en" heading-level="2">\n` +
  `  <a href="${NEWS}">${NEWS_TITLE}</a>\n` +
  `</cluster-news-card>\n`;

const editors: ClassicEditor[] = [];
afterEach(() => Promise.all(editors.splice(0).map((e) => e.destroy())));

async function open(cms: CmsEditor): Promise<ClassicEditor> {
  const host = document.createElement('div');
  document.body.append(host);
  mounted.push(host);
  const editor = await ClassicEditor.create(host, cms.config);
  mounted.push(editor.ui.element!);
  editors.push(editor);
  return editor;
}

/** A paste at the caret: the DOM event CKEditor's ClipboardObserver listens to, with the clipboard's flavours. */
function paste(editor: ClassicEditor, flavours: Record<string, string>): void {
  const data = new DataTransfer();
  for (const [type, value] of Object.entries(flavours)) data.setData(type, value);
  const event = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true });
  // Firefox's ClipboardEvent constructor ignores `clipboardData` (the event gets a fresh, empty
  // DataTransfer; its init honours only the old single-flavour `dataType`/`data`), so there the
  // DataTransfer is set on the event itself;
  // CKEditor reads `clipboardData` from the DOM event either way
  if (event.clipboardData?.getData('text/plain') !== flavours['text/plain'])
    Object.defineProperty(event, 'clipboardData', { value: data });
  expect(event.clipboardData?.getData('text/plain'), 'the paste event carries its DataTransfer').to.equal(
    flavours['text/plain'],
  );
  editor.editing.view.getDomRoot()!.dispatchEvent(event);
  expect(event.defaultPrevented, 'CKEditor handled the paste').to.equal(true);
}

/** "Source" in the toolbar, the snippet typed into the source textarea, "Source" again: what an editor does with HTML. */
function pasteAsSource(editor: ClassicEditor, html: string): void {
  const source = editor.ui.view.toolbar!.items.find(
    (b) => (b as ButtonView).label === 'Source' || (b as ButtonView).label === 'Show source',
  ) as ButtonView;
  source.element!.click();
  const textarea = editor.ui.view.element!.querySelector<HTMLTextAreaElement>('.ck-source-editing-area textarea')!;
  textarea.value = html;
  textarea.dispatchEvent(new Event('input'));
  source.element!.click();
}

/** Every tag and attribute in `html` that the CMS's server-side filter would drop (none: the stored text survives). */
function filteredOut(cms: CmsEditor, html: string): string[] {
  const doc = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  const lost: string[] = [];
  for (const el of doc.body.querySelectorAll('*')) {
    const attrs = cms.allowed[el.localName];
    if (!attrs) lost.push(`<${el.localName}>`);
    else for (const a of el.getAttributeNames()) if (!attrs.includes(a)) lost.push(`${el.localName}[${a}]`);
  }
  return lost;
}

/** The stored text on a page of the site, with the theme's script (imported above) and one <cluster-autolink>. */
const showStored = (stored: string, feed: string, n: number) => show(`<h1>Unsere Region</h1>\n${stored}`, feed, n);

for (const cms of [typo3, drupal]) {
  describe(`CKEditor 5 as in ${cms.name}`, () => {
    freshCache();

    it('keeps the builder’s link snippet as a link alone in its paragraph, and the page shows the portrait', async () => {
      const editor = await open(cms);
      const snippet = linkSnippet(OLEC);
      paste(editor, { 'text/html': snippet.html, 'text/plain': snippet.text });
      const stored = editor.getData();
      expect(stored).to.equal(`<p><a href="${OLEC}">${OLEC}</a></p>`);
      expect(filteredOut(cms, stored)).to.deep.equal([]);
      const [card] = await showStored(stored, mockUrl('feed', { key: `ck-${Math.random()}` }), 1);
      expect(card!.localName).to.equal('cluster-portrait');
      expect(part(card!, 'title')!.textContent!.trim()).to.equal('OLEC');
    });

    it('keeps a URL pasted as plain text (from the address bar) as bare text alone in a paragraph, and the page shows the card', async () => {
      const editor = await open(cms);
      paste(editor, { 'text/plain': NEWS });
      const stored = editor.getData();
      expect(stored).to.equal(`<p>${NEWS}</p>`);
      expect(filteredOut(cms, stored)).to.deep.equal([]);
      const [card] = await showStored(stored, mockUrl('feed', { key: `ck-${Math.random()}` }), 1);
      expect(card!.localName).to.equal('cluster-news-card');
      expect(card!.getAttribute('item')).to.equal(NEWS_ID);
    });

    it('keeps pasted links among other paragraphs, one card per link and the running text as it was', async () => {
      const editor = await open(cms);
      paste(editor, {
        'text/html': `<p>Einleitung mit <a href="${OLEC}">einem Link</a> im Satz.</p><p><a href="${OLEC}">${OLEC}</a></p><p><a href="${NEWS}">${NEWS}</a></p>`,
        'text/plain': `Einleitung mit einem Link im Satz.\n\n${OLEC}\n\n${NEWS}`,
      });
      const stored = editor.getData();
      expect(filteredOut(cms, stored)).to.deep.equal([]);
      const cards = await showStored(stored, mockUrl('feed', { key: `ck-${Math.random()}` }), 2);
      expect(cards.map((c) => c.localName)).to.deep.equal(['cluster-portrait', 'cluster-news-card']);
      expect(document.querySelector('main p a')!.textContent).to.equal('einem Link');
    });

    it('negative control: the element snippet typed into "Source" loses the script, the element and its attributes; only its fallback link is left', async () => {
      const editor = await open(cms);
      const feed = mockUrl('feed', { key: `ck-${Math.random()}` });
      pasteAsSource(editor, elementSnippet(feed));
      const stored = editor.getData();
      // what is lost: <script>, <cluster-news-card> with src, item, lang and heading-level
      expect(stored).not.to.match(/<script|cluster-news-card|item=|heading-level=|lang=/);
      // what is left: the fallback link, alone in a paragraph the editor made around it
      expect(stored).to.equal(`<p><a href="${NEWS}">${NEWS_TITLE}</a>&nbsp;</p>`);
      // on a page without the theme set-up that is all a reader gets; with it, the link still becomes
      // the card, with the site's defaults instead of the snippet's English and level 2
      const [card] = await showStored(stored, feed, 1);
      expect(card!.getAttribute('item')).to.equal(NEWS_ID);
      expect(card!.hasAttribute('lang')).to.equal(false);
      expect(part(card!, 'title')!.localName).to.equal('h3');
    });

    it('negative control: the element snippet pasted into the text (copied from the builder’s box) stays code on the page', async () => {
      const editor = await open(cms);
      const feed = mockUrl('feed', { key: `ck-${Math.random()}` });
      paste(editor, { 'text/plain': elementSnippet(feed) });
      const stored = editor.getData();
      expect(stored.startsWith('<p>&lt;script type="module"')).to.equal(true);
      expect(stored).to.contain('&lt;cluster-news-card src=');
      expect(stored).not.to.match(/<script|<cluster-news-card|<a /);
      const main = document.createElement('main');
      main.innerHTML = stored;
      document.body.append(main);
      mounted.push(main);
      expect(main.querySelectorAll('script, cluster-news-card, a')).to.have.length(0);
      expect(main.textContent).to.contain('<cluster-news-card src=');
    });
  });
}

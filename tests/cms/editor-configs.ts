// CKEditor 5 as two CMSs configure it out of the box, for tests of what survives an editor's paste.
// Only the settings that decide what a paste keeps are copied; each says where it comes from.
// Plugins that exist only inside the CMS (link browsers, image upload) are replaced by the
// CKEditor plugin they extend, or left out where they do not touch links and paragraphs.
// The packages that make up `ckeditor5`, imported one by one as TYPO3's ckeditor5.ts does: the
// `ckeditor5` entry also loads the emoji plugin, whose fuzzy search is CommonJS, which a browser
// cannot import without a bundler.
import { Alignment } from '@ckeditor/ckeditor5-alignment';
import { Bold, Code, Italic, Strikethrough, Subscript, Superscript, Underline } from '@ckeditor/ckeditor5-basic-styles';
import { BlockQuote } from '@ckeditor/ckeditor5-block-quote';
import { PastePlainText } from '@ckeditor/ckeditor5-clipboard';
import type { EditorConfig } from '@ckeditor/ckeditor5-core';
import { Essentials } from '@ckeditor/ckeditor5-essentials';
import { FindAndReplace } from '@ckeditor/ckeditor5-find-and-replace';
import { Heading, type HeadingOption } from '@ckeditor/ckeditor5-heading';
import { HorizontalLine } from '@ckeditor/ckeditor5-horizontal-line';
import { GeneralHtmlSupport } from '@ckeditor/ckeditor5-html-support';
import { Indent } from '@ckeditor/ckeditor5-indent';
import { Link } from '@ckeditor/ckeditor5-link';
import { List, ListProperties } from '@ckeditor/ckeditor5-list';
import { Paragraph } from '@ckeditor/ckeditor5-paragraph';
import { PasteFromOffice } from '@ckeditor/ckeditor5-paste-from-office';
import { RemoveFormat } from '@ckeditor/ckeditor5-remove-format';
import { SourceEditing } from '@ckeditor/ckeditor5-source-editing';
import { SpecialCharacters, SpecialCharactersEssentials } from '@ckeditor/ckeditor5-special-characters';
import { Style } from '@ckeditor/ckeditor5-style';
import { Table, TableCaption, TableCellProperties, TableProperties, TableToolbar } from '@ckeditor/ckeditor5-table';
import { TextTransformation } from '@ckeditor/ckeditor5-typing';

export interface CmsEditor {
  name: string;
  config: EditorConfig;
  /** What the CMS's server-side filter lets through when the field is saved or shown: tag → attributes. */
  allowed: Record<string, string[]>;
}

/**
 * TYPO3 v13, the `default` RTE preset (EXT:rte_ckeditor).
 * - Plugins: `defaultPlugins` of Build/Sources/TypeScript/rte_ckeditor/ckeditor5.ts (the
 *   `typo3-rte-ckeditor-ckeditor5` element), plus `importModules` of Configuration/RTE/Editor/
 *   Plugins.yaml: `Typo3Link` and `Whitespace`. `Typo3Link` overrides `Link` with TYPO3's link
 *   browser and upcasts `title`/`class`/`target`/`rel`; a pasted link carries only `href`, which
 *   both keep alike, so CKEditor's `Link` stands in for it. `Whitespace` only changes the editing
 *   view (it shows `&nbsp;` and soft hyphens), not the data, and is left out.
 * - Editor config: Configuration/RTE/Default.yaml `editor.config` (toolbar, heading, style,
 *   alignment, table); no `htmlSupport` is configured there, so GeneralHtmlSupport allows nothing
 *   beyond what the plugins know. `licenseKey: 'GPL'` as ckeditor5.ts sets it.
 * - Server side: Configuration/RTE/Processing.yaml `processing.allowTags` (RteHtmlParser keeps
 *   these tags when the record is saved; `keepNonMatchedTags: protect` encodes any other tag as
 *   text) and `allowAttributes`. `a` keeps `href` (external links stay as they are).
 */
export const typo3: CmsEditor = {
  name: 'TYPO3 v13 (RTE preset "default")',
  config: {
    licenseKey: 'GPL',
    plugins: [
      BlockQuote,
      Essentials,
      FindAndReplace,
      Heading,
      Indent,
      Link,
      List,
      Paragraph,
      PastePlainText,
      PasteFromOffice,
      RemoveFormat,
      Table,
      TableToolbar,
      TableProperties,
      TableCellProperties,
      TableCaption,
      TextTransformation,
      SourceEditing,
      Alignment,
      Style,
      GeneralHtmlSupport,
      Bold,
      Italic,
      Subscript,
      Superscript,
      Strikethrough,
      Underline,
      SpecialCharacters,
      SpecialCharactersEssentials,
      HorizontalLine,
    ],
    toolbar: {
      items: [
        'style',
        'heading',
        '|',
        'bold',
        'italic',
        'subscript',
        'superscript',
        '|',
        'bulletedList',
        'numberedList',
        'blockQuote',
        'alignment',
        '|',
        'findAndReplace',
        'link',
        '|',
        'removeFormat',
        'undo',
        'redo',
        '|',
        'insertTable',
        '|',
        'specialCharacters',
        'horizontalLine',
        'sourceEditing',
      ],
      shouldNotGroupWhenFull: true,
    },
    heading: {
      options: [
        { model: 'paragraph', title: 'Paragraph', class: '' },
        { model: 'heading2', view: 'h2', title: 'Heading 2', class: '' },
        { model: 'heading3', view: 'h3', title: 'Heading 3', class: '' },
        // TYPO3's own model name; CKEditor registers any name it is given
        { model: 'formatted', view: 'pre', title: 'Pre-Formatted Text', class: '' } as unknown as HeadingOption,
      ],
    },
    style: {
      definitions: [
        { name: 'Lead', element: 'p', classes: ['lead'] },
        { name: 'Small', element: 'small', classes: [''] },
        { name: 'Muted', element: 'span', classes: ['text-muted'] },
      ],
    },
    alignment: {
      options: [
        { name: 'left', className: 'text-start' },
        { name: 'center', className: 'text-center' },
        { name: 'right', className: 'text-end' },
        { name: 'justify', className: 'text-justify' },
      ],
    },
    table: {
      defaultHeadings: { rows: 1 },
      contentToolbar: [
        'tableColumn',
        'tableRow',
        'mergeTableCells',
        'tableProperties',
        'tableCellProperties',
        'toggleTableCaption',
      ],
    },
  },
  allowed: Object.fromEntries(
    [
      ...['a', 'abbr', 'acronym', 'address', 'article', 'big', 'blockquote', 'br', 'caption', 'cite', 'code'],
      ...['col', 'colgroup', 'dd', 'del', 'dfn', 'dl', 'div', 'dt', 'em', 'footer', 'header', 'h1', 'h2', 'h3'],
      ...['h4', 'h5', 'h6', 'hr', 'i', 'img', 'ins', 'kbd', 'label', 'li', 'nav', 'ol', 'p', 'pre', 'q', 'samp'],
      ...['section', 'small', 'span', 'strong', 'style', 'sub', 'sup', 'table', 'thead', 'tbody', 'tfoot', 'td'],
      ...['th', 'tr', 'tt', 'ul', 'var'],
    ].map((tag) => [
      tag,
      [
        'class',
        'id',
        'title',
        'dir',
        'lang',
        'xml:lang',
        'itemscope',
        'itemtype',
        'itemprop',
        ...(tag === 'a' ? ['href'] : []),
      ],
    ]),
  ),
};

/**
 * Drupal 11, the standard install's "Basic HTML" text format, from the recipe that installs it:
 * core/recipes/basic_html_format_editor/config/editor.editor.basic_html.yml and
 * filter.format.basic_html.yml (until Drupal 10.3 the same files lived in
 * core/profiles/standard/config/install/).
 * - Plugins: what the toolbar items map to in the ckeditor5 module (bold, italic, link,
 *   bulletedList/numberedList with `startIndex`, blockQuote, heading h2–h6, code, sourceEditing),
 *   plus what Drupal always loads (Essentials, Paragraph, PasteFromOffice). `drupalInsertImage`
 *   (Drupal's own image plugins) is left out: it touches images only.
 * - `ckeditor5_sourceEditing.allowed_tags` become GeneralHtmlSupport rules, as Drupal makes them.
 * - Server side: `filter_html`'s `allowed_html`, which Drupal applies when the text is shown.
 */
export const drupal: CmsEditor = {
  name: 'Drupal 11 ("Basic HTML")',
  config: {
    licenseKey: 'GPL',
    plugins: [
      Essentials,
      Paragraph,
      PasteFromOffice,
      Bold,
      Italic,
      Link,
      List,
      ListProperties,
      BlockQuote,
      Heading,
      Code,
      SourceEditing,
      GeneralHtmlSupport,
    ],
    toolbar: {
      items: [
        'bold',
        'italic',
        '|',
        'link',
        '|',
        'bulletedList',
        'numberedList',
        '|',
        'blockQuote',
        '|',
        'heading',
        'code',
        '|',
        'sourceEditing',
      ],
    },
    heading: {
      options: [
        { model: 'paragraph', title: 'Paragraph', class: '' },
        { model: 'heading2', view: 'h2', title: 'Heading 2', class: '' },
        { model: 'heading3', view: 'h3', title: 'Heading 3', class: '' },
        { model: 'heading4', view: 'h4', title: 'Heading 4', class: '' },
        { model: 'heading5', view: 'h5', title: 'Heading 5', class: '' },
        { model: 'heading6', view: 'h6', title: 'Heading 6', class: '' },
      ],
    },
    list: { properties: { reversed: false, startIndex: true, styles: false } },
    htmlSupport: {
      allow: [
        { name: 'cite' },
        { name: 'dl' },
        { name: 'dt' },
        { name: 'dd' },
        { name: 'a', attributes: { hreflang: true } },
        { name: 'blockquote', attributes: { cite: true } },
        { name: 'ul', attributes: { type: true } },
        { name: 'ol', attributes: { type: true } },
        { name: /^h[2-6]$/, attributes: { id: true } },
      ],
    },
  },
  allowed: parseAllowedHtml(
    '<br> <p> <h2 id> <h3 id> <h4 id> <h5 id> <h6 id> <cite> <dl> <dt> <dd> <a hreflang href> <blockquote cite> <ul type> <ol start type> <strong> <em> <code> <li> <img src alt data-entity-uuid data-entity-type height width data-caption data-align>',
  ),
};

/** Drupal's `allowed_html` notation: `<tag attr attr> …`. */
function parseAllowedHtml(value: string): Record<string, string[]> {
  return Object.fromEntries(
    [...value.matchAll(/<([a-z0-9]+)([^>]*)>/g)].map(([, tag, attrs]) => [
      tag!,
      attrs!.trim().split(/\s+/).filter(Boolean),
    ]),
  );
}

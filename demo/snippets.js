// The snippets for rich-text fields, shared by the snippet builder (builder.js) and the tests that
// paste them into real editors (tests/cms/). A rich-text field keeps a link where it strips an
// element and its script, so there the editor pastes only the reportage's link, and the site's
// theme carries the script and one <cluster-autolink> that turns such links into cards.

const ESC = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Text or attribute value for a snippet: feed titles and URLs may hold quotes, `<` and `&`. */
export const esc = (value) => String(value).replace(/[&<>"']/g, (c) => ESC[c]);

/**
 * The link to paste into a rich-text field, on its own line: the URL as text (what a plain-text
 * paste and the snippet box give) and as a link (what the copy button puts on the clipboard too).
 */
export function linkSnippet(url) {
  return { text: url, html: `<a href="${esc(url)}">${esc(url)}</a>` };
}

/** The theme's one-time set-up: the script and one <cluster-autolink>, with its attributes in order. */
export function setupSnippet(bundle, attrs) {
  const list = attrs.map(([name, value]) => ` ${name}="${esc(value)}"`).join('');
  return `<script type="module" src="${esc(bundle)}"></script>\n<cluster-autolink${list}></cluster-autolink>\n`;
}

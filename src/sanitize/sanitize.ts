/**
 * Placeholder until the sanitizer lands: renders content_html as plain text,
 * never as markup.
 */
export async function sanitizeToElement(html: string, _base: string): Promise<HTMLElement> {
  const div = document.createElement('div');
  div.textContent = html;
  return div;
}

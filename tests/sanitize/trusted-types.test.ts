// Under a strict CSP with Trusted Types enforced, the sanitizer still works: it
// reaches the HTML parser only through DOMPurify's own policy, never with a string.
import { expect, fixture, waitUntil } from '@open-wc/testing';
import { html } from 'lit';
import { safeUrl } from '../../src/feed/url.js';
import { feedOf, newsItem, part, settled } from '../helpers.js';

// a policy delivered by <meta> applies from the moment it is inserted
const meta = document.createElement('meta');
meta.httpEquiv = 'Content-Security-Policy';
meta.content = "require-trusted-types-for 'script'";
document.head.append(meta);

describe('sanitizer under require-trusted-types-for', () => {
  it('the page really enforces Trusted Types', () => {
    expect(() => {
      document.createElement('div').innerHTML = '<b>x</b>';
    }).to.throw(TypeError);
  });

  it('sanitizes content_html into a DOM tree', async () => {
    const { sanitizeToElement } = await import('../../src/sanitize/sanitize.js');
    const div = await sanitizeToElement(
      '<p>Hello <a href="/x" onclick="x()">link</a></p><script>x()</script>',
      'https://example.org/',
      { safeUrl },
    );
    expect(div.querySelector('p a')!.getAttribute('href')).to.equal('https://example.org/x');
    expect(div.querySelector('script, [onclick]')).to.equal(null);
  });

  it('a full news card shows its sanitized body', async () => {
    await import('../../src/elements/cluster-news-card/define.js');
    const feed = feedOf([newsItem('a', { content_html: '<h2>Inside</h2><p>Body <strong>text</strong></p>' })]);
    const card = await fixture<HTMLElement & { state: string; updateComplete: Promise<boolean> }>(
      html`<cluster-news-card variant="full" .feed=${feed}></cluster-news-card>`,
    );
    await settled(card as never, 'ready');
    await waitUntil(() => part(card, 'content')?.querySelector('strong'), 'the body never rendered', { timeout: 4000 });
    expect(part(card, 'content')!.textContent).to.contain('Body text');
    expect(part(card, 'content')!.querySelector('h4')!.textContent).to.equal('Inside');
  });
});

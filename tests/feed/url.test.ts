import { expect } from '@open-wc/testing';
import { safeUrl } from '../../src/feed/url.js';

const base = 'https://feeds.example.org/news/feed.json';

describe('safeUrl: the one gate for href and src', () => {
  it('resolves relative URLs against the feed URL', () => {
    expect(safeUrl('images/a.svg', base)).to.equal('https://feeds.example.org/news/images/a.svg');
    expect(safeUrl('/2018/02/21/post.html', base)).to.equal('https://feeds.example.org/2018/02/21/post.html');
    expect(safeUrl('//cdn.example.org/x.png', base)).to.equal('https://cdn.example.org/x.png');
  });

  it('keeps http and https, decodes &amp; in query strings', () => {
    expect(safeUrl('http://example.org/a', base)).to.equal('http://example.org/a');
    expect(safeUrl('https://example.org/?a=1&amp;b=2', base)).to.equal('https://example.org/?a=1&b=2');
  });

  it('allows mailto only where links allow it', () => {
    expect(safeUrl('mailto:info@example.org', base, true)).to.equal('mailto:info@example.org');
    expect(safeUrl('mailto:info@example.org', base)).to.equal(undefined);
  });

  const hostile = [
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    'java\u0000script:alert(1)',
    '\u0001javascript:alert(1)',
    'javascript\u200b:alert(1)',
    '&#106;avascript:alert(1)',
    '&#x6A;avascript:alert(1)',
    'javascript&colon;alert(1)',
    'javascript&#58;alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'DATA:image/svg+xml;base64,PHN2Zz4=',
    'vbscript:msgbox(1)',
    'blob:https://example.org/uuid',
    'file:///etc/passwd',
    'ftp://example.org/x',
  ];
  for (const value of hostile) {
    it(`drops ${JSON.stringify(value)}`, () => {
      expect(safeUrl(value, base)).to.equal(undefined);
      expect(safeUrl(value, base, true)).to.equal(undefined);
    });
  }

  it('drops what is not a string or is blank', () => {
    for (const v of [undefined, null, 42, {}, [], '', '   ']) expect(safeUrl(v, base)).to.equal(undefined);
  });
});

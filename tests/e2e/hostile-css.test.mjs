// The widgets on a page whose own CSS is hostile: a blanket `all: unset`
// that reaches the host elements, hidden headings, huge images, red links.
/* global getComputedStyle, innerWidth -- functions passed to page.evaluate run in the browser */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ALL, TAGS, e2e, waitForState } from './harness.mjs';

const RED = 'rgb(255, 0, 0)';

/** What a visitor sees of each widget: title box, image widths, link colours. */
function look(page) {
  return page.$$eval(ALL, (els) =>
    els.map((el) => {
      const root = el.shadowRoot;
      const title = root.querySelector('[part~="title"]');
      const box = title?.getBoundingClientRect();
      const card = el.getBoundingClientRect();
      const titleStyle = title && getComputedStyle(title);
      return {
        tag: el.localName,
        title: box && {
          height: box.height,
          width: box.width,
          display: titleStyle.display,
          visibility: titleStyle.visibility,
        },
        cardWidth: card.width,
        images: [...root.querySelectorAll('img')].map((i) => i.getBoundingClientRect().width),
        links: [...root.querySelectorAll('a[part~="link"]')].map((a) => getComputedStyle(a).color),
      };
    }),
  );
}

const overflow = (page) => page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth }));

describe('a host page with hostile CSS', () => {
  const env = e2e();

  it('still shows every title, keeps images inside the card and links in the widget colour', async () => {
    const neutral = await env.open('/tests/e2e/pages/plain.html');
    await waitForState(neutral, ALL, 'ready');
    const expected = await look(neutral);

    const page = await env.open('/tests/e2e/pages/hostile-css.html');
    await waitForState(page, ALL, 'ready');
    // the hostile sheet did apply to the page itself
    assert.equal(await page.$eval('main h1', (h) => getComputedStyle(h).display), 'none');
    const seen = await look(page);
    assert.deepEqual(seen.map((s) => s.tag).sort(), [...TAGS].sort());
    for (const [i, s] of seen.entries()) {
      assert.ok(
        s.title && s.title.height > 0 && s.title.width > 0,
        `<${s.tag}> title is visible: ${JSON.stringify(s.title)}`,
      );
      assert.equal(s.title.display, 'block', `<${s.tag}> title display`);
      assert.equal(s.title.visibility, 'visible');
      assert.ok(s.cardWidth > 200, `<${s.tag}> is ${s.cardWidth} px wide`);
      for (const w of s.images)
        assert.ok(w <= s.cardWidth, `<${s.tag}> has an image ${w} px wide in a ${s.cardWidth} px card`);
      assert.ok(!s.links.includes(RED), `<${s.tag}> has red links`);
      assert.deepEqual(s.links, expected[i].links, `<${s.tag}> links keep the colour they have on a neutral page`);
    }
    assert.ok(seen.find((s) => s.tag === 'cluster-news-card').images.length, 'the news card shows its image');
    assert.ok(seen.find((s) => s.tag === 'cluster-portrait').links.length, 'the portrait shows its links');
    const { scrollWidth, innerWidth } = await overflow(page);
    assert.ok(scrollWidth <= innerWidth, `the page scrolls sideways: ${scrollWidth} > ${innerWidth}`);
  });

  it('does not make a phone-sized page scroll sideways', async () => {
    const page = await env.open('/tests/e2e/pages/hostile-css.html', { viewport: { width: 360, height: 740 } });
    await waitForState(page, ALL, 'ready');
    for (const s of await look(page)) {
      assert.ok(s.title && s.title.height > 0, `<${s.tag}> title is visible`);
      for (const w of s.images) assert.ok(w <= 360, `<${s.tag}> has an image ${w} px wide on a 360 px screen`);
    }
    const { scrollWidth, innerWidth } = await overflow(page);
    assert.ok(scrollWidth <= innerWidth, `the page scrolls sideways: ${scrollWidth} > ${innerWidth}`);
  });
});

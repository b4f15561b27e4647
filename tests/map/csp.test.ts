// The map under a strict Content-Security-Policy (styles only from the page's origin, no
// inline styles): its positions and styles still apply, and nothing is reported. This file
// has a page of its own, so the policy set here reaches no other test.
import { expect, nextFrame } from '@open-wc/testing';
import { SEED } from './fixture.js';
import { collisions, mount, onMap, root } from './geometry.js';

const violations: string[] = [];
document.addEventListener('securitypolicyviolation', (e) => violations.push(`${e.violatedDirective}: ${e.sample}`));

describe('map: under a strict Content-Security-Policy', () => {
  before(() => {
    const meta = document.createElement('meta');
    meta.httpEquiv = 'Content-Security-Policy';
    meta.content = "style-src 'self'";
    document.head.append(meta);
  });

  it('places every station and label without an inline style the policy would block', async () => {
    // the policy is in force: an inline style attribute is refused (and reported)
    const probe = document.createElement('div');
    probe.setAttribute('style', 'order: 7');
    document.body.append(probe);
    await nextFrame();
    await new Promise((r) => setTimeout(r, 50)); // violation events are queued as tasks
    expect(getComputedStyle(probe).order).to.equal('0');
    expect(violations.length, 'the probe was reported').to.be.at.least(1);
    probe.remove();
    violations.length = 0;

    const el = await mount(SEED, { width: 600 });
    await new Promise((r) => setTimeout(r, 50));
    expect(violations).to.deep.equal([]);
    const li = onMap(el)[0]!.closest('li')!;
    expect(getComputedStyle(li).getPropertyValue('--x')).to.match(/%$/);
    expect(getComputedStyle(root(el).querySelector('.map')!).aspectRatio).to.equal('4 / 5');
    expect(collisions(el)).to.deep.equal([]);
  });
});

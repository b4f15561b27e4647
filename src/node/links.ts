import { journeyView, stationIndex } from '../elements/cluster-journey/journey-view.js';
import type { Feed } from '../feed/types.js';
import type { Found } from './page.js';

/**
 * What a journey's `for` link does in the browser, done before rendering, so the prerendered
 * portrait already shows the journey's selected station: the element whose `id` the journey's
 * `for` names gets that station's cluster as `cluster` (and the journey's `src` when it has
 * neither `src` nor a feed), as `LinkedPortrait` would set them (both reflect to attributes).
 */
export async function linkPortraits(found: Found[], feedOf: (el: Found) => Promise<Feed | undefined>): Promise<void> {
  for (const journey of found) {
    const id = journey.attrs.get('for');
    const portrait = id && found.find((el) => el !== journey && el.attrs.get('id') === id);
    if (!portrait || journey.tag !== 'cluster-journey') continue;
    const feed = await feedOf(journey);
    const view = feed && journeyView(feed, journey.attrs.get('journey') || undefined);
    if (!view) continue;
    const index = stationIndex(view, Number(journey.attrs.get('current')));
    const src = journey.attrs.get('src');
    if (!portrait.attrs.get('src') && src) portrait.attrs.set('src', src);
    portrait.attrs.set('cluster', view.stations[index]!.cluster.slug);
  }
}

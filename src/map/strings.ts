// The map's own UI text, here rather than in src/i18n so the main bundle does not carry it.
const DE = ['Karte der Reiseroute', 'Nicht auf der Karte'] as const;
const EN = ['Map of the route', 'Not on the map'] as const;

/** The map's text alternative (its title, then the places in travel order) and the heading of the stations off it. */
export const mapText = (locale: string) => (/^de/i.test(locale) ? DE : EN);

// A browser without the asynchronous clipboard API (older ones, or a page on plain http).
/* global Navigator */
Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined });

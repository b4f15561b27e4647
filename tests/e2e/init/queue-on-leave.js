// What Matomo's queue (`_paq`) held when the visitor left the page in its tab (pagehide), kept in
// sessionStorage under 'e2e-paq' for the page that follows in the same tab (analytics.test.mjs):
// a link followed in place unloads the page and its queue with it.
/* global addEventListener, sessionStorage */
addEventListener('pagehide', () => {
  if (window._paq) sessionStorage.setItem('e2e-paq', JSON.stringify(window._paq));
});

// Matomo: one event per reportage seen, one per link followed.
var _paq = (window._paq = window._paq || []);
document.addEventListener('cluster-impression', (e) => {
  for (const item of e.detail.items)
    _paq.push(['trackEvent', 'Clusterreportagen', 'impression', item.title || item.id]);
});
document.addEventListener('cluster-link-click', (e) => {
  _paq.push(['trackEvent', 'Clusterreportagen', 'click', e.detail.href]);
});

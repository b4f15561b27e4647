// What a CMS or a framework does to the page around the widgets.
// A block cloned from a <template> before the bundle has run (module scripts wait for the parser):
document.getElementById('blocks').append(document.getElementById('block').content.cloneNode(true));

// A framework that renders its root with innerHTML once the page is parsed, after the elements are defined:
document.addEventListener('DOMContentLoaded', () => {
  document.getElementById('app').innerHTML =
    '<main class="app"><div class="col"><cluster-journey id="in-app" src="/mock/feed?key=cms" for="after-script"></cluster-journey></div></main>';
});

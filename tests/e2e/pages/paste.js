// The CMS editor page (paste.html): what the last paste brought, per flavour, as
// the page received it (the clipboard holds a copied link as text and as HTML).
window.pasted = null;
document.addEventListener('paste', (e) => {
  window.pasted = {
    types: [...e.clipboardData.types],
    text: e.clipboardData.getData('text/plain'),
    html: e.clipboardData.getData('text/html'),
  };
});

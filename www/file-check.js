// Opened from disk (file://), a page cannot load the search: browsers refuse ES modules and
// fetch there. This classic script (which does run from file://) says so in place of the search
// box, instead of leaving an empty page. Served over http(s) it does nothing.
if (location.protocol === 'file:') {
  const show = () => {
    for (const element of document.querySelectorAll('kamer-zoek')) {
      const note = document.createElement('p');
      note.className = 'kamerzoek-file-note';
      note.setAttribute('role', 'alert');
      note.textContent = 'Deze zoekfunctie werkt alleen als de pagina via een webserver wordt geopend, '
        + 'niet als bestand van de schijf. Start bijvoorbeeld `scripts/serve.sh` of een andere '
        + 'webserver in deze map en open de pagina via http://.';
      element.replaceWith(note);
    }
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', show);
  else show();
}

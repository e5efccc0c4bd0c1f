// Opened from disk (file://), a page cannot load the search: browsers refuse ES modules and
// fetch there. This classic script (which does run from file://) says so in place of the search
// box, instead of leaving an empty page. Served over http(s) it does nothing.
if (location.protocol === 'file:') {
  const show = () => {
    for (const element of document.querySelectorAll('kamer-zoek')) {
      const note = document.createElement('p');
      note.className = 'kamerzoek-file-note';
      note.setAttribute('role', 'alert');
      note.textContent = element.getAttribute('lang')?.startsWith('en')
        ? 'This search only works when the page is opened through a web server, not as a file '
          + 'from disk. Start for instance `kamerzoek serve` on this folder, or another web server, '
          + 'and open the page through http://.'
        : 'Deze zoekfunctie werkt alleen als de pagina via een webserver wordt geopend, niet als '
          + 'bestand van de schijf. Start bijvoorbeeld `kamerzoek serve` op deze map, of een andere '
          + 'webserver, en open de pagina via http://.';
      element.replaceWith(note);
    }
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', show);
  else show();
}

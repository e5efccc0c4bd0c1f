import { typing } from './typing.js';

// What Pagefind's own UI does as a visitor types: preload the word at every keystroke, search
// once typing pauses (the same 80 ms as kamerzoek's widget, shorter than the UI's 300), then load
// the shown results' fragments (titles, excerpts); a newer keystroke supersedes an older search.
const pagefind = await import('../pagefind/pagefind/pagefind.js');
await pagefind.init();
typing((shown) => {
  let timer = null;
  let latest = 0;
  return (text) => {
    const number = ++latest;
    clearTimeout(timer);
    if (!text) return;
    pagefind.preload(text);
    timer = setTimeout(async () => {
      const search = await pagefind.search(text);
      if (number !== latest) return;
      const top = search.results.slice(0, 10);
      await Promise.all(top.map((r) => r.data()));
      if (number === latest) shown(text, true, top.map((r) => r.id));
    }, 80);
  };
});

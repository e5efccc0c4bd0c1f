import { report } from './common.js';

// Results count once their data (title, excerpt) is loaded, as Pagefind's UI shows them.
report((async () => {
  const pagefind = await import('../pagefind/pagefind/pagefind.js');
  await pagefind.init();
  return async (q) => {
    const search = await pagefind.search(q);
    const data = await Promise.all(search.results.slice(0, 10).map((r) => r.data()));
    return data.map((d) => d.url.split('/').pop().replace(/\.html$/, ''));
  };
})());

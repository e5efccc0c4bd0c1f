// Shared by the bench pages: each engine's page calls report() with a search function
// (query -> ids, best first, titles loaded) once its index is ready. The first query runs at
// once, so its time counts from navigation start; warm() then times the query list.

export async function report(ready) {
  const query = new URLSearchParams(location.search).get('q');
  try {
    const search = await ready;
    const ids = await search(query);
    window.firstResult = { ms: performance.now(), ids };
    window.warm = async (queries, rounds) => {
      const out = [];
      for (const q of queries) {
        const times = [];
        let found = [];
        let error = null;
        for (let i = 0; i < rounds; i++) {
          const start = performance.now();
          try {
            found = await search(q);
          } catch (err) {
            error = String(err.message ?? err);
          }
          times.push(performance.now() - start);
        }
        out.push({ query: q, times, ids: found, error });
      }
      return out;
    };
  } catch (err) {
    window.benchError = String(err.stack ?? err);
  }
}

// Measures every engine on every prepared corpus (see bench/run) in headless Chromium:
// gzip bytes downloaded until the first result, time from navigation to first result (cold),
// warm latency median and p95 over the query list, index size on disk, build time and peak
// memory; saves each engine's results per query. kamerzoek and Pagefind also on a modelled slow
// mobile link: new queries typed into a loaded page, and each query on a first visit (a fresh
// browser, the page loaded, the box clicked, the query typed). Prints one table with ratios
// against Pagefind.
//   node bench/measure.mjs SIZE...
// BENCH_ENGINES=kamerzoek,pagefind measures only those; BENCH_NAME=x writes bench/results/x.json
// and x.md instead of the date's (for a comparison that must not replace the day's full run).

import { execFileSync, execSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { cpus, totalmem } from 'node:os';
import { openBrowser, staticServer } from '../tests/browser/harness.mjs';

const ALL_ENGINES = ['kamerzoek', 'pagefind', 'minisearch', 'flexsearch', 'lunr'];
const ENGINES = process.env.BENCH_ENGINES
  ? ALL_ENGINES.filter((e) => process.env.BENCH_ENGINES.split(',').includes(e))
  : ALL_ENGINES;
const ROUNDS = 10;
const sizes = process.argv.slice(2);
const queries = readFileSync('bench/queries.txt', 'utf8').split('\n')
  .filter((l) => l && !l.startsWith('#')).map((l) => l.split('\t')[1]);

// The files that make up each engine's index (not its code).
const INDEX_FILES = {
  kamerzoek: ['kz/index'],
  pagefind: ['pagefind/pagefind/fragment', 'pagefind/pagefind/index', 'pagefind/pagefind/filter',
    'pagefind/pagefind/pagefind-entry.json', 'pagefind/pagefind/pagefind.en_*.pf_meta'],
  minisearch: ['minisearch/index.json'],
  lunr: ['lunr/index.json', 'lunr/titles.json'],
  flexsearch: ['flexsearch/docs.json'],
};

function filesUnder(path) {
  if (!existsSync(path)) return [];
  if (statSync(path).isFile()) return [path];
  return readdirSync(path).flatMap((f) => filesUnder(join(path, f)));
}

function indexSize(site, engine) {
  let raw = 0;
  let gz = 0;
  let fileCount = 0;
  for (const pattern of INDEX_FILES[engine]) {
    const [dir, glob] = pattern.includes('*') ? [join(site, pattern, '..'), pattern.split('/').pop()] : [null, null];
    const files = glob
      ? readdirSync(dir).filter((f) => new RegExp(`^${glob.replace('.', '\\.').replace('*', '.*')}$`).test(f)).map((f) => join(dir, f))
      : filesUnder(join(site, pattern));
    for (const file of files) {
      fileCount += 1;
      const bytes = readFileSync(file);
      // Pagefind's and kamerzoek's files are stored gzip: their raw size is unpacked, and gzip of
      // gzip is not what a server sends.
      const packed = bytes[0] === 0x1f && bytes[1] === 0x8b;
      raw += packed ? gunzipSync(bytes).length : bytes.length;
      gz += packed ? bytes.length : gzipSync(bytes, { level: 9 }).length;
    }
  }
  return { raw, gz, files: fileCount };
}

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};

// The gzip size of a served file: what a server that compresses sends. Read from disk, because
// Playwright cannot hand over the bodies of very large responses.
const gzipSizes = new Map();
function gzipSizeOf(file) {
  if (!gzipSizes.has(file)) {
    const bytes = readFileSync(file);
    gzipSizes.set(file, bytes[0] === 0x1f && bytes[1] === 0x8b ? bytes.length : gzipSync(bytes, { level: 9 }).length);
  }
  return gzipSizes.get(file);
}

async function measure(site, engine, server) {
  const b = await openBrowser();
  try {
    const { page } = b;
    const responses = [];
    page.on('response', (response) => {
      const { pathname } = new URL(response.url());
      if (pathname.startsWith('/bench/')) return; // the host page, the same for every engine
      const file = join(site, decodeURIComponent(pathname));
      if (existsSync(file) && statSync(file).isFile()) {
        // A range of a letter pack: its length (the letters in it are gzip already).
        const length = Number(response.headers()['content-length']);
        if (response.status() === 206 && length) responses.push({ path: pathname, gz: length });
        else if (response.status() === 200) responses.push({ path: pathname, gz: gzipSizeOf(file) });
      }
    });
    const url = `${server.url}bench/${engine}.html?q=${encodeURIComponent(queries[0])}`;
    await page.goto(url);
    await page.waitForFunction(() => window.firstResult || window.benchError, null, { timeout: 900_000 });
    const error = await page.evaluate(() => window.benchError);
    if (error) return { error };
    const first = await page.evaluate(() => window.firstResult);
    const firstBytes = responses.reduce((s, r) => s + r.gz, 0);
    const requests = responses.length;
    const warm = await page.evaluate(([qs, rounds]) => window.warm(qs, rounds), [queries, ROUNDS]);
    const times = warm.flatMap((w) => w.times.slice(1)); // the first round of each query warms it
    return {
      first_result_bytes_gz: firstBytes,
      first_result_requests: requests,
      cold_ms: Math.round(first.ms),
      first_ids: first.ids,
      warm_median_ms: +percentile(times, 50).toFixed(3),
      warm_p95_ms: +percentile(times, 95).toFixed(3),
      results: warm.map((w) => ({ query: w.query, ids: w.ids, error: w.error })),
      errors: b.errors,
    };
  } finally {
    await b.close();
  }
}

// A slow mobile link: 150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up (Chrome DevTools
// Protocol throttling, applied to every request of the page).
const NETWORK = { offline: false, latency: 150, downloadThroughput: 1_600_000 / 8, uploadThroughput: 750_000 / 8 };
const CHAR_MS = 150; // a quick typist on a phone

// A fresh browser (an empty cache) whose page's every request goes over the modelled link.
async function openOnLink(options) {
  const b = await openBrowser(options);
  try {
    const cdp = await b.page.context().newCDPSession(b.page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', NETWORK);
    return b;
  } catch (err) {
    await b.close();
    throw err;
  }
}
const TYPED = ['kamerzoek', 'pagefind'];

// New queries on the modelled link: the page is opened and a first query (`defensie`, not
// counted) loads the engine; then each query of the list is typed a character at a time into
// the engine's as-you-type search, and timed from its last keystroke until its results are shown
// with titles (kamerzoek: the widget's `kamerzoek-preview` event where it shows titles before
// excerpts, else `kamerzoek-search`; Pagefind: its search and the fragments of the ten shown, as
// its UI loads them), and until they are shown with excerpts too (kamerzoek: `kamerzoek-search`;
// Pagefind: the same moment, its fragments hold both). Bytes and requests count every response
// from the first keystroke of the query to its results.
async function measureTyping(site, engine, server) {
  const b = await openOnLink();
  try {
    const { page } = b;
    let bytes = 0;
    let requests = 0;
    page.on('response', (response) => {
      const { pathname } = new URL(response.url());
      if (pathname.startsWith('/bench/')) return;
      const file = join(site, decodeURIComponent(pathname));
      if (existsSync(file) && statSync(file).isFile()) {
        requests += 1;
        const length = Number(response.headers()['content-length']);
        bytes += response.status() === 206 && length ? length : gzipSizeOf(file);
      }
    });
    await page.goto(`${server.url}bench/${engine}-typing.html`);
    await page.waitForFunction(() => window.typingReady, null, { timeout: 120_000 });
    const type = (q) => page.evaluate(([text, ms]) => window.typeQuery(text, ms), [q, CHAR_MS]);
    await type('defensie');
    const out = [];
    for (const q of queries) {
      await page.evaluate(() => window.clearBox());
      await page.waitForTimeout(300);
      bytes = 0;
      requests = 0;
      try {
        const { ms, full, ids } = await type(q);
        out.push({ query: q, ms: Math.round(ms), full_ms: Math.round(full), bytes_gz: bytes, requests, ids });
      } catch (err) {
        // Not answered in 60 s: counted as the slowest, and named.
        out.push({ query: q, ms: Infinity, full_ms: Infinity, bytes_gz: bytes, requests, error: String(err.message ?? err).split('\n')[0] });
        await page.reload();
        await page.waitForFunction(() => window.typingReady, null, { timeout: 120_000 });
        await type('defensie').catch(() => {});
      }
    }
    const times = out.map((r) => r.ms);
    return {
      typed_median_ms: percentile(times, 50),
      typed_p95_ms: percentile(times, 95),
      typed_full_median_ms: percentile(out.map((r) => r.full_ms), 50),
      typed_full_p95_ms: percentile(out.map((r) => r.full_ms), 95),
      typed_unanswered: out.filter((r) => r.error).map((r) => r.query),
      typed_bytes_median: percentile(out.map((r) => r.bytes_gz), 50),
      typed: out,
      typed_errors: b.errors,
    };
  } finally {
    await b.close();
  }
}

// The first visit on the modelled link, as a visitor has it: for each query a fresh browser
// profile (a cold cache) on a phone's screen opens a page with the engine's own interface
// (kamerzoek's widget; Pagefind's Component UI as its CLI writes it, with its defaults: it waits
// 300 ms after a keystroke where kamerzoek's widget waits 80), waits for the load event, clicks
// the search box (its focus starts each engine's loading), types the query a character every
// CHAR_MS and times the last keystroke to the query's results shown with titles (see
// bench/pages/first-visit.js: kamerzoek's `kamerzoek-preview`, else `kamerzoek-search`; Pagefind:
// its summary for the query and a title on every result in view). Bytes (gzip) and requests count
// every response from navigation to that moment, the page's own too; the requests of each visit,
// with their start and end from the last keystroke, are kept in the JSON. Served by
// scripts/static-server.mjs --gzip, which compresses the code as hosts do.
const PHONE = { width: 375, height: 740 };

async function firstVisit(site, engine, server, query) {
  const b = await openOnLink({ viewport: PHONE });
  try {
    const { page } = b;
    await page.addInitScript({ path: 'bench/pages/first-visit.js' });
    const seen = [];
    page.on('requestfinished', (request) => seen.push(request));
    page.on('requestfailed', (request) => seen.push(request));
    await page.goto(`${server.url}bench/${engine}-first-visit.html`, { waitUntil: 'load', timeout: 300_000 });
    const loaded = await page.evaluate(() => performance.getEntriesByType('navigation')[0].loadEventStart);
    const input = page.locator(engine === 'kamerzoek' ? 'kamer-zoek input[type=search]' : 'pagefind-input input');
    await input.click();
    await input.pressSequentially(query, { delay: CHAR_MS });
    let error = null;
    await page.waitForFunction(() => window.firstVisit.titles, null, { timeout: 60_000 })
      .catch(() => { error = `no results shown with titles in 60 s`; });
    // What the visitor sees next: kamerzoek's excerpts, if its titles came first.
    if (!error && engine === 'kamerzoek') await page.waitForFunction(() => window.firstVisit.full, null, { timeout: 60_000 }).catch(() => {});
    const fv = await page.evaluate(() => ({ ...window.firstVisit, origin: performance.timeOrigin, typed: window.firstVisit.keys }));
    if (fv.titles && fv.titles.query !== query) error = `shown for ${JSON.stringify(fv.titles.query)}, not the query typed`;
    const lastKey = fv.origin + fv.last; // wall clock, as Playwright's request timing
    const shownAt = fv.titles ? fv.origin + fv.titles.at : Infinity;
    const requests = [];
    for (const request of seen) {
      const { pathname } = new URL(request.url());
      const timing = request.timing();
      const response = await request.response().catch(() => null);
      const file = join(site, decodeURIComponent(pathname));
      let gz = 0;
      if (response && existsSync(file) && statSync(file).isFile()) {
        const length = Number(response.headers()['content-length']);
        gz = response.status() === 206 && length ? length : gzipSizeOf(file);
      }
      const end = timing.responseEnd >= 0 ? timing.startTime + timing.responseEnd : null;
      requests.push({
        path: pathname,
        status: response?.status() ?? 'failed',
        ...(response?.status() === 206 ? { range: (await request.allHeaders()).range } : {}),
        gz,
        start_ms: Math.round(timing.startTime - lastKey),
        end_ms: end === null ? null : Math.round(end - lastKey),
      });
    }
    requests.sort((x, y) => x.start_ms - y.start_ms);
    // Counted: what was asked for before the results were shown.
    const before = requests.filter((r) => r.start_ms <= shownAt - lastKey);
    return {
      query,
      ms: error ? Infinity : Math.round(fv.titles.at - fv.last),
      full_ms: fv.full ? Math.round(fv.full.at - fv.last) : null,
      load_ms: Math.round(loaded),
      keystrokes: fv.typed,
      via: fv.titles?.via,
      ids: fv.titles?.ids ?? [],
      full_ids: fv.full?.ids ?? [],
      count: fv.titles?.count ?? 0,
      bytes_gz: before.reduce((s, r) => s + r.gz, 0),
      requests: before.length,
      ...(error ? { error } : {}),
      timeline: requests,
      errors: b.errors,
    };
  } finally {
    await b.close();
  }
}

// `found` (Pagefind): how many hits its own search finds for each query. A visit where its UI
// shows none of them has shown no results: not answered, counted the slowest, and named.
async function measureFirstVisits(site, engine, server, found = null) {
  const out = [];
  for (const q of queries) {
    const visit = await firstVisit(site, engine, server, q).catch((err) => ({
      query: q, ms: Infinity, error: String(err.message ?? err).split('\n')[0], timeline: [],
    }));
    if (!visit.error && found?.get(q) && !(visit.count > 0 && visit.ids.length > 0)) {
      Object.assign(visit, { shown_ms: visit.ms, ms: Infinity, error: `its UI showed ${visit.count} results (${visit.ids.length} titles); its search finds ${found.get(q)}` });
    }
    out.push(visit);
  }
  const sorted = [...out].sort((x, y) => x.ms - y.ms);
  const median = sorted[Math.min(sorted.length - 1, Math.floor(0.5 * sorted.length))];
  return {
    median_ms: median.ms,
    p95_ms: percentile(out.map((r) => r.ms), 95),
    bytes_median: percentile(out.map((r) => r.bytes_gz ?? Infinity), 50),
    requests_median: percentile(out.map((r) => r.requests ?? Infinity), 50),
    load_median_ms: percentile(out.map((r) => r.load_ms ?? Infinity), 50),
    unanswered: out.filter((r) => r.error).map((r) => r.query),
    median_query: median.query,
    visits: out,
  };
}

// The engine, then a first query, on the modelled link, as the issue-33 measurement had it: a
// fresh profile opens the engine's plain page (bench/pages/<engine>.html), which loads the engine
// and searches the first query at once, with the hints each engine's owner can give such a page
// (kamerzoek: its modules, as docs/widget.md says; Pagefind: its module, since its worker fetches
// its WebAssembly where a page's preload does not reach); timed from navigation to its first 10
// results with their titles (and excerpts). Served gzip, as hosts do. The median of LINK_ROUNDS
// cold visits.
const LINK_ROUNDS = 3;
async function measureColdOnLink(site, engine, server) {
  const times = [];
  for (let round = 0; round < LINK_ROUNDS; round++) {
    const b = await openOnLink();
    try {
      const { page } = b;
      await page.goto(`${server.url}bench/${engine}.html?q=${encodeURIComponent(queries[0])}`);
      await page.waitForFunction(() => window.firstResult || window.benchError, null, { timeout: 120_000 });
      const error = await page.evaluate(() => window.benchError);
      if (error) return { error };
      const first = await page.evaluate(() => window.firstResult);
      if (!first.ids.length) return { error: `no hits for ${queries[0]}` };
      times.push(Math.round(first.ms));
    } finally {
      await b.close();
    }
  }
  return { median_ms: percentile(times, 50), times_ms: times };
}

const machine = {
  date: new Date().toISOString(),
  cpus: `${cpus().length} x ${cpus()[0]?.model}`,
  memory_gb: Math.round(totalmem() / 2 ** 30),
  node: process.version,
  chromium: execSync('/usr/bin/chromium --version 2>/dev/null').toString().trim(),
  kernel: execSync('uname -sr').toString().trim(),
};
const all = { machine, queries, rounds: ROUNDS, corpora: {} };

for (const size of sizes) {
  const site = `target/bench/${size}/site`;
  // Every engine from the JS server the results were measured with: it keeps connections open,
  // as static hosts do, where `kamerzoek serve` closes each after its answer.
  const server = await staticServer(site);
  const visitServer = await staticServer(site, { gzip: true }).catch((err) => { server.stop(); throw err; });
  const rows = {};
  try {
    for (const engine of ENGINES) {
      const buildFile = `target/bench/${size}/build/${engine}.json`;
      const build = existsSync(buildFile) ? JSON.parse(readFileSync(buildFile, 'utf8')) : null;
      const index = indexSize(site, engine);
      const ok = build && build.status === 0;
      // An engine that cannot load or answer at this size is a result, not the end of the run.
      const result = ok
        ? await measure(site, engine, server).catch((err) => ({ error: `failed: ${String(err.message ?? err).split('\n')[0]}` }))
        : { error: `build failed: ${JSON.stringify(build)}` };
      if (ok && TYPED.includes(engine) && !result.error) {
        Object.assign(result, await measureTyping(site, engine, server)
          .catch((err) => ({ typed_error: String(err.message ?? err).split('\n')[0] })));
      }
      rows[engine] = { build, index_raw: index.raw, index_gz: index.gz, index_files: index.files, ...result };
      if (ok && TYPED.includes(engine) && !result.error) {
        const found = engine === 'pagefind' ? new Map(result.results.map((w) => [w.query, w.ids.length])) : null;
        rows[engine].first_visit = await measureFirstVisits(site, engine, visitServer, found)
          .catch((err) => ({ error: String(err.message ?? err).split('\n')[0] }));
        const fv = rows[engine].first_visit;
        console.error(`${size} ${engine} first visit: ${fv.error ?? `median ${fv.median_ms} ms, p95 ${fv.p95_ms} ms`}`);
        rows[engine].cold_on_link = await measureColdOnLink(site, engine, visitServer)
          .catch((err) => ({ error: String(err.message ?? err).split('\n')[0] }));
        const cl = rows[engine].cold_on_link;
        console.error(`${size} ${engine} engine then first query on the link: ${cl.error ?? `median ${cl.median_ms} ms`}`);
      }
      console.error(`${size} ${engine}: ${result.error ?? `${result.first_result_bytes_gz} B, ${result.cold_ms} ms cold, p95 ${result.warm_p95_ms} ms`}`);
    }
  } finally {
    server.stop();
    visitServer.stop();
  }
  all.corpora[size] = rows;
}

// What was measured must be what it claims, or nothing is written: kamerzoek's hits for each
// query (the first, the warm rounds', each one typed and answered) are those of the CLI on the same
// index, and so have hits; every engine's first query, whose bytes and time the table shows, has
// hits. Another engine may find nothing for a later query (Pagefind has no typos): that is its
// answer, kept per query in the JSON.
function unmet(corpora) {
  const said = [];
  const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
  for (const [size, rows] of Object.entries(corpora)) {
    for (const [engine, r] of Object.entries(rows)) {
      if (r.error) continue; // a row that says it failed, not a result
      if (!r.first_ids?.length) said.push(`${size} ${engine}: the first query (${queries[0]}) shows no hits`);
      if (r.first_visit?.error) said.push(`${size} ${engine}: the first visits failed: ${r.first_visit.error}`);
      if (r.cold_on_link?.error) said.push(`${size} ${engine}: the engine then a first query on the link failed: ${r.cold_on_link.error}`);
      if (engine === 'pagefind') {
        // Pagefind's UI shows results for each query its own search (the warm rounds) finds.
        const found = new Map(r.results.map((w) => [w.query, w.ids.length]));
        for (const v of r.first_visit?.visits ?? []) {
          if (v.error) continue; // not answered in time: named in the table, counted the slowest
          if (found.get(v.query) && !(v.count > 0 && v.ids.length > 0)) said.push(`${size} pagefind, first visit ${v.query}: its UI shows ${v.count} results (${v.ids.length} titles), its search finds ${found.get(v.query)}`);
          if (!found.get(v.query) && v.count !== 0) said.push(`${size} pagefind, first visit ${v.query}: its UI shows ${v.count} results, its search finds none`);
        }
      }
      if (engine !== 'kamerzoek') continue;
      const cli = new Map(queries.map((q) => [q, JSON.parse(execFileSync('target/release/kamerzoek',
        ['search', `target/bench/${size}/site/kz/index`, q, '--json', '--limit', '10'],
        { maxBuffer: 64 << 20 })).hits.map((h) => h.id)]));
      const check = (what, q, ids) => {
        if (!cli.get(q).length) said.push(`${size} kamerzoek: the CLI finds nothing for ${q}`);
        else if (!same(ids, cli.get(q))) said.push(`${size} kamerzoek, ${what} ${q}: ${JSON.stringify(ids)}, the CLI ${JSON.stringify(cli.get(q))}`);
      };
      check('first query', queries[0], r.first_ids);
      for (const w of r.results) {
        if (w.error) said.push(`${size} kamerzoek, warm ${w.query}: ${w.error}`);
        else check('warm', w.query, w.ids);
      }
      for (const t of r.typed ?? []) if (!t.error) check('typed', t.query, t.ids);
      for (const v of r.first_visit?.visits ?? []) {
        if (v.error) said.push(`${size} kamerzoek, first visit ${v.query}: ${v.error}`);
        else {
          check(`first visit (${v.via})`, v.query, v.ids);
          check('first visit, excerpts', v.query, v.full_ids);
        }
      }
    }
  }
  return said;
}
const problems = unmet(all.corpora);
if (problems.length) {
  console.error(`bench: nothing written: what was measured is not what it claims:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}

const kb = (b) => (b == null ? '-' : (b / 1024).toFixed(1));
const ratio = (a, b) => (a == null || !b || !Number.isFinite(b) ? '-' : (a / b).toFixed(2));
let md = `# Benchmark, ${machine.date.slice(0, 10)}\n\n${machine.cpus}, ${machine.memory_gb} GiB, ${machine.kernel}, ${machine.chromium}, Node ${machine.node}.\n`
  + `Queries (${queries.length}, ${ROUNDS} rounds each, the first round not counted): ${queries.map((q) => `\`${q}\``).join(', ')}.\n`;
for (const [size, rows] of Object.entries(all.corpora)) {
  const pf = rows.pagefind ?? {};
  md += `\n## ${size === 'seeds' ? 'The five letters' : `${size} synthetic letters`}\n\n`
    + '| engine | first query KB (gzip) | × Pagefind | cold ms | warm median ms | warm p95 ms | × Pagefind p95 | index KB raw / gzip | index files | build s | build peak MB |\n'
    + '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n';
  for (const engine of ENGINES) {
    const r = rows[engine];
    if (!r) continue;
    if (r.error) {
      md += `| ${engine} | ${r.error.split('\n')[0].slice(0, 80)} | | | | | | ${kb(r.index_raw)} / ${kb(r.index_gz)} | ${r.index_files} | ${r.build?.seconds ?? '-'} | ${r.build?.peak_rss_mb ?? '-'} |\n`;
      continue;
    }
    md += `| ${engine} | ${kb(r.first_result_bytes_gz)} | ${ratio(r.first_result_bytes_gz, pf.first_result_bytes_gz)} | ${r.cold_ms} | ${r.warm_median_ms} | ${r.warm_p95_ms} | ${ratio(r.warm_p95_ms, pf.warm_p95_ms)} | ${kb(r.index_raw)} / ${kb(r.index_gz)} | ${r.index_files} | ${r.build.seconds} | ${r.build.peak_rss_mb} |\n`;
  }
  md += `\nNew queries typed on a slow mobile link (${NETWORK.latency} ms round trip, ${NETWORK.downloadThroughput * 8 / 1e6} Mbit/s), ${CHAR_MS} ms a character:\n\n`
    + '| engine | median ms | p95 ms | × Pagefind p95 | with excerpts: median / p95 ms | median KB a query | requests a query (median) |\n|---|---:|---:|---:|---:|---:|---:|\n';
  for (const engine of ENGINES.filter((e) => TYPED.includes(e))) {
    const r = rows[engine];
    if (!r || r.error) continue;
    if (r.typed_error) {
      md += `| ${engine} | ${r.typed_error.slice(0, 80)} | | | | | |\n`;
      continue;
    }
    const unanswered = r.typed_unanswered?.length ? ` (${r.typed_unanswered.length} not answered in 60 s)` : '';
    const ms = (v) => (Number.isFinite(v) ? v : '> 60000');
    md += `| ${engine}${unanswered} | ${ms(r.typed_median_ms)} | ${ms(r.typed_p95_ms)} | ${ratio(r.typed_p95_ms, pf.typed_p95_ms)} | ${ms(r.typed_full_median_ms)} / ${ms(r.typed_full_p95_ms)} | ${kb(r.typed_bytes_median)} | ${percentile(r.typed.map((t) => t.requests), 50)} |\n`;
  }
  md += `\nFirst visit on the modelled link: last keystroke to titles, median / p95 ms, KB, requests (a fresh browser profile for each query, ${PHONE.width}×${PHONE.height}; page loaded, box clicked, the query typed ${CHAR_MS} ms a character; bytes and requests from navigation to the titles):\n\n`
    + '| engine | median / p95 ms | × Pagefind median | KB gzip (median) | requests (median) | load event ms (median) | median query |\n|---|---:|---:|---:|---:|---:|---|\n';
  for (const engine of ENGINES.filter((e) => TYPED.includes(e))) {
    const fv = rows[engine]?.first_visit;
    if (!fv) continue;
    if (fv.error) {
      md += `| ${engine} | ${fv.error.slice(0, 80)} | | | | | |\n`;
      continue;
    }
    const ms = (v) => (Number.isFinite(v) ? v : '> 60000');
    const unanswered = fv.unanswered.length ? ` (not answered: ${fv.visits.filter((v) => v.error).map((v) => `\`${v.query}\`, ${v.error.slice(0, 60)}`).join('; ')})` : '';
    md += `| ${engine}${unanswered} | ${ms(fv.median_ms)} / ${ms(fv.p95_ms)} | ${ratio(fv.median_ms, pf.first_visit?.median_ms)} | ${kb(fv.bytes_median)} | ${fv.requests_median} | ${fv.load_median_ms} | \`${fv.median_query}\` |\n`;
  }
  md += `\nThe engine, then a first query (\`${queries[0]}\`), on the modelled link: a fresh profile opens a page that loads the engine and searches at once, with the hints each engine's owner can give it (kamerzoek: engine.js and the wasm; Pagefind: pagefind.js, its worker fetching its wasm); navigation to its first 10 results with titles and excerpts, median of ${LINK_ROUNDS} visits, ms:\n\n`
    + '| engine | median ms | × Pagefind | the visits, ms |\n|---|---:|---:|---|\n';
  for (const engine of ENGINES.filter((e) => TYPED.includes(e))) {
    const cl = rows[engine]?.cold_on_link;
    if (!cl) continue;
    if (cl.error) md += `| ${engine} | ${cl.error.slice(0, 80)} | | |\n`;
    else md += `| ${engine} | ${cl.median_ms} | ${ratio(cl.median_ms, pf.cold_on_link?.median_ms)} | ${cl.times_ms.join(', ')} |\n`;
  }
}
const buildOnly = (process.env.BENCH_BUILD_ONLY ?? '').split(/\s+/).filter(Boolean);
if (buildOnly.length) {
  all.build_only = {};
  md += '\n## The build alone (kamerzoek; archives of `bench/gen-letters.py`, about 2.6 KB a letter)\n\n'
    + '| letters | build s | ms a letter | peak MB | index files | index KB gzip |\n|---:|---:|---:|---:|---:|---:|\n';
  for (const size of buildOnly) {
    const build = JSON.parse(readFileSync(`target/bench/build-${size}/kamerzoek.json`, 'utf8'));
    const files = filesUnder(`target/bench/build-${size}/index`);
    const gz = files.reduce((sum, f) => sum + statSync(f).size, 0);
    all.build_only[size] = { build, index_files: files.length, index_gz: gz };
    md += build.status === 0
      ? `| ${size} | ${build.seconds} | ${(build.seconds * 1000 / size).toFixed(2)} | ${build.peak_rss_mb} | ${files.length} | ${kb(gz)} |\n`
      : `| ${size} | build failed: ${JSON.stringify(build)} | | | | |\n`;
  }
}
md += '\nChecked before writing: kamerzoek\'s hits for every query, first, warm, typed and on each first visit, are the CLI\'s on the same index; every engine\'s first query has hits; on a first visit, Pagefind\'s UI shows results for each query its search finds.\n';
md += '\nFirst query: bytes of every response (gzip -9 of its body, or its size if already gzip) from navigation until the first 10 results are ready with their titles; Pagefind and kamerzoek include excerpts. lunr treats words as optional (any may match), as it does by default; MiniSearch runs with every word required, prefix and fuzzy 0.2; FlexSearch indexes in the page (its cold time includes indexing).\n';

mkdirSync('bench/results', { recursive: true });
const stamp = process.env.BENCH_NAME || machine.date.slice(0, 10);
writeFileSync(`bench/results/${stamp}.json`, `${JSON.stringify(all, null, 1)}\n`);
writeFileSync(`bench/results/${stamp}.md`, md);
console.log(md);

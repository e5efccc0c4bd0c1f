// Shared set-up for the browser tests: serves a built site on 127.0.0.1 in a child process
// (`kamerzoek serve`, stopped by PID), and drives one browser engine, chosen by
// KAMERZOEK_ENGINE: chromium (the default), firefox or webkit (engines/*.mjs). Each gives the
// tests the same page API, Playwright's. Never downloads a browser.

import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, after, test as nodeTest } from 'node:test';

// The engine this run drives; every test's name starts with it, so a failure names it.
export const ENGINE = process.env.KAMERZOEK_ENGINE ?? 'chromium';
const engines = {
  chromium: () => import('./engines/chromium.mjs'),
  firefox: () => import('./engines/firefox.mjs'),
  webkit: () => import('./engines/webkit.mjs'),
};
if (!engines[ENGINE]) throw new Error(`KAMERZOEK_ENGINE=${ENGINE}: not one of ${Object.keys(engines).join(', ')}`);

// node:test's test, named `[engine] name`. `skip: { engine: reason }` skips it in those engines
// only, saying why.
export function test(name, options, fn) {
  if (typeof options === 'function') [options, fn] = [{}, options];
  const { skip, ...rest } = options;
  const reason = skip && typeof skip === 'object' ? skip[ENGINE] : skip;
  return nodeTest(`[${ENGINE}] ${name}`, { ...rest, ...(reason ? { skip: `${ENGINE}: ${reason}` } : {}) }, fn);
}

// `skip` for a test that opens no browser: it runs once, in the chromium run.
const ONCE = 'opens no browser, so runs once, in the chromium run';
export const NO_BROWSER = { firefox: ONCE, webkit: ONCE };

// Where the screenshots of this engine go, for a person to look at.
export const SCREENSHOTS = `target/screenshots/${ENGINE}`;

export const SITE = process.env.KAMERZOEK_SITE ?? 'target/site';
const KAMERZOEK = 'target/release/kamerzoek';

// The Content-Security-Policy the README tells site owners to use, read from the README itself,
// so the test cannot pass under a looser policy than the one documented.
export const README_CSP = (() => {
  const readme = readFileSync('README.md', 'utf8');
  const found = readme.match(/Content-Security-Policy\s*\(`([^`]+)`\)/);
  if (!found) throw new Error('README.md names no Content-Security-Policy');
  return found[1];
})();

// Runs a server in a child process until it prints the address it serves on (its stdout or
// stderr, as `stream` says; what it says after that goes to the tests' stderr). Resolves to
// { url, stop }; `stop` ends it by its PID.
function started(command, args, stream) {
  const child = spawn(command, args, { stdio: ['ignore', stream === 'stdout' ? 'pipe' : 'inherit', stream === 'stderr' ? 'pipe' : 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    const listen = (chunk) => {
      out += chunk;
      const m = out.match(/(http:\/\/127\.0\.0\.1:\d+\/)/);
      if (!m) return;
      child[stream].off('data', listen);
      child[stream].pipe(process.stderr);
      resolve({
        url: m[1],
        stop: () => {
          child.removeAllListeners('exit');
          // Only a child still running: the PID of one that ended may be another process's now.
          if (child.exitCode === null && child.signalCode === null) process.kill(child.pid, 'SIGTERM');
        },
      });
    };
    child.on('error', reject);
    child.on('exit', (code) => reject(new Error(`${command} ${args.join(' ')} exited with ${code}: ${out}`)));
    child[stream].on('data', listen);
  });
}

// Serves `root` as a site owner does: `kamerzoek serve` (the binary under test, built by
// `cargo build --release`, or `binary`) on 127.0.0.1, a port it finds free. Resolves to
// { url, stop }.
export const serve = (root = SITE, { binary = KAMERZOEK } = {}) => started(binary, ['serve', root, '--port', '0'], 'stderr');

// Serves `root` with scripts/static-server.mjs, for a host that does what `kamerzoek serve` must
// not: send a Content-Security-Policy (`csp: true`, the README's; the quick look serves the
// owner's own pages, whose policy is the owner's host's to set), ignore ranges (`ranges: false`,
// as some servers do) or compress as hosts do (`gzip: true`, the benchmark's first visits). Each
// use says why it needs it.
export function staticServer(root = SITE, { csp = false, ranges = true, gzip = false } = {}) {
  const args = ['scripts/static-server.mjs', root, '0', ...(csp ? [`--csp=${README_CSP}`] : []), ...(ranges ? [] : ['--no-range']), ...(gzip ? ['--gzip'] : [])];
  return started(process.execPath, args, 'stdout');
}

// Launches a fresh browser of the engine; resolves to { page, errors, close }. `errors`
// collects console errors and uncaught page errors, which every test expects to stay empty.
export async function openBrowser({ viewport = { width: 1280, height: 900 }, colorScheme = 'light' } = {}) {
  const { open } = await engines[ENGINE]();
  const { page, close } = await open({ viewport, colorScheme });
  const errors = [];
  page.on('console', (msg) => { if (msg.type() === 'error') errors.push(msg.text()); });
  page.on('pageerror', (err) => errors.push(err.message));
  return { page, errors, close };
}

// The page contract the tests rely on: a search box, a result list that is aria-busy while a
// query runs, and results with data-id in rank order. Locators pierce open shadow roots.
export const box = (page) => page.locator('input[type=search]');
export const resultList = (page) => page.locator('[role=listbox][aria-busy]');

// Waits until the result list is no longer busy; returns the letter ids shown, in rank order.
export async function settled(page) {
  await page.locator('[role=listbox][aria-busy="false"]').waitFor({ state: 'attached' });
  return page.locator('[data-id]:visible').evaluateAll((els) => els.map((el) => el.dataset.id));
}

// Types a query into the page's search box and waits for its results.
export async function search(page, query) {
  await box(page).fill(query);
  return settled(page);
}

// The text the widget shows in its status line.
export const statusText = (page) => page.locator('[role=status], [role=alert]').first().innerText();

// Registers hooks that serve the site (`csp: true`: with the README's Content-Security-Policy),
// open one browser and go to the page before the tests of a file, and close both after them.
// The returned object is filled in by then:
// { page, errors, url, browser, server }.
export function pageOnSite({ csp = false, goto = true, ...browserOptions } = {}) {
  const fixture = {};
  before(async () => {
    // A host that sends the README's Content-Security-Policy, which `kamerzoek serve` does not.
    fixture.server = await (csp ? staticServer(SITE, { csp }) : serve(SITE));
    fixture.browser = await openBrowser(browserOptions);
    Object.assign(fixture, { page: fixture.browser.page, errors: fixture.browser.errors, url: fixture.server.url });
    if (goto) await fixture.page.goto(fixture.url);
  });
  after(async () => {
    await fixture.browser?.close();
    fixture.server?.stop();
  });
  return fixture;
}

// Holds back the page's requests for the phrase positions files of the site's index (`p-*.kz`)
// until `release()`: a query that needs them runs and waits. `held()` counts the requests held.
export async function holdPositions(page) {
  let release;
  const gate = new Promise((resolve) => { release = resolve; });
  let held = 0;
  await page.route((url) => /\/index\/p-[0-9a-f]+\.kz$/.test(url.pathname), async (route) => {
    held += 1;
    await gate;
    return route.continue();
  });
  return { release, held: () => held };
}

// A copy of the demo page at `name` whose widget searches the index folder `index` (relative to
// the site), for tests on an index of their own.
export function pageFor(name, index) {
  const html = readFileSync(`${SITE}/index.html`, 'utf8').replace('index="./index/"', `index="${index}"`);
  writeFileSync(`${SITE}/${name}`, html);
  return name;
}

// Builds (once) 600 generated letters into `${SITE}/split-index/`: an index too large for one
// file. Returns { letters, index, number(id), pack(id), cli(query) }, number being the letter's
// number in the index (letters are numbered in file-name order), pack the end of its pack's path.
export function splitIndex() {
  const letters = 'target/browser-split/letters';
  const index = `${SITE}/split-index`;
  const kamerzoek = (...args) => execFileSync(KAMERZOEK, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  if (!existsSync(letters)) kamerzoek('generate', '--count', '600', '--seed', '5', '--out', letters);
  if (!existsSync(`${index}/kamerzoek.idx`)) kamerzoek('build', letters, '--out', index, '--index-only');
  const ids = readdirSync(letters).filter((f) => f.endsWith('.txt')).sort().map((f) => f.slice(0, -4));
  return {
    letters,
    index,
    number: (id) => ids.indexOf(id),
    // Where letter `id` is: the end of its pack's path (64 letters a pack) and the Range header
    // the page asks for it with, read from the pack's header.
    where: (id) => {
      const n = ids.indexOf(id);
      const folder = readdirSync(index).find((f) => f.startsWith('l-'));
      const pack = readFileSync(`${index}/${folder}/${Math.floor(n / 64)}.kz`);
      const offset = (i) => pack.readUInt32LE(12 + 4 * i);
      return { path: `/${Math.floor(n / 64)}.kz`, range: `bytes=${offset(n % 64)}-${offset(n % 64 + 1) - 1}` };
    },
    cli: (query, ...args) => JSON.parse(kamerzoek('search', index, query, '--json', ...args)),
  };
}

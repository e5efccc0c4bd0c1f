// An HTTP proxy on 127.0.0.1 that the Firefox and WebKit browsers send every request through.
// It gives the tests what Playwright's page.route and page.on('request') give them in Chromium,
// the same way in any engine: it sees each request (events 'request', 'response',
// 'requestfailed'), lets a route answer it (fulfill), pass it on (continue) or fail it (abort).
// It also serves the harness's own script (`init`: run before the page's scripts, as
// addInitScript's are), put into each HTML page it passes on, and takes what that script reports.

import { EventEmitter } from 'node:events';
import http from 'node:http';

export const HARNESS_PATH = '/__kamerzoek-harness/';

// An init script that sends the page's console errors and warnings, its uncaught errors and its
// Content-Security-Policy violations to the proxy, which emits them as Playwright's page does
// ('console', 'pageerror'; an Error argument as its String(), as Chromium gives it). Pages that
// do not pass through the proxy (file://) report nothing.
export const REPORTER = `(() => {
  const report = (type, text) => navigator.sendBeacon('${HARNESS_PATH}report', JSON.stringify({ type, text }));
  const format = (v) => (typeof v === 'string' ? v : v instanceof Error ? String(v) : JSON.stringify(v) ?? String(v));
  for (const [method, type] of [['error', 'error'], ['warn', 'warning']]) {
    const original = console[method];
    console[method] = (...args) => { report(type, args.map(format).join(' ')); return original.apply(console, args); };
  }
  // What Chromium logs as a console error of its own: a blocked script, style or wasm compile.
  document.addEventListener('securitypolicyviolation', (e) => report('error', 'Content-Security-Policy: ' + e.violatedDirective + ' blocked ' + e.blockedURI));
  addEventListener('error', (e) => report('pageerror', e.message));
  addEventListener('unhandledrejection', (e) => report('pageerror', e.reason?.message ?? String(e.reason)));
})()`;

// Playwright's URL globs: `**` any characters, `*` any but '/'.
function matcherOf(pattern) {
  if (typeof pattern === 'function') return (url) => pattern(new URL(url));
  if (pattern instanceof RegExp) return (url) => pattern.test(url);
  const re = pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*\*|\*/g, (m) => (m === '**' ? '.*' : '[^/]*'));
  return (url) => new RegExp(`^${re}$`).test(url);
}

// A request as the tests see it: Playwright's Request, in part.
class Request {
  constructor(req) {
    this._url = req.url;
    this._method = req.method;
    this._headers = req.headers;
    this._failure = null;
  }
  url() { return this._url; }
  method() { return this._method; }
  headers() { return this._headers; }
  failure() { return this._failure; }
}

export async function startProxy() {
  const events = new EventEmitter();
  let routes = [];
  let inFlight = 0;
  let lastActivity = Date.now();
  let initScripts = [];

  const server = http.createServer(async (req, res) => {
    const url = req.url;
    if (!/^http:\/\//.test(url)) { res.writeHead(400).end('a proxy request names its whole URL'); return; }
    const path = new URL(url).pathname;
    if (path.startsWith(HARNESS_PATH)) return harness(path.slice(HARNESS_PATH.length), req, res);

    const body = await new Promise((resolve) => {
      const chunks = [];
      req.on('data', (c) => chunks.push(c)).on('end', () => resolve(Buffer.concat(chunks)));
    });
    const request = new Request(req);
    inFlight += 1;
    let done = false;
    const finish = (failure) => {
      if (done) return;
      done = true;
      inFlight -= 1;
      lastActivity = Date.now();
      if (failure) {
        request._failure = { errorText: failure };
        events.emit('requestfailed', request);
      }
    };
    // The browser gave up on it (a cancelled fetch): Chromium's net::ERR_ABORTED.
    res.on('close', () => finish(res.writableFinished ? null : 'net::ERR_ABORTED'));
    events.emit('request', request);

    const respond = (status, headers, content) => {
      if (res.destroyed) return;
      events.emit('response', { url: () => url, status: () => status, headers: () => headers, request: () => request });
      res.writeHead(status, headers).end(content);
    };
    const pass = () => new Promise((resolve) => {
      const upstream = http.request(url, { method: req.method, headers: req.headers }, (up) => {
        const headers = { ...up.headers };
        const html = /text\/html/.test(headers['content-type'] ?? '') && !headers['content-encoding'];
        const chunks = [];
        up.on('data', (c) => chunks.push(c)).on('end', () => {
          let content = Buffer.concat(chunks);
          if (html && initScripts.length) {
            content = Buffer.from(withInit(content.toString('utf8')));
            headers['content-length'] = String(content.length);
          }
          respond(up.statusCode, headers, content);
          resolve();
        });
        up.on('error', () => { res.destroy(); resolve(); });
      });
      // The server is gone (a test stopped it to be offline): the browser sees a network error.
      upstream.on('error', () => { res.destroy(); resolve(); });
      res.on('close', () => upstream.destroy());
      upstream.end(body);
    });

    const route = routes.find((r) => r.matches(url));
    if (!route) return pass();
    let handled = false;
    const once = (what) => {
      if (handled) throw new Error(`route already handled: ${url}`);
      if (res.destroyed) throw new Error(`request cancelled: ${url}`);
      handled = what;
    };
    // A handler that throws fails the request, as an unanswered route would, and says why.
    await Promise.resolve().then(() => route.handler({
      request: () => request,
      fulfill: async ({ status = 200, body: content = '', headers = {}, contentType } = {}) => {
        once('fulfill');
        const all = { ...headers, ...(contentType ? { 'content-type': contentType } : {}) };
        respond(status, all, typeof content === 'string' ? Buffer.from(content) : content);
      },
      continue: async () => { once('continue'); await pass(); },
      abort: async () => { once('abort'); res.destroy(); },
    })).catch((err) => {
      process.stderr.write(`proxy: the route for ${url} threw: ${err.stack}\n`);
      res.destroy();
    });
  });

  // Puts a <script> that loads the init scripts first into an HTML page (after <head>, so that a
  // doctype stays first). Same-origin, so a page's 'self' Content-Security-Policy lets it run.
  const withInit = (html) => {
    const tag = `<script src="${HARNESS_PATH}init.js"></script>`;
    const head = html.match(/<head[^>]*>/i);
    if (head) return html.replace(head[0], head[0] + tag);
    const doctype = html.match(/^\s*<!doctype[^>]*>/i);
    return doctype ? doctype[0] + tag + html.slice(doctype[0].length) : tag + html;
  };

  function harness(name, req, res) {
    if (name === 'init.js') {
      res.writeHead(200, { 'content-type': 'text/javascript', 'cache-control': 'no-store' });
      res.end(`document.currentScript.remove();\n${initScripts.join(';\n')}`);
      return;
    }
    // What the init script reports: { type, text } (console messages and uncaught errors).
    const chunks = [];
    req.on('data', (c) => chunks.push(c)).on('end', () => {
      res.writeHead(204).end();
      let report;
      try { report = JSON.parse(Buffer.concat(chunks).toString('utf8')); } catch { return; }
      if (report.type === 'pageerror') events.emit('pageerror', new Error(report.text));
      else events.emit('console', { type: () => report.type, text: () => report.text });
    });
  }

  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return Object.assign(events, {
    port: server.address().port,
    route: async (pattern, handler) => { routes.unshift({ matches: matcherOf(pattern), handler }); },
    unrouteAll: async () => { routes = []; },
    addInitScript: (script) => { initScripts.push(script); },
    // Resolves once no request has been in flight for `quiet` ms.
    idle: async (quiet) => {
      while (inFlight > 0 || Date.now() - lastActivity < quiet) await new Promise((r) => setTimeout(r, 50));
    },
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(resolve); }),
  });
}

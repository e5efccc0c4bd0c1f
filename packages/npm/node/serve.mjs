// `npx kamerzoek serve DIR`: the native `kamerzoek serve` (src/cli/serve/), in Node, since the
// command line under WASI has no sockets. The same answers: 127.0.0.1 only, GET and HEAD, the
// types a browser needs to run the engine, one range of bytes, and the same refusals (a path out
// of the folder or into its hidden files, a host that is not this server, a head too slow or too
// large, too many connections), each connection closed after its answer.

import { createServer } from 'node:http';
import { createReadStream, realpathSync, statSync } from 'node:fs';
import { extname, isAbsolute, join, relative, sep } from 'node:path';
import { isIP } from 'node:net';

// The native server's bounds (src/cli/serve/mod.rs, slots.rs).
const MAX_HEAD = 8 * 1024;
const HEAD_DEADLINE_MS = 10_000;
const ANSWER_DEADLINE_MS = 30_000;
const MAX_CONNECTIONS = 64;

// The types a browser needs (src/cli/serve/http.rs `content_type`); also scripts/static-server.mjs's.
export const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/plain; charset=utf-8',
  '.pdf': 'application/pdf',
};

/**
 * Serves `dir` on 127.0.0.1:`port` (0: any free port) until the process is stopped; resolves
 * with an exit code only if the port cannot be had.
 */
export function serve(dir, port) {
  const root = realpathSync(dir);
  let open = 0;
  // The head within 10 s, checked every second (Node checks every 30 s by default); the whole
  // answer within 30 s, however slowly it is taken; a request with no Host answered, as natively.
  const server = createServer({
    maxHeaderSize: MAX_HEAD, headersTimeout: HEAD_DEADLINE_MS, requestTimeout: HEAD_DEADLINE_MS,
    connectionsCheckingInterval: 1000, requireHostHeader: false,
  }, (req, res) => {
    const deadline = setTimeout(() => res.destroy(), ANSWER_DEADLINE_MS);
    res.on('close', () => clearTimeout(deadline));
    try {
      answer(req, res, root, server.address().address);
    } catch {
      // The file went between finding and reading it (a rebuild): as natively, not found.
      if (!res.headersSent) reply(res, 404, 'not found', req.method === 'HEAD');
      else res.destroy();
    }
  });
  server.keepAliveTimeout = 0;
  server.on('connection', (socket) => {
    if (open >= MAX_CONNECTIONS) {
      status(socket, 503, 'too many connections, try again');
      return;
    }
    open++;
    socket.on('close', () => open--);
  });
  // A head too large, cut off or too slow, or no HTTP at all.
  server.on('clientError', (err, socket) => {
    if (!socket.writable) return socket.destroy();
    // A method other than GET and HEAD on a request line of three parts is 405, as natively.
    const line = String(err.rawPacket ?? '').split('\r\n')[0].split(/\s+/).filter(Boolean);
    if (err.code === 'HPE_INVALID_METHOD' && line.length === 3) return status(socket, 405, 'only GET and HEAD', 'Allow: GET, HEAD\r\n');
    status(socket, 400, err.code === 'HPE_INVALID_METHOD' ? 'not an HTTP request' : 'request head too large, cut off or too slow');
  });
  return new Promise((resolveCode) => {
    server.on('error', (err) => {
      // In the system's words, as the native command line says them.
      const said = { EADDRINUSE: 'Address already in use', EACCES: 'Permission denied', EADDRNOTAVAIL: 'Cannot assign requested address' };
      process.stderr.write(`kamerzoek: error: port ${port}: ${said[err.code] ?? err.message}\n`);
      resolveCode(1);
    });
    server.listen(port, '127.0.0.1', () => {
      const { address, port: bound } = server.address();
      process.stderr.write(`serving ${dir} at http://${address}:${bound}/ (Ctrl-C stops)\n`);
    });
  });
}

function answer(req, res, root, bound) {
  const head = req.method === 'HEAD';
  if (req.method !== 'GET' && !head) return reply(res, 405, 'only GET and HEAD', false, { Allow: 'GET, HEAD' });
  const [path, authority] = originForm(req.url ?? '/');
  const host = authority ?? req.headers.host;
  if (host !== undefined && !hostAllowed(host, bound)) return reply(res, 403, 'this server answers only for 127.0.0.1', head);
  const file = resolvePath(root, path);
  if (!file) return reply(res, 404, 'not found', head);
  const length = statSync(file).size;
  const range = req.headers.range === undefined ? 'whole' : byteRange(req.headers.range, length);
  if (range === 'unsatisfiable') {
    res.writeHead(416, 'Range Not Satisfiable', { 'Content-Range': `bytes */${length}`, 'Content-Length': 0, Connection: 'close' });
    return res.end();
  }
  const [start, end] = range === 'whole' ? [0, length - 1] : range;
  const headers = {
    'Content-Type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
    'Content-Length': Math.max(0, end + 1 - start),
    ...(range === 'whole' ? {} : { 'Content-Range': `bytes ${start}-${end}/${length}` }),
    'Accept-Ranges': 'bytes',
    'Cache-Control': 'no-cache',
    'X-Content-Type-Options': 'nosniff',
    Connection: 'close',
  };
  res.writeHead(range === 'whole' ? 200 : 206, range === 'whole' ? 'OK' : 'Partial Content', headers);
  if (head || length === 0) return res.end();
  createReadStream(file, { start, end }).on('error', () => res.destroy()).pipe(res);
}

function reply(res, code, text, head, extra = {}) {
  res.writeHead(code, text, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(text) + 1, ...extra, Connection: 'close' });
  res.end(head ? undefined : `${text}\n`);
}

function status(socket, code, text, extra = '') {
  const body = `${text}\n`;
  socket.end(`HTTP/1.1 ${code} ${text}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n${extra}Connection: close\r\n\r\n${body}`);
}

// The path of a target, also of one in absolute form, and the authority of the absolute form.
function originForm(target) {
  for (const scheme of ['http://', 'https://']) {
    if (target.startsWith(scheme)) {
      const rest = target.slice(scheme.length);
      const at = rest.indexOf('/');
      return at < 0 ? ['/', rest] : [rest.slice(at), rest.slice(0, at)];
    }
  }
  return [target, undefined];
}

// A loopback name or address, or the address bound to, with any port (DNS rebinding is refused).
function hostAllowed(value, bound) {
  const host = value.trim().toLowerCase();
  let name;
  if (host.startsWith('[')) name = host.slice(1).split(']')[0];
  else {
    const colon = host.lastIndexOf(':');
    name = colon < 0 ? host : /^\d*$/.test(host.slice(colon + 1)) ? host.slice(0, colon) : '';
  }
  // Every spelling of ::1 (`0:0:0:0:0:0:0:1`), as the native server parses the address.
  const v6 = isIP(name) === 6 && new URL(`http://[${name}]/`).hostname === '[::1]';
  const loopback = (isIP(name) === 4 && name.startsWith('127.')) || v6;
  return loopback || name === 'localhost' || name.endsWith('.localhost') || name === bound;
}

// The file a target names inside `root`, or null: no `..`, NUL or backslash, no hidden name, not
// out of the folder through a link, `index.html` for a folder.
function resolvePath(root, target) {
  const path = target.split(/[?#]/)[0];
  let decoded;
  try {
    decoded = percentDecode(path);
  } catch {
    return null;
  }
  if (!decoded.startsWith('/') || decoded.includes('\0') || decoded.includes('\\')) return null;
  const segments = decoded.split('/').filter(Boolean);
  if (segments.some((s) => s.startsWith('.'))) return null;
  let full = join(root, ...segments);
  try {
    if (statSync(full).isDirectory()) full = join(full, 'index.html');
    const real = realpathSync(full);
    const inside = relative(root, real);
    // On Windows a link to another drive is an absolute path from here.
    if (isAbsolute(inside) || inside.startsWith('..') || inside.split(sep).some((c) => c.startsWith('.'))) return null;
    return statSync(real).isFile() ? real : null;
  } catch {
    return null;
  }
}

// Percent-decoding to UTF-8, refusing a bad escape or bytes that are no UTF-8.
function percentDecode(text) {
  const bytes = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '%') {
      const hex = text.slice(i + 1, i + 3);
      if (!/^[0-9a-fA-F]{2}$/.test(hex)) throw new Error('bad escape');
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else bytes.push(...Buffer.from(text[i]));
  }
  return new TextDecoder('utf-8', { fatal: true }).decode(new Uint8Array(bytes));
}

// `bytes=A-B`, `bytes=A-` or `bytes=-N` (src/cli/serve/http.rs `byte_range`): [first, last],
// 'unsatisfiable', or 'whole' where the header is to be ignored.
function byteRange(value, length) {
  if (!value.startsWith('bytes=') || !value.includes('-')) return 'whole';
  const [fromText, toText] = [value.slice(6, value.indexOf('-')).trim(), value.slice(value.indexOf('-') + 1).trim()];
  // Digits that fit in 64 bits, as the native server's u64; a larger number is no range.
  const number = (t) => (/^\d+$/.test(t) && BigInt(t) < 2n ** 64n ? Number(t) : null);
  let from;
  let to;
  if (fromText === '' && toText === '') return 'whole';
  if (fromText === '') [from, to] = [null, number(toText)];
  else if (toText === '') [from, to] = [number(fromText), null];
  else {
    [from, to] = [number(fromText), number(toText)];
    if (from === null || to === null || to < from) return 'whole';
  }
  let start;
  let end;
  if (from === null && to === 0) return 'unsatisfiable';
  if (from === null && to !== null) [start, end] = [Math.max(0, length - to), Infinity];
  else if (from !== null && to === null) [start, end] = [from, Infinity];
  else if (from !== null && to !== null) [start, end] = [from, to];
  else return 'whole';
  if (length === 0 || start > length - 1) return 'unsatisfiable';
  return [start, Math.min(end, length - 1)];
}

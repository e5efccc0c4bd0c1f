// A static file server for the built page, on 127.0.0.1 only, for the browser tests and the
// benchmark that need a host other than `kamerzoek serve` (which the other tests use). Serves
// application/wasm with the right type, and sends a Content-Security-Policy with --csp=POLICY, so
// tests see what a hardened host sends (the tests pass the policy the README tells site owners to use).
// Answers a Range request (one range of bytes) with 206, as static hosts do; --no-range
// ignores ranges and sends whole files, as some servers do (tests of both). --gzip compresses a
// whole file that is not gzip already (scripts, styles, the wasm) for a browser that accepts it,
// as most hosts do, and sends a file stored gzip (index files, which the engine unpacks) as it is:
// the benchmark's first visits pay what a visitor pays.
// Prints "serving http://127.0.0.1:PORT/" once it listens (PORT 0 picks a free one).
//   node scripts/static-server.mjs ROOT [PORT] [--csp=POLICY] [--no-range] [--gzip]

import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
// The types `kamerzoek serve` sends, as the npm package's serve sends them.
import { TYPES } from '../packages/npm/node/serve.mjs';

const args = process.argv.slice(2);
const csp = args.find((a) => a.startsWith('--csp='))?.slice('--csp='.length);
const ranges = !args.includes('--no-range');
const compress = args.includes('--gzip');
const [rootArg, portArg = '8000'] = args.filter((a) => !a.startsWith('--'));
if (!rootArg) {
  console.error('usage: node scripts/static-server.mjs ROOT [PORT] [--csp=POLICY] [--no-range] [--gzip]');
  process.exit(2);
}

const packed = new Map(); // file -> its gzip -9, made once
const gzipped = (file, body) => {
  if (!packed.has(file)) packed.set(file, gzipSync(body, { level: 9 }));
  return packed.get(file);
};
const root = resolve(rootArg);

async function resolvePath(urlPath) {
  const path = normalize(decodeURIComponent(urlPath.split('?')[0]));
  const file = join(root, path);
  if (file !== root && !file.startsWith(root + sep)) return null;
  const info = await stat(file).catch(() => null);
  if (info?.isDirectory()) return join(file, 'index.html');
  return info ? file : null;
}

const server = createServer(async (req, res) => {
  const headers = { 'Cache-Control': 'no-cache' };
  if (csp) headers['Content-Security-Policy'] = csp;
  try {
    const file = await resolvePath(req.url ?? '/');
    const body = file && await readFile(file);
    if (!body) {
      res.writeHead(404, { ...headers, 'Content-Type': 'text/plain' }).end('not found\n');
      return;
    }
    headers['Content-Type'] = TYPES[extname(file)] ?? 'application/octet-stream';
    const range = ranges && /^bytes=(\d*)-(\d*)$/.exec(req.headers.range ?? '');
    if (range && (range[1] || range[2])) {
      // bytes=A-B, bytes=A- or bytes=-N (the last N); B past the end means the end.
      const size = body.length;
      const start = range[1] ? Number(range[1]) : Math.max(0, size - Number(range[2]));
      const end = range[1] && range[2] ? Math.min(Number(range[2]), size - 1) : size - 1;
      if (start >= size || start > end) {
        res.writeHead(416, { ...headers, 'Content-Range': `bytes */${size}` }).end();
        return;
      }
      headers['Content-Range'] = `bytes ${start}-${end}/${size}`;
      headers['Content-Length'] = end + 1 - start;
      headers['Accept-Ranges'] = 'bytes';
      res.writeHead(206, headers).end(req.method === 'HEAD' ? undefined : body.subarray(start, end + 1));
      return;
    }
    if (ranges) headers['Accept-Ranges'] = 'bytes';
    const stored = body[0] === 0x1f && body[1] === 0x8b;
    const accepts = /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
    const send = compress && !stored && accepts ? gzipped(file, body) : body;
    if (compress) headers.Vary = 'Accept-Encoding';
    if (send !== body) headers['Content-Encoding'] = 'gzip';
    headers['Content-Length'] = send.length;
    res.writeHead(200, headers).end(req.method === 'HEAD' ? undefined : send);
  } catch (err) {
    res.writeHead(400, { ...headers, 'Content-Type': 'text/plain' }).end(`${err.message}\n`);
  }
});

server.listen(Number(portArg), '127.0.0.1', () => {
  console.log(`serving http://127.0.0.1:${server.address().port}/`);
});

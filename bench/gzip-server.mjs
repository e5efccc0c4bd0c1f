// The host of the first-visit scenario (bench/measure.mjs): a static server on 127.0.0.1 that
// compresses as static hosts do. A first visit downloads the code (scripts, styles, wasm), which
// scripts/static-server.mjs sends uncompressed: on the modelled link that would cost each engine
// its raw sizes, where a visitor pays gzip (what the benchmark counts). Here a whole file that is
// not gzip already is sent gzip -9 (Content-Encoding: gzip) to a browser that accepts it; a file
// stored gzip (kamerzoek's and Pagefind's index files, which their engines unpack) is sent as it
// is; a Range request (kamerzoek's letters) is answered with 206 and the bytes asked for, as
// scripts/static-server.mjs does.
// Prints "serving http://127.0.0.1:PORT/" once it listens (PORT 0 picks a free one).
//   node bench/gzip-server.mjs ROOT [PORT]

import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

const [rootArg, portArg = '0'] = process.argv.slice(2);
if (!rootArg) {
  console.error('usage: node bench/gzip-server.mjs ROOT [PORT]');
  process.exit(2);
}
const root = resolve(rootArg);

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

const packed = new Map(); // file -> its gzip -9, made once
const gzipped = (file, body) => {
  if (!packed.has(file)) packed.set(file, gzipSync(body, { level: 9 }));
  return packed.get(file);
};

async function resolvePath(urlPath) {
  const path = normalize(decodeURIComponent(urlPath.split('?')[0]));
  const file = join(root, path);
  if (file !== root && !file.startsWith(root + sep)) return null;
  const info = await stat(file).catch(() => null);
  if (info?.isDirectory()) return join(file, 'index.html');
  return info ? file : null;
}

const server = createServer(async (req, res) => {
  const headers = { 'Cache-Control': 'no-cache', Vary: 'Accept-Encoding' };
  try {
    const file = await resolvePath(req.url ?? '/');
    const body = file && await readFile(file);
    if (!body) {
      res.writeHead(404, { ...headers, 'Content-Type': 'text/plain' }).end('not found\n');
      return;
    }
    headers['Content-Type'] = TYPES[extname(file)] ?? 'application/octet-stream';
    headers['Accept-Ranges'] = 'bytes';
    const range = /^bytes=(\d*)-(\d*)$/.exec(req.headers.range ?? '');
    if (range && (range[1] || range[2])) {
      const size = body.length;
      const start = range[1] ? Number(range[1]) : Math.max(0, size - Number(range[2]));
      const end = range[1] && range[2] ? Math.min(Number(range[2]), size - 1) : size - 1;
      if (start >= size || start > end) {
        res.writeHead(416, { ...headers, 'Content-Range': `bytes */${size}` }).end();
        return;
      }
      headers['Content-Range'] = `bytes ${start}-${end}/${size}`;
      headers['Content-Length'] = end + 1 - start;
      res.writeHead(206, headers).end(req.method === 'HEAD' ? undefined : body.subarray(start, end + 1));
      return;
    }
    const stored = body[0] === 0x1f && body[1] === 0x8b;
    const send = !stored && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '') ? gzipped(file, body) : body;
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

// A static file server for the built page, on 127.0.0.1 only. Serves application/wasm with the
// right type, and sends a Content-Security-Policy with --csp=POLICY, so tests see what a
// hardened host sends (the tests pass the policy the README tells site owners to use).
// Prints "serving http://127.0.0.1:PORT/" once it listens (PORT 0 picks a free one).
//   node scripts/static-server.mjs ROOT [PORT] [--csp=POLICY]

import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';

const args = process.argv.slice(2);
const csp = args.find((a) => a.startsWith('--csp='))?.slice('--csp='.length);
const [rootArg, portArg = '8000'] = args.filter((a) => !a.startsWith('--csp='));
if (!rootArg) {
  console.error('usage: node scripts/static-server.mjs ROOT [PORT] [--csp=POLICY]');
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
    res.writeHead(200, headers).end(req.method === 'HEAD' ? undefined : body);
  } catch (err) {
    res.writeHead(400, { ...headers, 'Content-Type': 'text/plain' }).end(`${err.message}\n`);
  }
});

server.listen(Number(portArg), '127.0.0.1', () => {
  console.log(`serving http://127.0.0.1:${server.address().port}/`);
});

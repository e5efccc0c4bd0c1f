// `npx kamerzoek serve` is served by Node (WASI has no sockets): for the same requests it gives
// the native `kamerzoek serve`'s answers (status, type, length, range, body) and refusals.

import assert from 'node:assert/strict';
import { test, after } from 'node:test';
import { spawn } from 'node:child_process';
import { connect } from 'node:net';

const SITE = 'target/site';
const servers = [];
after(() => servers.forEach((s) => s.kill()));

// Starts a server; its port, from the line it says.
function start(command, args) {
  const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  servers.push(child);
  return new Promise((resolve, reject) => {
    let said = '';
    child.stderr.on('data', (d) => {
      said += d;
      const m = /serving \S+ at http:\/\/127\.0\.0\.1:(\d+)\//.exec(said);
      if (m) resolve(Number(m[1]));
    });
    child.on('exit', (code) => reject(new Error(`${command} exited ${code}: ${said}`)));
  });
}

// A raw request (as written, not normalized by a client); the answer's status, headers that
// matter, and body.
function ask(port, request) {
  return new Promise((resolve, reject) => {
    // Written, not ended: each server closes the connection after its answer.
    const socket = connect(port, '127.0.0.1', () => socket.write(request));
    const chunks = [];
    socket.on('data', (d) => chunks.push(d));
    socket.on('error', reject);
    socket.on('close', () => {
      const raw = Buffer.concat(chunks);
      const split = raw.indexOf('\r\n\r\n');
      const head = raw.subarray(0, split).toString('latin1').split('\r\n');
      const headers = Object.fromEntries(head.slice(1).map((l) => l.split(/:\s*/, 2)).map(([k, v]) => [k.toLowerCase(), v]));
      const keep = ['content-type', 'content-length', 'content-range', 'accept-ranges', 'allow', 'x-content-type-options'];
      resolve({
        status: head[0].split(' ').slice(1).join(' '), // the code and its words
        headers: Object.fromEntries(keep.filter((k) => k in headers).map((k) => [k, headers[k]])),
        body: raw.subarray(split + 4).toString('base64'),
      });
    });
  });
}

test('the same requests get the same answers and refusals', async () => {
  const [native, npm] = await Promise.all([
    start('target/release/kamerzoek', ['serve', SITE, '--port', '0']),
    start('node', ['packages/npm/bin/kamerzoek.mjs', 'serve', SITE, '--port', '0']),
  ]);
  const get = (path, extra = '') => `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\n${extra}\r\n`;
  const requests = [
    get('/'),
    get('/engine.js'),
    `HEAD /engine.js HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`,
    get('/pkg/kamerzoek_bg.wasm.gz', 'Range: bytes=0-99\r\n'),
    get('/engine.js', 'Range: bytes=-10\r\n'),
    get('/engine.js', 'Range: bytes=5-2\r\n'),
    get('/engine.js', 'Range: bytes=99999999-\r\n'),
    get('/index/kamerzoek.idx'),
    get('/index/kamerzoek.idx?v=2#x'),
    get('/../Cargo.toml'),
    get('/%2e%2e/Cargo.toml'),
    get('/index/..%2f..%2fCargo.toml'),
    get('/.well-known/x'),
    get('/no/such/file'),
    get('/%ff'),
    `POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\n\r\n`,
    `GET / HTTP/1.1\r\nHost: evil.example\r\n\r\n`,
    `GET / HTTP/1.1\r\nHost: localhost:1234\r\n\r\n`,
    `GET http://127.0.0.1/engine.js HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`,
    `GET / HTTP/1.1\r\nHost: [0:0:0:0:0:0:0:1]:80\r\n\r\n`,
    `GET /engine.js HTTP/1.1\r\n\r\n`,
    get('/engine.js', 'Range: bytes=99999999999999999999999-\r\n'),
    `FOO / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`,
  ];
  for (const request of requests) {
    const [a, b] = await Promise.all([ask(npm, request), ask(native, request)]);
    assert.deepEqual(a, b, request.split('\r\n')[0] + ' ' + request.split('\r\n').slice(1).join(' '));
  }
  // Not all alike: pages, ranges and refusals were among them.
  const statuses = new Set();
  for (const request of requests) statuses.add((await ask(native, request)).status.split(' ')[0]);
  assert.deepEqual([...statuses].sort(), ['200', '206', '403', '404', '405', '416']);
});

test('a request head that is no HTTP, or too large, is refused', async () => {
  const port = await start('node', ['packages/npm/bin/kamerzoek.mjs', 'serve', SITE, '--port', '0']);
  assert.equal((await ask(port, 'HELLO\r\n\r\n')).status, '400 not an HTTP request');
  assert.equal((await ask(port, `GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX: ${'a'.repeat(9000)}\r\n\r\n`)).status, '400 request head too large, cut off or too slow');
});

test('a port that is taken is the same error', async () => {
  const port = await start('target/release/kamerzoek', ['serve', SITE, '--port', '0']);
  const run = (command, args) => new Promise((resolve) => {
    const child = spawn(command, [...args, 'serve', SITE, '--port', String(port)], { stdio: ['ignore', 'ignore', 'pipe'] });
    let said = '';
    child.stderr.on('data', (d) => { said += d; });
    child.on('exit', (code) => resolve({ code, said }));
  });
  const [npm, native] = [await run('node', ['packages/npm/bin/kamerzoek.mjs']), await run('target/release/kamerzoek', [])];
  assert.deepEqual(npm, native);
  assert.equal(native.code, 1);
  assert.match(native.said, /^kamerzoek: error: port \d+: Address already in use\n$/);
});

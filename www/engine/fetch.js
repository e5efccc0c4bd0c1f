// Fetching the files of an index folder: each response read with a bound on its bytes and a
// stall timeout, unpacked (gzip) with the same bound, so a crafted index or a broken server
// cannot make the browser hold more than the index says its files are, or wait forever.

import { IndexError, aborted } from './errors.js';

// A response that sends nothing for this long is given up as a network failure: the query
// answers without its file (marked incomplete) and the next query asks for it again, where a
// stalled connection would hold every query that needs the file, sharing its fetch, for as long
// as the browser keeps it open. Any bytes that come start the wait again, so a slow link is no stall.
const STALL_MS = 20_000;

// The bytes of a response, unpacked, at most `limit` of them: a crafted index cannot make the
// browser unpack a gzip bomb. A server may send the stored gzip bytes as they are (unpacked
// here) or mark them Content-Encoding: gzip (the browser unpacks them; counted all the same).
export async function fetchBytes(url, limit, signal, priority) {
  return (await fetchFile(url, limit, signal, priority)).bytes;
}

// The same, with whether the server says it answers ranges (see `fetchRaw`).
export async function fetchFile(url, limit, signal, priority) {
  const { body, ranges } = await fetchRaw(url, limit + 2, signal, undefined, priority);
  return { bytes: await unpack(body, limit, url, signal), ranges };
}

// A response's bytes as sent, at most `limit`; with `range` ([start, end)), asked for with a
// Range request: `partial` says whether the server sent just that range, `ranges` whether it
// says it answers them (`Accept-Ranges: bytes`, readable on the page's own origin).
export async function fetchRaw(url, limit, signal, range, priority = 'auto') {
  const stall = new AbortController();
  // Browsers without AbortSignal.any (before 2024) wait as long as the connection does.
  const both = !signal ? stall.signal : AbortSignal.any?.([signal, stall.signal]);
  let timer;
  const alive = () => {
    clearTimeout(timer);
    if (both) timer = setTimeout(() => stall.abort(), STALL_MS);
  };
  const failed = (err) => {
    if (signal?.aborted) return aborted();
    if (err instanceof IndexError) return err;
    if (stall.signal.aborted) return new IndexError('network', `${url}: nothing came for ${STALL_MS / 1000} s`, err);
    return new IndexError('network', `${url}: ${err.message}`, err);
  };
  alive();
  try {
    return await fetchResponse(url, limit, both ?? signal, range, priority, alive);
  } catch (err) {
    throw failed(err);
  } finally {
    clearTimeout(timer);
  }
}

async function fetchResponse(url, limit, signal, range, priority, alive) {
  const headers = range ? { Range: `bytes=${range[0]}-${range[1] - 1}` } : undefined;
  const response = await fetch(url, { signal, headers, priority });
  alive();
  if (response.status === 404 || response.status === 410) {
    throw new IndexError('missing', `${url}: ${response.status} ${response.statusText}`);
  }
  // A range past the file's end: the pack's header named bytes the pack does not have.
  if (response.status === 416) throw new IndexError('damaged', `${url}: no such bytes in the file`);
  if (!response.ok) throw new IndexError('network', `${url}: ${response.status} ${response.statusText}`);
  const body = response.body ? await readAll(response.body, limit, url, alive) : new Uint8Array();
  const ranges = response.status === 206 || response.headers.get('accept-ranges') === 'bytes';
  return { body, partial: response.status === 206, ranges };
}

// Stored bytes unpacked (gzip), or as they came (unpacked by the server), at most `limit`.
export async function unpack(body, limit, url, signal) {
  try {
    if (body[0] !== 0x1f || body[1] !== 0x8b) {
      if (body.length > limit) throw new IndexError('damaged', `${url}: larger than the index says its files are`);
      return body;
    }
    const unpacked = new Blob([body]).stream().pipeThrough(new DecompressionStream('gzip'));
    return await readAll(unpacked, limit, url);
  } catch (err) {
    if (signal?.aborted) throw aborted();
    if (err instanceof IndexError) throw err;
    throw new IndexError('damaged', `${url}: damaged gzip (${err.message})`, err);
  }
}

// Every chunk of a stream, refusing more than `limit` bytes.
async function readAll(stream, limit, url = 'a file', alive = () => {}) {
  const reader = stream.getReader();
  const chunks = [];
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    alive();
    length += value.length;
    if (length > limit) {
      reader.cancel().catch(() => {});
      throw new IndexError('damaged', `${url}: unpacks to more than the index says its files are (${limit} bytes)`);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

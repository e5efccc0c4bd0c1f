#!/usr/bin/env node
// `npx kamerzoek`: the kamerzoek command line with nothing but Node.js (node/run.mjs runs the
// native one's code, compiled for WASI). WASI has no sockets: `serve` and `build --serve` check
// their folder there, as natively, and are served here (node/serve.mjs).

import { run } from '../node/run.mjs';

// The exit code by which the command line asks Node to serve the folder it checked
// (`src/cli/serve/mod.rs`).
const SERVE_IN_NODE = 75;

// What `serve DIR [--port N]` or `build ... --out DIR --serve [--port N]` serves: the command
// line has checked both (the folder, the port a number of 0 to 65535).
function served(args) {
  let dir;
  let port = 8000;
  let positional = false; // after `--`, every argument is one
  for (let i = 1; i < args.length; i++) {
    const option = !positional && args[i].startsWith('-') && args[i] !== '-';
    if (!positional && args[i] === '--') {
      positional = true;
      continue;
    }
    const [flag, inline] = option && args[i].startsWith('--') ? args[i].split(/=(.*)/s) : [args[i]];
    const value = () => inline ?? args[++i];
    if (option && flag === '--port') port = Number(value());
    else if (option && flag === '--out') dir = value();
    else if (option && ['--synonyms', '--precache-max'].includes(flag)) value();
    else if (!option && args[0] === 'serve' && dir === undefined) dir = args[i];
  }
  return { dir, port };
}

const args = process.argv.slice(2);
const code = await run(args);
if (code === SERVE_IN_NODE) {
  const { serve } = await import('../node/serve.mjs');
  const { dir, port } = served(args);
  process.exitCode = await serve(dir, port);
} else {
  process.exitCode = code;
}

// Paths as the command line under WASI sees them. On Linux and macOS the whole file system is
// opened to it at `/`, so a path is itself. On Windows each drive is opened at `/<letter>`
// (`C:\site` is `/c/site`), and an argument that is a Windows path is given in that form.

import { existsSync } from 'node:fs';

const WINDOWS = process.platform === 'win32';

/** The folders opened to the command line: guest path -> host path. */
export function preopens() {
  if (!WINDOWS) return { '/': '/' };
  const open = {};
  for (const letter of 'abcdefghijklmnopqrstuvwxyz') {
    if (existsSync(`${letter}:\\`)) open[`/${letter}`] = `${letter}:\\`;
  }
  return open;
}

/** An argument as the command line must see it: a Windows path in its `/c/...` form. */
export function guest(arg) {
  if (!WINDOWS) return arg;
  // `--out=C:\site`: the value mapped, the flag kept.
  const inline = /^(--[a-z-]+=)(.*)$/s.exec(arg);
  if (inline) return inline[1] + guest(inline[2]);
  const drive = /^([A-Za-z]):[\\/]/.exec(arg);
  if (drive) return `/${drive[1].toLowerCase()}/${arg.slice(3).replaceAll('\\', '/')}`;
  // A relative path written with backslashes (`letters\2024`).
  return /^[^\s"']+\\[^\s"']*$/.test(arg) ? arg.replaceAll('\\', '/') : arg;
}

// WebKit: Debian's WebKitWebDriver (webkit2gtk-driver) driving MiniBrowser, over the W3C
// WebDriver HTTP API, spoken here with fetch(): a dozen commands, less than a client library's
// set-up. MiniBrowser needs a display, so each browser gets its own Xvfb; both are stopped by
// PID. Requests go through the harness's proxy (proxy.mjs), which also carries what the page
// logs and throws back to the test (WebDriver classic reports neither).

import { spawn } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { Page } from './page.mjs';
import { REPORTER, startProxy } from './proxy.mjs';

const MINIBROWSER = process.env.MINIBROWSER ?? [
  '/usr/lib/x86_64-linux-gnu/webkitgtk-6.0/MiniBrowser',
  '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
].find(existsSync);

// WebDriver's codes for the keys that are not characters.
const KEYS = {
  Enter: '\uE007', Tab: '\uE004', Escape: '\uE00C', Backspace: '\uE003', Delete: '\uE017',
  ArrowLeft: '\uE012', ArrowUp: '\uE013', ArrowRight: '\uE014', ArrowDown: '\uE015',
  Home: '\uE011', End: '\uE010', PageUp: '\uE00E', PageDown: '\uE00F',
  Shift: '\uE008', Control: '\uE009', Alt: '\uE00A', Meta: '\uE03D', Space: ' ',
};


const freePort = () => new Promise((resolve) => {
  const s = createServer().listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
});

// Starts a child and returns a function that stops it by its PID, if it still runs.
// Stopped too when the test process ends before closing the browser.
function child(command, args, options) {
  const c = spawn(command, args, options);
  c.on('error', () => {});
  const stop = () => { if (c.exitCode === null && c.signalCode === null) process.kill(c.pid, 'SIGTERM'); };
  process.on('exit', stop);
  return { process: c, stop: () => { process.off('exit', stop); stop(); } };
}

async function startXvfb() {
  const x = child('Xvfb', ['-displayfd', '3', '-screen', '0', '1920x1200x24', '-nolisten', 'tcp'], { stdio: ['ignore', 'ignore', 'ignore', 'pipe'] });
  const display = await new Promise((resolve, reject) => {
    let out = '';
    x.process.stdio[3].on('data', (d) => { out += d; if (out.includes('\n')) resolve(`:${out.trim()}`); });
    x.process.on('exit', (code) => reject(new Error(`Xvfb exited with ${code}`)));
  });
  return { display, stop: x.stop };
}

export async function open({ viewport, colorScheme }) {
  const proxy = await startProxy();
  proxy.addInitScript(REPORTER);
  const xvfb = await startXvfb();
  const port = await freePort();
  const driverProcess = child('WebKitWebDriver', [`--port=${port}`], { stdio: 'ignore', env: { ...process.env, DISPLAY: xvfb.display } });
  const base = `http://127.0.0.1:${port}`;

  const call = async (method, path, body) => {
    const response = await fetch(base + path, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const { value } = await response.json();
    if (!response.ok) throw new Error(`WebDriver ${method} ${path}: ${value?.error}: ${value?.message}`);
    return value;
  };
  for (let i = 0; ; i++) {
    try { await call('GET', '/status'); break; } catch (e) {
      if (i > 100) throw e;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  const session = await call('POST', '/session', {
    capabilities: {
      alwaysMatch: {
        'webkitgtk:browserOptions': {
          binary: MINIBROWSER,
          // Full screen: no toolbar, so the window is the viewport and may be 375 px wide.
          args: ['--automation', '--full-screen', `--proxy=http://127.0.0.1:${proxy.port}`, '--ignore-host=',
            ...(colorScheme === 'dark' ? ['--dark-mode'] : [])],
        },
      },
    },
  });
  const s = (path) => `/session/${session.sessionId}${path}`;
  await call('POST', s('/timeouts'), { script: 300_000 });
  await call('POST', s('/window/rect'), { x: 0, y: 0, width: viewport.width, height: viewport.height });

  const evaluate = async (expression) => {
    const out = await call('POST', s('/execute/async'), {
      script: `const done = arguments[0];
        Promise.resolve().then(() => ${expression})
          .then((value) => done(JSON.stringify({ value })), (e) => done(JSON.stringify({ error: String(e && e.stack ? e.message + '\\n' + e.stack : e) })));`,
      args: [],
    });
    const { value, error } = JSON.parse(out);
    if (error !== undefined) throw new Error(error);
    return value;
  };

  const actions = (sources) => call('POST', s('/actions'), { actions: sources });
  const keys = (list) => actions([{ type: 'key', id: 'keyboard', actions: list }]);
  const code = (key) => KEYS[key] ?? key;
  let pointer = { x: 0, y: 0 };
  const pointerActions = (list) => actions([{ type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' }, actions: list }]);
  const moveTo = (x, y) => ({ type: 'pointerMove', x: Math.round(x), y: Math.round(y), origin: 'viewport', duration: 0 });

  const driver = {
    evaluate,
    goto: (url) => call('POST', s('/url'), { url }),
    back: () => call('POST', s('/back'), {}),
    forward: () => call('POST', s('/forward'), {}),
    reload: () => call('POST', s('/refresh'), {}),
    url: () => call('GET', s('/url')),
    loaded: async () => {},
    keyboard: {
      press: (combo) => {
        const list = combo === '+' ? ['+'] : combo.split('+');
        return keys([...list.map((k) => ({ type: 'keyDown', value: code(k) })), ...list.reverse().map((k) => ({ type: 'keyUp', value: code(k) }))]);
      },
      type: (text) => keys([...text].flatMap((c) => [{ type: 'keyDown', value: c }, { type: 'keyUp', value: c }])),
      down: (k) => keys([{ type: 'keyDown', value: code(k) }]),
      up: (k) => keys([{ type: 'keyUp', value: code(k) }]),
    },
    mouse: {
      move: (x, y, { steps = 1 } = {}) => {
        const from = pointer;
        pointer = { x, y };
        return pointerActions(Array.from({ length: steps }, (_, i) => moveTo(from.x + ((x - from.x) * (i + 1)) / steps, from.y + ((y - from.y) * (i + 1)) / steps)));
      },
      down: () => pointerActions([{ type: 'pointerDown', button: 0 }]),
      up: () => pointerActions([{ type: 'pointerUp', button: 0 }]),
      click: (x, y) => { pointer = { x, y }; return pointerActions([moveTo(x, y), { type: 'pointerDown', button: 0 }, { type: 'pointerUp', button: 0 }]); },
    },
    screenshot: async (path) => {
      const png = Buffer.from(await call('GET', s('/screenshot')), 'base64');
      if (path) writeFileSync(path, png);
      return png;
    },
    addInitScript: async (script) => proxy.addInitScript(script),
    addScript: (content) => call('POST', s('/execute/sync'), { script: content, args: [] }),
  };
  const facade = new Page(driver, proxy);
  return {
    page: facade,
    close: async () => {
      await call('DELETE', s('')).catch(() => {});
      driverProcess.stop();
      xvfb.stop();
      await proxy.close();
    },
  };
}

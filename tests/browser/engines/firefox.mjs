// Firefox ESR (Debian's firefox-esr), driven over WebDriver BiDi by puppeteer-core, which never
// downloads a browser. Requests go through the harness's proxy (proxy.mjs), and so do the page's
// console messages and uncaught errors (puppeteer over BiDi gives an Error argument of
// console.warn as 'JSHandle@error', its message lost).

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { Page } from './page.mjs';
import { REPORTER, startProxy } from './proxy.mjs';

const FIREFOX = process.env.FIREFOX ?? '/usr/bin/firefox-esr';

// Playwright's key names are puppeteer's; a combination is held down in order.
function keyboardOf(page) {
  const press = async (combo) => {
    const keys = combo === '+' ? ['+'] : combo.split('+');
    for (const k of keys.slice(0, -1)) await page.keyboard.down(k);
    await page.keyboard.press(keys.at(-1));
    for (const k of keys.slice(0, -1).reverse()) await page.keyboard.up(k);
  };
  return { press, type: (text) => page.keyboard.type(text), down: (k) => page.keyboard.down(k), up: (k) => page.keyboard.up(k) };
}

export async function open({ viewport, colorScheme }) {
  const proxy = await startProxy();
  proxy.addInitScript(REPORTER);
  const profile = mkdtempSync(join(tmpdir(), 'kamerzoek-firefox-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    userDataDir: profile,
    defaultViewport: viewport,
    extraPrefsFirefox: {
      // Every request, 127.0.0.1's too, through the proxy.
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': proxy.port,
      'network.proxy.no_proxies_on': '',
      'network.proxy.allow_hijacking_localhost': true,
      // 0: dark, 1: light, for the pages' prefers-color-scheme.
      'layout.css.prefers-color-scheme.content-override': colorScheme === 'dark' ? 0 : 1,
    },
  });
  // A page of its own: the first tab Firefox opens never gets the focus under BiDi, so its
  // elements never see focus events (the widget loads its index on the box's focus).
  const first = await browser.pages();
  const page = await browser.newPage();
  for (const p of first) await p.close();
  await page.setViewport(viewport);
  const driver = {
    evaluate: (expression) => page.evaluate(expression),
    goto: (url) => page.goto(url, { waitUntil: 'load' }),
    back: () => page.goBack(),
    forward: () => page.goForward(),
    reload: () => page.reload(),
    url: () => page.evaluate('location.href'),
    loaded: () => page.waitForFunction('document.readyState === "complete"'),
    keyboard: keyboardOf(page),
    mouse: {
      move: (x, y, options) => page.mouse.move(x, y, options),
      down: () => page.mouse.down(),
      up: () => page.mouse.up(),
      click: (x, y) => page.mouse.click(x, y),
    },
    screenshot: (path, { fullPage }) => page.screenshot({ path, fullPage }),
    addInitScript: (script) => page.evaluateOnNewDocument(script),
    addScript: (content) => page.addScriptTag({ content }),
  };
  const facade = new Page(driver, proxy);
  page.on('dialog', (dialog) => facade.emit('dialog', dialog));
  return {
    page: facade,
    close: async () => {
      await browser.close();
      await proxy.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

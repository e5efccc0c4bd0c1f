// The part of Playwright's Page and Locator API that the tests use, for the engines Playwright
// cannot drive here (Firefox over WebDriver BiDi, WebKit over WebDriver). An engine supplies a
// small driver (see firefox.mjs, webkit.mjs); finding elements happens in the page (dom.mjs),
// requests are seen and answered by the harness's proxy (proxy.mjs), so both engines share this.

import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import { clockOf } from './clock.mjs';
import { inPage } from './dom.mjs';

const TIMEOUT = 30_000;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const source = (fn) => (typeof fn === 'function' ? fn.toString() : `() => (${fn})`);

// Polls `check` until it returns something other than undefined, or throws after `timeout` ms
// with `what` in the message.
async function poll(check, timeout, what) {
  const end = Date.now() + timeout;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`timed out after ${timeout} ms waiting for ${what}`);
    await sleep(50);
  }
}

export class Page extends EventEmitter {
  constructor(driver, network) {
    super();
    this.driver = driver;
    this.network = network;
    this.keyboard = driver.keyboard;
    this.mouse = driver.mouse;
    this.clock = clockOf(this);
    // Requests, console messages and page errors are the proxy's to report (see REPORTER).
    for (const event of ['request', 'response', 'requestfailed', 'console', 'pageerror']) network.on(event, (r) => this.emit(event, r));
    driver.events = this;
  }

  // Runs `fn(kz, ...args)` in the page, kz being dom.mjs's helpers; resolves to its JSON value.
  run(fn, ...args) {
    return this.driver.evaluate(`(async () => { const kz = (${inPage})(); return (${fn})(kz, ...${JSON.stringify(args)}); })()`);
  }

  evaluate(fn, arg) {
    return this.driver.evaluate(`(async () => (${source(fn)})(${arg === undefined ? '' : JSON.stringify(arg)}))()`);
  }

  async waitForFunction(fn, arg, { timeout = TIMEOUT } = {}) {
    const value = await poll(async () => (await this.evaluate(fn, arg)) || undefined, timeout, `${fn}`);
    return { jsonValue: async () => value };
  }

  locator(css) { return new Locator(this, [{ css }]); }
  getByRole(role, { name } = {}) { return new Locator(this, [{ role, name }]); }

  // Resolves to the page's response as Playwright's goto does ({ status(), headers() }), from the
  // proxy where the driver gives none.
  async goto(url) {
    const target = new URL(url, 'http://x/').href;
    let response = null;
    const seen = (r) => { if (!response && r.url() === target) response = r; };
    this.network.on('response', seen);
    try {
      return (await this.driver.goto(url)) ?? response;
    } finally {
      this.network.off('response', seen);
    }
  }
  goBack() { return this.driver.back(); }
  goForward() { return this.driver.forward(); }
  reload() { return this.driver.reload(); }
  url() { return this.driver.url(); }
  title() { return this.evaluate(() => document.title); }
  waitForTimeout(ms) { return sleep(ms); }
  screenshot({ path, fullPage = false } = {}) { return this.driver.screenshot(path, { fullPage }); }
  addInitScript(fn) { return this.driver.addInitScript(`(${source(fn)})()`); }
  addScriptTag({ path }) { return this.driver.addScript(readFileSync(path, 'utf8')); }

  // Network: the proxy's, whatever the engine.
  route(matcher, handler) { return this.network.route(matcher, handler); }
  unrouteAll() { return this.network.unrouteAll(); }
  async waitForLoadState(state) {
    await this.driver.loaded();
    if (state === 'networkidle') await this.network.idle(500);
  }
}

class Locator {
  constructor(page, steps) { this.page = page; this.steps = steps; }

  locator(css) { return new Locator(this.page, [...this.steps, { css }]); }
  getByRole(role, { name } = {}) { return new Locator(this.page, [...this.steps, { role, name }]); }
  first() { return this.nth(0); }
  last() { return this.nth(-1); }
  nth(n) { return new Locator(this.page, [...this.steps, { nth: n }]); }

  // Runs `fn(els, arg, kz)` on the elements now matched.
  all(fn, arg) {
    return this.page.run(`(kz, steps, arg) => (${fn})(kz.resolve(steps), arg, kz)`, this.steps, arg);
  }

  // Waits until exactly one element matches (and is visible, if `visible`), then runs
  // `fn(el, arg, kz)` on it. More than one is an error, as Playwright's strict locators make it.
  async one(fn, arg, { visible = false, timeout = TIMEOUT } = {}) {
    const result = await poll(() => this.all(`(els, [arg, visible], kz) => {
      if (els.length > 1) return { error: 'strict mode violation: ' + els.length + ' elements match' };
      if (els.length === 0 || (visible && !kz.visible(els[0]))) return undefined;
      return Promise.resolve((${fn})(els[0], arg, kz)).then((value) => ({ value }));
    }`, [arg, visible]), timeout, `${JSON.stringify(this.steps)}${visible ? ' to be visible' : ''}`);
    if (result.error) throw new Error(`${result.error}: ${JSON.stringify(this.steps)}`);
    return result.value;
  }

  count() { return this.all('(els) => els.length'); }
  isVisible() { return this.all('(els, _, kz) => els.length > 0 && kz.visible(els[0])'); }
  async isHidden() { return !(await this.isVisible()); }
  allInnerTexts() { return this.all('(els) => els.map((el) => el.innerText)'); }
  evaluateAll(fn, arg) { return this.all(`(els, arg) => (${fn})(els, arg)`, arg); }

  innerText() { return this.one('(el) => el.innerText'); }
  textContent() { return this.one('(el) => el.textContent'); }
  getAttribute(name) { return this.one('(el, name) => el.getAttribute(name)', name); }
  inputValue() { return this.one('(el) => el.value'); }
  isChecked() { return this.one('(el) => el.checked'); }
  isEditable() { return this.one('(el) => !el.disabled && !el.readOnly'); }
  isEnabled() { return this.one('(el) => !el.disabled'); }
  evaluate(fn, arg) { return this.one(`(el, arg) => (${fn})(el, arg)`, arg); }
  focus() { return this.one('(el) => el.focus()'); }
  boundingBox() {
    return this.one('(el) => { const r = el.getBoundingClientRect(); return { x: r.x, y: r.y, width: r.width, height: r.height }; }');
  }

  async waitFor({ state = 'visible', timeout = TIMEOUT } = {}) {
    const states = {
      attached: '(els) => els.length > 0 || undefined',
      detached: '(els) => els.length === 0 || undefined',
      visible: '(els, _, kz) => (els.length > 0 && kz.visible(els[0])) || undefined',
      hidden: '(els, _, kz) => (els.length === 0 || !kz.visible(els[0])) || undefined',
    };
    await poll(() => this.all(states[state]), timeout, `${JSON.stringify(this.steps)} to be ${state}`);
  }

  // A real click: the pointer goes to the middle of the element, once it is visible and enabled.
  async click() {
    const end = Date.now() + TIMEOUT;
    let at;
    while ((at = await this.one(`(el, _, kz) => {
      if (el.disabled) return { disabled: true };
      el.scrollIntoView({ block: 'nearest', inline: 'nearest' });
      const r = el.getBoundingClientRect();
      return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
    }`, undefined, { visible: true })).disabled) {
      if (Date.now() > end) throw new Error(`${JSON.stringify(this.steps)} stayed disabled`);
      await sleep(50);
    }
    await this.page.mouse.click(at.x, at.y);
  }

  async check() { if (!(await this.isChecked())) await this.click(); }
  async uncheck() { if (await this.isChecked()) await this.click(); }

  // Sets the value as Playwright's fill does: at once, with one input event, no key events.
  fill(value) {
    return this.one(`(el, value) => {
      el.focus();
      el.value = value;
      el.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText', data: value }));
    }`, value, { visible: true });
  }

  selectOption(value) {
    return this.one(`(el, value) => {
      const option = [...el.options].find((o) => o.value === value || o.label === value);
      if (!option) throw new Error('no option ' + value);
      el.value = option.value;
      el.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      el.dispatchEvent(new Event('change', { bubbles: true }));
      return [option.value];
    }`, value, { visible: true });
  }

  // Real key events, to the element focused first.
  async press(key) { await this.focus(); await this.page.keyboard.press(key); }
  async type(text) { await this.focus(); await this.page.keyboard.type(text); }
  async pressSequentially(text, { delay = 0 } = {}) {
    await this.focus();
    for (const c of text) {
      await this.page.keyboard.type(c);
      if (delay) await sleep(delay);
    }
  }
}

// The part of Playwright's page.clock the tests use (install, pauseAt, runFor, resume), for the
// engines whose drivers have none: the page's setTimeout and clearTimeout are replaced by ones
// that a held clock keeps from firing until the test moves the clock on. The widget waits for a
// pause in typing with setTimeout; Date and performance.now keep real time.

function installInPage() {
  if (window.__kzClock) return;
  const real = { setTimeout: window.setTimeout.bind(window), clearTimeout: window.clearTimeout.bind(window) };
  const timers = new Map(); // id -> { fn, args, due (virtual ms), realId }
  let held = false;
  let now = 0; // virtual ms, moving only while held
  let nextId = 1;
  const fire = (id) => {
    const t = timers.get(id);
    if (!t) return;
    timers.delete(id);
    t.fn(...t.args);
  };
  window.setTimeout = (fn, ms = 0, ...args) => {
    const id = nextId++;
    const t = { fn: typeof fn === 'function' ? fn : () => (0, eval)(fn), args, due: now + Math.max(0, ms) };
    timers.set(id, t);
    if (!held) t.realId = real.setTimeout(() => fire(id), ms);
    return id;
  };
  window.clearTimeout = (id) => {
    const t = timers.get(id);
    if (t?.realId !== undefined) real.clearTimeout(t.realId);
    timers.delete(id);
  };
  window.__kzClock = {
    hold: () => {
      held = true;
      for (const t of timers.values()) if (t.realId !== undefined) { real.clearTimeout(t.realId); t.realId = undefined; }
    },
    runFor: (ms) => {
      const end = now + ms;
      for (;;) {
        const due = [...timers.entries()].filter(([, t]) => t.due <= end).sort((a, b) => a[1].due - b[1].due)[0];
        if (!due) break;
        now = Math.max(now, due[1].due);
        fire(due[0]);
      }
      now = end;
    },
    resume: () => {
      held = false;
      for (const [id, t] of timers) t.realId = real.setTimeout(() => fire(id), Math.max(0, t.due - now));
    },
  };
}

export function clockOf(page) {
  return {
    install: () => page.evaluate(installInPage),
    pauseAt: () => page.evaluate(() => window.__kzClock.hold()),
    runFor: (ms) => page.evaluate((ms) => window.__kzClock.runFor(ms), ms),
    resume: () => page.evaluate(() => window.__kzClock.resume()),
  };
}

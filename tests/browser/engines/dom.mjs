// What the Firefox and WebKit drivers run inside the page to find elements the way Playwright's
// locators do in Chromium: CSS that reaches into open shadow roots (the widget lives in one),
// Playwright's `:visible`, and buttons by role and accessible name. `inPage` is sent to the page
// as source text with each call, so it may use only what the page has.

export function inPage() {
  // Splits `text` at `separator` characters outside brackets, parentheses and quotes.
  const split = (text, separator) => {
    const parts = [];
    let depth = 0, quote = null, start = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text[i];
      if (quote) { if (c === quote) quote = null; continue; }
      if (c === '"' || c === "'") quote = c;
      else if (c === '[' || c === '(') depth++;
      else if (c === ']' || c === ')') depth--;
      else if (depth === 0 && separator.test(c)) { parts.push(text.slice(start, i)); start = i + 1; }
    }
    parts.push(text.slice(start));
    return parts.map((p) => p.trim()).filter(Boolean);
  };

  // The parent across a shadow boundary: a shadow root's host.
  const parentOf = (el) => el.parentElement ?? (el.parentNode instanceof ShadowRoot ? el.parentNode.host : null);

  // Every element under `root`, in document order, each shadow root's content after its host.
  const all = (root) => {
    const found = [];
    const walk = (node) => {
      for (const child of node.children) {
        found.push(child);
        if (child.shadowRoot) walk(child.shadowRoot);
        walk(child);
      }
    };
    if (root.shadowRoot) walk(root.shadowRoot);
    walk(root);
    return found;
  };

  const visible = (el) => {
    if (!el.isConnected) return false;
    const style = getComputedStyle(el);
    if (style.display === 'contents') return [...el.children].some(visible);
    const rect = el.getBoundingClientRect();
    return style.visibility !== 'hidden' && rect.width > 0 && rect.height > 0;
  };

  // Only descendant combinators are supported (the tests use no others): each compound is
  // matched right to left along the element's ancestors, shadow hosts included, inside `scope`.
  const matchesComplex = (el, compounds, scope) => {
    const last = compounds.length - 1;
    if (!test(el, compounds[last])) return false;
    let at = parentOf(el);
    for (let i = last - 1; i >= 0; i--) {
      while (at && at !== scope && !test(at, compounds[i])) at = parentOf(at);
      if (!at || at === scope) return false;
      at = parentOf(at);
    }
    return true;
  };
  const test = (el, compound) => {
    const plain = compound.replace(/:visible\b/g, '');
    return (plain === '' || el.matches(plain)) && (plain === compound || visible(el));
  };
  const css = (scope, selector) => {
    const alternatives = split(selector, /,/).map((s) => split(s, /\s/));
    for (const a of alternatives) if (a.some((c) => /^[>+~]/.test(c))) throw new Error(`unsupported combinator in ${selector}`);
    return all(scope).filter((el) => alternatives.some((a) => matchesComplex(el, a, scope)));
  };

  const ROLES = { button: 'button, [role=button], input[type=button], input[type=submit]' };
  const nameOf = (el) => {
    const labelledby = el.getAttribute('aria-labelledby');
    if (labelledby) return labelledby.split(/\s+/).map((id) => el.getRootNode().getElementById(id)?.textContent ?? '').join(' ');
    return el.getAttribute('aria-label') ?? el.textContent;
  };
  const norm = (s) => s.replace(/\s+/g, ' ').trim().toLowerCase();

  // Resolves a locator's steps to the elements it stands for.
  const resolve = (steps) => {
    let found = [document.documentElement];
    let first = true;
    for (const step of steps) {
      if (step.css) {
        const next = new Set();
        for (const scope of found) {
          // The first step searches the whole document, the root element included.
          const candidates = css(first ? document : scope, step.css);
          for (const el of candidates) next.add(el);
        }
        found = [...next];
      } else if (step.role) {
        const next = new Set();
        for (const scope of found) {
          for (const el of css(first ? document : scope, ROLES[step.role] ?? `[role=${step.role}]`)) {
            if (step.name === undefined || norm(nameOf(el)).includes(norm(step.name))) next.add(el);
          }
        }
        found = [...next];
      } else if ('nth' in step) {
        const el = step.nth < 0 ? found.at(step.nth) : found[step.nth];
        found = el ? [el] : [];
      }
      first = false;
    }
    return found;
  };

  return { resolve, visible };
}

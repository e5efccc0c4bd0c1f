// The demo page: search as you type over the five letters.

import { load } from './kamerzoek.js';

const DEBOUNCE_MS = 60;
const LIMIT = 10;

const input = document.querySelector('#q');
const list = document.querySelector('#results');
const status = document.querySelector('#status');
const form = document.querySelector('#search-form');

let engine = null; // the load promise, made on first use so visitors who never search pay nothing
let timer = 0;
let latest = 0; // number of the newest query; older answers are dropped

function ensureEngine() {
  engine ??= load('./index/');
  return engine;
}

function render(results, ms) {
  const items = results.hits.map((hit) => {
    const li = document.createElement('li');
    li.className = 'hit';
    li.dataset.id = hit.id;
    const title = document.createElement('h2');
    title.textContent = hit.title;
    const excerpt = document.createElement('p');
    excerpt.className = 'excerpt';
    // Safe: the engine escapes the letter's text and adds only <mark> elements.
    excerpt.innerHTML = hit.excerpt;
    const id = document.createElement('p');
    id.className = 'id';
    id.textContent = hit.id;
    li.append(title, excerpt, id);
    return li;
  });
  list.replaceChildren(...items);
  const n = results.total;
  status.textContent = n === 0
    ? `Geen brieven gevonden voor “${results.query}”.`
    : `${n} ${n === 1 ? 'brief' : 'brieven'} gevonden (${ms.toFixed(1)} ms).`;
}

async function run(query, number) {
  try {
    const idx = await ensureEngine();
    if (number !== latest) return;
    const started = performance.now();
    const results = idx.search(query, { limit: LIMIT });
    render(results, performance.now() - started);
  } catch (err) {
    if (number !== latest) return;
    list.replaceChildren();
    status.textContent = `Zoeken is niet beschikbaar: ${err.message}`;
    status.classList.add('error');
  } finally {
    if (number === latest) list.setAttribute('aria-busy', 'false');
  }
}

function onInput() {
  const number = ++latest;
  clearTimeout(timer);
  // Untrimmed: a trailing space tells the engine the last word is complete (no prefix search).
  const query = input.value;
  if (query.trim() === '') {
    list.replaceChildren();
    status.textContent = '';
    list.setAttribute('aria-busy', 'false');
    return;
  }
  list.setAttribute('aria-busy', 'true');
  timer = setTimeout(() => run(query, number), DEBOUNCE_MS);
}

input.addEventListener('focus', ensureEngine, { once: true });
input.addEventListener('input', onInput);
form.addEventListener('submit', (event) => {
  event.preventDefault();
  onInput();
});

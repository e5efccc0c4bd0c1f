// The widget's state in the page's URL, so a search can be shared and the back button works:
// ?q=...&kind=...&year=...&minister=...&from=...&to=...&sort=...&group=meeting&open=<letter id>. Other
// parameters of the page are left alone.

// The metadata fields a visitor filters on, here once for the widget, its facets and the URL.
export const FIELDS = ['kind', 'year', 'minister'];

// No filter chosen: an empty list per field.
export const noFilters = () => Object.fromEntries(FIELDS.map((field) => [field, []]));
const KEYS = ['q', 'sort', 'group', 'open', 'from', 'to', ...FIELDS];

// No date range: both ends open.
export const noRange = () => ({ from: '', to: '' });

export function readUrl(href = location.href) {
  const params = new URL(href).searchParams;
  const filters = {};
  for (const field of FIELDS) filters[field] = params.getAll(field);
  return {
    query: params.get('q') ?? '',
    filters,
    range: { from: params.get('from') ?? '', to: params.get('to') ?? '' },
    sort: params.get('sort') ?? 'relevance',
    group: params.get('group') === 'meeting' ? 'meeting' : '',
    open: params.get('open'),
  };
}

export function urlFor(state, href = location.href) {
  const url = new URL(href);
  for (const key of KEYS) url.searchParams.delete(key);
  // The engine reads no more than the first 1,000 characters (MAX_QUERY_CHARS): a pasted page
  // need not make the address megabytes long.
  if (state.query) url.searchParams.set('q', state.query.slice(0, 1000));
  for (const field of FIELDS) {
    for (const value of state.filters[field] ?? []) url.searchParams.append(field, value);
  }
  if (state.range?.from) url.searchParams.set('from', state.range.from);
  if (state.range?.to) url.searchParams.set('to', state.range.to);
  if (state.group) url.searchParams.set('group', state.group);
  if (state.sort && state.sort !== 'relevance') url.searchParams.set('sort', state.sort);
  if (state.open) url.searchParams.set('open', state.open);
  return url.href;
}

// Records the state: a new history entry when `push` (opening a letter), else in place.
export function writeUrl(state, push = false) {
  const href = urlFor(state);
  if (href === location.href) return;
  if (push) history.pushState({ kamerzoek: true }, '', href);
  else history.replaceState(history.state, '', href);
}

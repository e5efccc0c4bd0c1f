// The widget's state in the page's URL, so a search can be shared and the back button works:
// ?q=...&kind=...&year=...&minister=...&f.<field>=...&from=...&to=...&sort=...&group=meeting&open=<letter id>.
// `f.<field>` is a field of the site owner's metadata file (`f.kamerstuk=28676-441`), prefixed so
// that it can never be taken for one of the others: parameters that begin with `f.` are the
// widget's. Other parameters of the page are left alone.

// The metadata fields a visitor filters on, here once for the widget, its facets and the URL.
export const FIELDS = ['kind', 'year', 'minister'];
const OWN = 'f.';

// Whether a filter's field is one of the site owner's (any but the known ones).
export const isOwn = (field) => !FIELDS.includes(field);

// No filter chosen: an empty list per field; the owner's fields are added as they are chosen.
// No prototype: an owner's field may be called `constructor`.
export const noFilters = () => Object.assign(Object.create(null), Object.fromEntries(FIELDS.map((field) => [field, []])));
const KEYS = ['q', 'sort', 'group', 'open', 'from', 'to', ...FIELDS];

// No date range: both ends open.
export const noRange = () => ({ from: '', to: '' });

export function readUrl(href = location.href) {
  const params = new URL(href).searchParams;
  const filters = noFilters();
  for (const field of FIELDS) filters[field] = params.getAll(field);
  for (const key of new Set(params.keys())) {
    // As the engine reads a filter: the name and each value without the spaces around them.
    const field = key.slice(OWN.length).trim();
    // `f.kind` is not `kind`: the known fields and the period have their own parameters.
    if (key.startsWith(OWN) && field && isOwn(field) && !['from', 'to'].includes(field)) {
      const values = params.getAll(key).map((v) => v.trim()).filter(Boolean);
      if (values.length) filters[field] = [...(filters[field] ?? []), ...values];
    }
  }
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
  for (const key of [...KEYS, ...[...url.searchParams.keys()].filter((k) => k.startsWith(OWN))]) url.searchParams.delete(key);
  // The engine reads no more than the first 1,000 characters (MAX_QUERY_CHARS): a pasted page
  // need not make the address megabytes long.
  if (state.query) url.searchParams.set('q', state.query.slice(0, 1000));
  for (const [field, values] of Object.entries(state.filters)) {
    const key = isOwn(field) ? OWN + field : field;
    for (const value of values) url.searchParams.append(key, value);
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

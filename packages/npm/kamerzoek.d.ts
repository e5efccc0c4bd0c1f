// Types of kamerzoek's JS API: the module registers <kamer-zoek> and exports the engine.

/** What a failure is, and so what to do: see IndexError. */
export type ErrorKind =
  | 'network'      // a file could not be fetched; trying again may help
  | 'missing'      // the server has no such file: the index on the server is incomplete
  | 'damaged'      // a file is not what the index says: rebuild the index
  | 'version'      // built by another version of kamerzoek: rebuild the index
  | 'engine'       // the engine failed and was restarted: try again
  | 'unsupported'  // no WebAssembly or DecompressionStream in this browser
  | 'aborted'      // the caller's signal aborted the call
  | 'option';      // the options are wrong (an unknown filter, a bad date): the message says which

export declare const ERROR_KINDS: readonly ErrorKind[];

export declare class IndexError extends Error {
  constructor(kind: ErrorKind, message: string, cause?: unknown);
  readonly name: 'IndexError';
  readonly kind: ErrorKind;
}

export type Kind = 'agenda' | 'verslag' | 'beslisnota' | 'overleg' | 'schriftelijk-overleg' | 'brief';

export interface Meeting {
  place: string | null;
  /** ISO date of the first day; the same as `end` for a one-day meeting. */
  start: string;
  end: string;
  summit: string | null;
  /** `NAVO-top`, `NAVO-ministers van Defensie`, ... */
  name: string;
}

/** A letter's metadata, as read from its text at build time. */
export interface About {
  /** `2024-06-13`, `2024-06` or `2024`. */
  date: string | null;
  date_precision: 'day' | 'month' | 'year' | null;
  kind: Kind | null;
  minister: string | null;
  meeting: Meeting | null;
  /** The other letters about the same meeting (its agenda, report, debate), oldest first. */
  same_meeting: LetterLink[];
  /** The letters most like it (the terms they share, weighed as BM25 weighs them), best first. */
  related: LetterLink[];
}

/** Another letter, enough to open it (`read(id)`) and say what it is. */
export interface LetterLink {
  id: string;
  kind: Kind | null;
  date: string | null;
  /** Related letters only. */
  title: string | null;
}

export interface SectionRef {
  heading: string;
  anchor: string;
}

export interface Hit extends About {
  id: string;
  title: string;
  score: number;
  /** HTML: the letter's text escaped, the matches in `<mark>`. */
  excerpt: string;
  section: SectionRef | null;
  /** The query's words this letter lacks (empty unless the answer is partial). */
  missing: string[];
  /** With `group: 'meeting'`: the letters of its meeting that match too, shown as this hit. */
  grouped: string[];
  /** The page the excerpt stands on, from 1: for a letter whose pages are known (a PDF, or a
   *  text with form feeds), else null. */
  page: number | null;
  /** The address of the original, when the index knows it: absolute (an address the index holds
   *  relative to its folder, as a PDF published with `--publish-sources` is, resolved against it).
   *  Only an `http:` or `https:` address is given (a crafted index's `javascript:` is null). */
  source: string | null;
  /** The site owner's own fields, as [name, value], names ascending. */
  fields: [string, string][];
}

export interface FacetValue {
  value: string;
  count: number;
}

export interface Facets {
  kind: FacetValue[];
  year: FacetValue[];
  minister: FacetValue[];
  /** Oldest first, per year (`'2024'`) or, when the hits lie within two years, per month
   *  (`'2024-03'`), leaving out the year filter and the date range. */
  timeline: FacetValue[];
  /** The site owner's own fields (the metadata file's other columns), names ascending, each with
   *  at most 100 values, most letters first. */
  fields: [string, FacetValue[]][];
}

export interface Expanded {
  from: string;
  to: string;
  why: 'derivation' | 'translation' | 'acronym' | 'synonym' | 'question' | 'typo' | 'apart' | string;
}

/** The answer to a search: what `kamerzoek search --json` prints. */
export interface SearchResults {
  query: string;
  /** Letters that match, of which `hits` are the first `limit`. */
  total: number;
  hits: Hit[];
  /** null when not asked for, or asked 'if-loaded' and not loaded. */
  facets: Facets | null;
  /** The query with its typos corrected. */
  suggestion: string | null;
  /** No letter has every word: the hits have most of them. */
  partial: boolean;
  expanded: Expanded[];
  /** Some files could not be fetched; the answer is without them. */
  incomplete: boolean;
  /** The query was longer than 1,000 characters: only its start (`query`) was searched. */
  cut: boolean;
}

export interface SearchOptions {
  /** Hits to return (10). */
  limit?: number;
  /** `{ kind: ['verslag'], year: '2024' }`: values of one field are alternatives. */
  filters?: Partial<Record<'kind' | 'year' | 'minister', string | string[]>> & {
    /** A field of the site owner's metadata file (`kamerstuk: ['28676-441']`), its whole value;
     *  a field no letter has is an `option` error. */
    [field: string]: string | string[] | undefined;
  };
  /** Only letters dated from this year, month or day on: `'2023'`, `'2023-01'`, `'2023-01-15'`. */
  from?: string | number;
  /** Only letters dated up to this year, month or day (its end): `'2024-06'` is up to 30 June. */
  to?: string | number;
  sort?: 'relevance' | 'date' | '-date';
  /** `meeting`: the letters of one meeting as one hit, the best of them, the others' ids in `grouped`. */
  group?: 'meeting' | 'none';
  facets?: 'always' | 'never' | 'if-loaded' | boolean;
  /** Aborts the search and the fetches only it needs. */
  signal?: AbortSignal;
  /**
   * The query of a keystroke in an as-you-type box (`true`, or any object that stands for the box
   * when a page has several): once it knows its hits, the letters that only earlier queries of
   * the same box still wait for are cancelled, and those queries fail as `aborted`.
   */
  typing?: boolean | object;
  /**
   * Called at most once, when only the hits' letter files are still to come and the letter table
   * (an archive of at most 2,000 letters, once fetched for facets) has their titles: the hits in
   * their final order, those still coming with an empty `excerpt` and without `section`,
   * `meeting`, `same_meeting` and `related`. The answer may still fail, be aborted, or leave out
   * a letter that could not be fetched (then `incomplete`).
   */
  preview?: (results: SearchResults) => void;
}

/** A whole letter for reading. */
export interface Reading extends About {
  id: string;
  title: string;
  /** The letter, escaped, with `<h3 id>` headings, `<p>`, `<mark data-match>` and, where a page
   *  begins (the second on), an empty `<span class="kz-page" data-page="n">`. */
  html: string;
  matches: number;
  sections: SectionRef[];
  kamerstuk: string | null;
  incomplete: boolean;
  /** How many pages the letter has, where they are known; else null. */
  pages: number | null;
  source: string | null;
  fields: [string, string][];
}

/** An index, loaded once per page. */
export interface Index {
  docCount: number;
  search(query: string, options?: SearchOptions): Promise<SearchResults>;
  /** Fetches, in an archive of at most 1,024 letters, what any first query may want whatever its
   *  words (the letter table, the word list), so that a query typed next shows its titles and
   *  corrects its typos without waiting for them. For an interface where a visitor is about to
   *  type (the element calls it when its box gets focus); a page that searches at once need not. */
  prefetch(): void;
  /** null when the index holds no such letter. */
  read(id: string, query?: string, options?: { signal?: AbortSignal }): Promise<Reading | null>;
}

/** Loads the index in a folder (the engine once per page, each index once); by default the
 *  `index/` folder beside the module, where `kamerzoek build` puts it. */
export declare function load(indexUrl?: string | URL, base?: string | URL): Promise<Index>;

/** Where the wasm and the widget's stylesheet are, for a bundler that does not copy them. */
export declare function configure(where?: { wasm?: string | URL; stylesheet?: string | URL }): void;

export declare const Kamerzoek: { load: typeof load; configure: typeof configure };

/** The `<kamer-zoek>` element. */
export declare class KamerZoek extends HTMLElement {}

export interface KamerzoekSearchDetail {
  query: string;
  total: number;
  partial: boolean;
  /** The ids shown, in rank order. */
  ids: string[];
}

/** Hits shown with titles and dates while their letters (excerpts) are still coming. */
export interface KamerzoekPreviewDetail {
  query: string;
  total: number;
  ids: string[];
}

export interface KamerzoekOpenDetail {
  id: string;
  title: string;
}

declare global {
  interface HTMLElementTagNameMap {
    'kamer-zoek': KamerZoek;
  }
  interface HTMLElementEventMap {
    'kamerzoek-preview': CustomEvent<KamerzoekPreviewDetail>;
    'kamerzoek-search': CustomEvent<KamerzoekSearchDetail>;
    'kamerzoek-open': CustomEvent<KamerzoekOpenDetail>;
  }
}

// Types of `kamerzoek/build` (node/build.mjs): the index build of `kamerzoek build`, in Node.js.

/** A letter given as a value: `id` is its id (a file name, without `.txt`), `text` its text. */
export interface LetterRecord {
  id: string;
  text: string;
}

export interface BuildOptions {
  /** The folder to write into: the site (its index in `index/`), or with `indexOnly` the index. */
  out: string;
  /** A folder of letters (`.txt`, one letter a file). Give this or `records`. */
  letters?: string;
  /** Letters as values. Give this or `letters`. */
  records?: Iterable<LetterRecord> | AsyncIterable<LetterRecord>;
  /** The index alone, into `out` itself (`--index-only`). */
  indexOnly?: boolean;
  /** A demo page and an embedding example too (`--demo`). */
  demo?: boolean;
  /** A service worker, for the search offline (`--offline`). */
  offline?: boolean;
  /** With `offline`: the largest index stored whole on a first visit (`--precache-max`: 500K, 2M). */
  precacheMax?: string | number;
  /** Index links to files outside the letters folder too (`--follow-links`). */
  followLinks?: boolean;
  /** A synonyms file (`--synonyms`). */
  synonyms?: string;
  /** The letters' metadata as you have it (`--metadata`): a CSV file with a header row, or a
   *  `.jsonl` file, keyed by `id`; `title`, `date`, `kind`, `minister`, `url`, and your own fields. */
  metadata?: string;
  /** Publish each PDF letter in the index folder (`sources/<id>.pdf`) and link its hits to it
   *  (`--publish-sources`). */
  publishSources?: boolean;
  /** The build's progress, at most every percent of each pass. */
  onProgress?: (progress: { pass: string; done: number; of: number }) => void;
  /** Each warning as it is said (a letter skipped, a line of the synonyms file unused). */
  onWarning?: (warning: BuildWarning) => void;
}

/** A warning: the file (or `record <id>`) and what is wrong with it. */
export interface BuildWarning {
  path: string;
  message: string;
}

/** What was built: what `kamerzoek build` says on its last lines. */
export interface BuildReport {
  letters: number;
  /** The index folder. */
  index: string;
  /** Files of the index. */
  files: number;
  entry_bytes: number;
  /** Files of the earlier build removed. */
  removed: number;
  see_also: { entries: number; acronyms: number; synonym_groups: number; bytes: number; gzip: number };
  links: { same_meeting: number; related: number; bytes: number };
  /** What a visitor downloads before the first query (a site's; empty for `indexOnly`). */
  sizes: { file: string; raw: number; gzip: number }[];
  /** With `metadata`: how many letters took each field from the file, as [field, letters]. */
  metadata: [string, number][];
  warnings: BuildWarning[];
  /** What the build noted (files of a stopped build removed, files kept). */
  notes: string[];
}

/**
 * Builds the index of `letters` (or `records`) into `out`: the index `kamerzoek build` writes,
 * byte for byte. Rejects with the command line's message (`error.code` `KAMERZOEK_BUILD`, or
 * `KAMERZOEK_FAULT` for a fault of kamerzoek's own) and leaves any earlier index as it was.
 */
export function build(options: BuildOptions): Promise<BuildReport>;

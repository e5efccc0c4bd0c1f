// What can go wrong with an index, as the engine tells a page: an IndexError with a `kind` a
// page can act on; the technical detail is its message.

/**
 * The kinds of IndexError: whether trying again can help, and who can fix it.
 * - network: a file could not be fetched (offline, a server error); trying again may help.
 * - missing: the server has no such file (404): the index on the server is incomplete.
 * - damaged: a file is not what the index says (checksum, size, gzip): rebuild the index.
 * - version: the index was built by another version of kamerzoek: rebuild it.
 * - engine: the engine failed and was restarted; trying again works.
 * - unsupported: this browser lacks WebAssembly or DecompressionStream.
 * - aborted: the caller's signal aborted the call.
 * - option: the caller's options are wrong (an unknown filter, a bad date); the message says which.
 */
/** @type {readonly import('../../packages/npm/kamerzoek.d.ts').ErrorKind[]} */
export const ERROR_KINDS = ['network', 'missing', 'damaged', 'version', 'engine', 'unsupported', 'aborted', 'option'];

export class IndexError extends Error {
  /** @type {'IndexError'} */
  name = 'IndexError';

  /**
   * @param {import('../../packages/npm/kamerzoek.d.ts').ErrorKind} kind
   * @param {string} message
   * @param {unknown} [cause]
   */
  constructor(kind, message, cause) {
    super(message, cause ? { cause } : undefined);
    this.kind = kind;
  }
}

export function aborted() {
  return new IndexError('aborted', 'the search was superseded');
}

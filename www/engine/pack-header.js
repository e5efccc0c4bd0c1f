// The header of a letter pack (FORMAT.md, "Letter pack"), read by the engine to find a letter's
// bytes and by the service worker to tell a whole pack from an error page: one reader, its
// constants in one place. A header is a sealed file of its own at the pack's start: magic,
// version, flags, the letter count, count + 1 offsets (4 bytes each, the members' bounds),
// CRC-32. It only locates the letters; each letter is a sealed file the engine checks.

export const PACK_LETTERS = 64;
const MAGIC = 'KZPK';

// The bytes of the header of a pack of `count` letters.
export const headerLength = (count) => 16 + 4 * count + 4;
// The most a header can be: the one of a full pack.
export const PACK_HEADER = headerLength(PACK_LETTERS);

// A letter of a split index is a member of a pack: the engine asks for it as
// `l-<hash>/<pack>.kz#<member>`; the other files are the index's structure.
export const isLetter = (name) => name.includes('#');

// Where each letter of a pack lies (count + 1 ascending offsets, the first just past the
// header), from the pack's first bytes; null when they are not a pack's header.
export function packOffsets(bytes) {
  if (bytes.length < 16 || String.fromCharCode(...bytes.subarray(0, 4)) !== MAGIC) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const count = view.getUint32(8, true);
  const length = headerLength(count);
  if (count < 1 || count > PACK_LETTERS || bytes.length < length) return null;
  const offsets = [];
  for (let i = 0; i <= count; i++) offsets.push(view.getUint32(12 + 4 * i, true));
  if (offsets[0] !== length || offsets.some((o, i) => i > 0 && o <= offsets[i - 1])) return null;
  return offsets;
}

// Whether `bytes` are a whole letter pack: a header, and the length where its last offset says
// the pack ends.
export function isWholePack(bytes) {
  const offsets = packOffsets(bytes);
  return offsets !== null && offsets[offsets.length - 1] === bytes.length;
}

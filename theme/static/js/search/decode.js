// Decode: posting lists and positions arrive as flat delta-coded integer arrays
// (docs/search-format.md); they are decoded once per engine into typed arrays.
import { BYTE_TO_LENGTH } from "./scoring.js";
import { positionEntry, termEntry } from "./terms.js";

/** Decode flat [doc delta, tf, length byte]... postings into parallel arrays. */
export function decodePostings(flat) {
  const n = flat.length / 3;
  const docs = new Int32Array(n);
  const tfs = new Float64Array(n);
  const lengths = new Float64Array(n);
  let doc = 0;
  for (let i = 0; i < n; i++) {
    doc += flat[3 * i];
    docs[i] = doc;
    tfs[i] = flat[3 * i + 1];
    lengths[i] = BYTE_TO_LENGTH[flat[3 * i + 2]];
  }
  return { docs, tfs, lengths };
}

/** Row of a document in decoded postings (binary search: doc numbers ascend). */
export function rowOf(postings, doc) {
  const docs = postings.docs;
  let lo = 0;
  let hi = docs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (docs[mid] === doc) return mid;
    if (docs[mid] < doc) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** Decode delta positions (restarting per posting) into one array per posting. */
export function decodePositions(flat, tfs) {
  const out = [];
  let k = 0;
  for (const tf of tfs) {
    const positions = [];
    let last = 0;
    for (let j = 0; j < tf; j++) {
      last += flat[k++];
      positions.push(last);
    }
    out.push(positions);
  }
  return out;
}

export class PostingCache {
  /** Decoded postings of the index behind files (a FileCache). */
  constructor(files) {
    this.files = files;
    this.decoded = new Map(); // "field\0term" -> decoded postings, or null
  }

  /** Decoded postings of a term in a field, or null. */
  async postings(manifest, field, term) {
    const key = `${field}\0${term}`;
    if (this.decoded.has(key)) return this.decoded.get(key);
    const flat = (await termEntry(this.files, manifest, term))[field];
    const decoded = flat ? decodePostings(flat) : null;
    this.decoded.set(key, decoded);
    return decoded;
  }

  /** Positions per posting of a term in a field (fetched on the first phrase that needs them). */
  async positions(manifest, field, term, postings) {
    if (!postings.positions) {
      const entry = await positionEntry(this.files, manifest, term);
      postings.positions = decodePositions(entry[field], postings.tfs);
    }
    return postings.positions;
  }
}

// The search engine over the exported index (docs/search-format.md). It fetches only the
// manifest, the shards holding the query's terms and, when asked, facets and documents.
import { avgFieldLength, bm25, BYTE_TO_LENGTH, idf } from "./scoring.js";
import { isEmpty, parseQuery } from "./query.js";
import { foldTableLoaded, isAscii, setFoldTable } from "./fold.js";
import { correctWords, warmLexicon } from "./correct.js";

export const FORMAT_VERSION = 3;
const PREFIX_MIN = 2; // the manifest's prefix_min, before the manifest is loaded
const FACETS = ["ticker", "year", "tag"];

/** Compare strings by code point, the order of Python's sorted() and Whoosh's lexicon. */
export function compareTerms(a, b) {
  if (a === b) return 0;
  const ia = a[Symbol.iterator]();
  const ib = b[Symbol.iterator]();
  for (;;) {
    const x = ia.next();
    const y = ib.next();
    if (x.done) return y.done ? 0 : -1;
    if (y.done) return 1;
    const d = x.value.codePointAt(0) - y.value.codePointAt(0);
    if (d) return d;
  }
}

/** Index of the [first, last, ...] row whose term range holds term, or -1 (rows sorted). */
export function rangeIndex(rows, term) {
  let lo = 0;
  let hi = rows.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (compareTerms(term, rows[mid][0]) < 0) hi = mid - 1;
    else if (compareTerms(term, rows[mid][1]) > 0) lo = mid + 1;
    else return mid;
  }
  return -1;
}

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

/** Default fetcher for browsers: one JSON file under the search folder. */
export const httpFetcher = (baseUrl) => (name) =>
  fetch(new URL(name, baseUrl)).then((response) => {
    if (!response.ok) throw new Error(`search: ${name}: HTTP ${response.status}`);
    return response.json();
  });

export class SearchEngine {
  /** fetchJson(name) returns a promise of the parsed JSON file name from the search folder. */
  constructor(fetchJson) {
    this.fetchJson = fetchJson;
    this.files = new Map(); // name -> promise: one request per file, shared by searches
    this.decoded = new Map(); // "field\0term" -> decoded postings
  }

  /** Fetch a file once; concurrent and later callers share the promise. */
  load(name) {
    let promise = this.files.get(name);
    if (!promise) {
      promise = this.fetchJson(name);
      promise.catch(() => this.files.delete(name));
      this.files.set(name, promise);
    }
    return promise;
  }

  async manifest() {
    const manifest = await this.load("manifest.json");
    if (manifest.format !== FORMAT_VERSION) {
      throw new Error(`search: unsupported index format ${manifest.format}`);
    }
    return manifest;
  }

  /** The row [first, last, shard, positions] of the shard whose range holds term, or null.
   * The manifest lists groups of shard rows (its second level); one group file is read. */
  async shardRow(manifest, term) {
    const g = rangeIndex(manifest.terms, term);
    if (g < 0) return null;
    const { rows } = await this.load(manifest.terms[g][2]);
    const i = rangeIndex(rows, term);
    return i < 0 ? null : rows[i];
  }

  /** Return {field: flat postings} of a term, or {} when the index lacks it. */
  async termEntry(manifest, term) {
    const row = await this.shardRow(manifest, term);
    if (!row) return {};
    const shard = await this.load(row[2]);
    return Object.hasOwn(shard, term) ? shard[term] : {};
  }

  /** Decoded postings of a term in a field, or null. */
  async postings(manifest, field, term) {
    const key = `${field}\0${term}`;
    if (this.decoded.has(key)) return this.decoded.get(key);
    const flat = (await this.termEntry(manifest, term))[field];
    const decoded = flat ? decodePostings(flat) : null;
    this.decoded.set(key, decoded);
    return decoded;
  }

  /** Positions per posting of a term in a field. */
  async positions(manifest, field, term, postings) {
    if (!postings.positions) {
      const shard = await this.shardRow(manifest, term);
      const file = await this.load(shard[3]);
      postings.positions = decodePositions(file[term][field], postings.tfs);
    }
    return postings.positions;
  }

  /** Score map {doc -> score} of one term in one field, boosted. */
  termScores(manifest, field, postings) {
    const N = manifest.doc_count;
    const { B, K1 } = manifest.bm25;
    const stats = manifest.fields[field];
    const avgfl = avgFieldLength(stats.total, N);
    const termIdf = idf(N, postings.docs.length);
    const scores = new Map();
    for (let i = 0; i < postings.docs.length; i++) {
      let s = bm25(termIdf, postings.tfs[i], postings.lengths[i], avgfl, B, K1);
      if (stats.boost !== 1) s *= stats.boost;
      scores.set(postings.docs[i], s);
    }
    return scores;
  }

  /** Union of score maps, summing in order. */
  static union(maps) {
    const out = new Map();
    for (const map of maps) {
      for (const [doc, s] of map) out.set(doc, out.has(doc) ? out.get(doc) + s : s);
    }
    return out;
  }

  async wordGroup(manifest, term) {
    const maps = [];
    for (const field of manifest.field_order) {
      const p = await this.postings(manifest, field, term);
      if (p) maps.push(this.termScores(manifest, field, p));
    }
    return SearchEngine.union(maps);
  }

  async phraseInField(manifest, field, terms) {
    const lists = [];
    for (const term of terms) {
      const p = await this.postings(manifest, field, term);
      if (!p) return new Map();
      lists.push(p);
    }
    const maps = lists.map((p) => this.termScores(manifest, field, p));
    const out = new Map();
    for (const [doc, first] of maps[0]) {
      if (!maps.every((m) => m.has(doc))) continue;
      const rows = [];
      for (let k = 0; k < terms.length; k++) {
        const positions = await this.positions(manifest, field, terms[k], lists[k]);
        rows.push(new Set(positions[rowOf(lists[k], doc)]));
      }
      const starts = [...rows[0]].filter((s) => rows.every((row, k) => row.has(s + k)));
      if (!starts.length) continue;
      let score = first;
      for (let k = 1; k < maps.length; k++) score += maps[k].get(doc);
      out.set(doc, score);
    }
    return out;
  }

  async phraseGroup(manifest, terms) {
    const maps = [];
    for (const field of manifest.field_order) {
      if (manifest.fields[field].phrase) maps.push(await this.phraseInField(manifest, field, terms));
    }
    return SearchEngine.union(maps);
  }

  /** Shard rows that may hold terms starting with prefix, group by group, in term order. */
  async *prefixRows(manifest, prefix) {
    const after = (row) => compareTerms(row[0], prefix) > 0 && !row[0].startsWith(prefix);
    for (const group of manifest.terms) {
      if (compareTerms(group[1], prefix) < 0) continue;
      if (after(group)) return;
      for (const row of (await this.load(group[2])).rows) {
        if (compareTerms(row[1], prefix) < 0) continue;
        if (after(row)) return;
        yield row;
      }
    }
  }

  /** Expand a prefix to {field: [terms]}, the first prefix_limit terms per field. */
  async expandPrefix(manifest, prefix) {
    const limit = manifest.prefix_limit;
    const found = Object.fromEntries(manifest.field_order.map((f) => [f, []]));
    for await (const row of this.prefixRows(manifest, prefix)) {
      const shard = await this.load(row[2]);
      for (const term of Object.keys(shard).sort(compareTerms)) {
        if (!term.startsWith(prefix)) continue;
        for (const field of manifest.field_order) {
          if (shard[term][field] && found[field].length < limit) found[field].push(term);
        }
      }
      if (manifest.field_order.every((f) => found[f].length >= limit)) break;
    }
    return found;
  }

  /** The word being typed: its stem or any of its expansions, per field in that order. */
  async prefixGroup(manifest, parsed) {
    const [expansions] = await Promise.all([
      this.expandPrefix(manifest, parsed.prefix), this.termEntry(manifest, parsed.prefixStem)]);
    const maps = [];
    for (const field of manifest.field_order) {
      const terms = [parsed.prefixStem, ...expansions[field].filter((t) => t !== parsed.prefixStem)];
      for (const term of terms) {
        const p = await this.postings(manifest, field, term);
        if (p) maps.push(this.termScores(manifest, field, p));
      }
    }
    return SearchEngine.union(maps);
  }

  /** True when some field holds term. */
  async holds(manifest, term) {
    return Object.keys(await this.termEntry(manifest, term)).length > 0;
  }

  /** The lexicon rows of terms starting with letters (the first letters of word), or [].
   * The group file whose span holds word names the file: the last group starting at or
   * before word (the first group for a word before them all). That is the group shardRow
   * read for word, unless word falls between two groups' ranges. */
  async lexicon(manifest, word, letters) {
    const groups = manifest.terms;
    if (!groups.length) return [];
    let lo = 1;
    let hi = groups.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (compareTerms(groups[mid][0], word) <= 0) lo = mid + 1;
      else hi = mid - 1;
    }
    const hash = (await this.load(groups[lo - 1][2])).lexicon[letters];
    return hash ? this.load(`lex-${hash}.json`) : [];
  }

  /** Load the fold table before analysing non-ASCII text. */
  async ensureFold(manifest, text) {
    if (!isAscii(text) && !foldTableLoaded()) setFoldTable(await this.load(manifest.fold));
  }

  /** Facet columns per document and value totals (loaded on demand: filters, counts, date sort). */
  async facetColumns(manifest) {
    return this.load(manifest.facets);
  }

  /** Facet value indexes wanted by the active filters: {kind: index} (-1 matches nothing). */
  static wantedFacets(columns, filters) {
    const wanted = {};
    for (const kind of FACETS) {
      if (filters[kind]) {
        wanted[kind] = columns.totals[kind].findIndex(([v]) => v === String(filters[kind]));
      }
    }
    return wanted;
  }

  /** True when doc has the wanted value of every facet kind in kinds. */
  static passes(columns, wanted, kinds, doc) {
    return kinds.every((k) => {
      const value = columns[k][doc];
      return Array.isArray(value) ? value.includes(wanted[k]) : value === wanted[k];
    });
  }

  /** Return the docs of scores that pass the ticker/year/tag filters. */
  async applyFilters(manifest, scores, filters) {
    if (!FACETS.some((kind) => filters[kind])) return scores;
    const columns = await this.facetColumns(manifest);
    const wanted = SearchEngine.wantedFacets(columns, filters);
    const active = Object.keys(wanted);
    const out = new Map();
    for (const [doc, s] of scores) {
      if (SearchEngine.passes(columns, wanted, active, doc)) out.set(doc, s);
    }
    return out;
  }

  /**
   * Count facet values over the matches. Each kind is counted with the other kinds' filters
   * applied but not its own, so a visitor sees what switching that filter would give.
   */
  async facetCounts(manifest, docs, filters = {}) {
    const columns = await this.facetColumns(manifest);
    const wanted = SearchEngine.wantedFacets(columns, filters);
    const counts = {};
    for (const kind of FACETS) {
      const others = Object.keys(wanted).filter((k) => k !== kind);
      const values = columns.totals[kind].map(([v]) => v);
      const tally = new Array(values.length).fill(0);
      for (const doc of docs) {
        if (others.length && !SearchEngine.passes(columns, wanted, others, doc)) continue;
        const value = columns[kind][doc];
        for (const i of Array.isArray(value) ? value : [value]) tally[i] += 1;
      }
      counts[kind] = values.map((v, i) => [v, tally[i]]).filter(([, c]) => c > 0);
    }
    return counts;
  }

  /** Ranked doc numbers and scores for a parsed query. */
  async rank(manifest, parsed) {
    if (isEmpty(parsed)) return new Map();
    // fetch every shard the query needs at once, not one after another
    const terms = [...parsed.words, ...parsed.phrases.flat(), parsed.prefixStem].filter(Boolean);
    await Promise.all(terms.map((t) => this.termEntry(manifest, t)));
    const groups = [];
    for (const term of parsed.words) groups.push(await this.wordGroup(manifest, term));
    for (const terms of parsed.phrases) groups.push(await this.phraseGroup(manifest, terms));
    if (parsed.prefix) groups.push(await this.prefixGroup(manifest, parsed));
    const smallest = groups.reduce((a, b) => (b.size < a.size ? b : a));
    const out = new Map();
    for (const doc of smallest.keys()) {
      if (!groups.every((g) => g.has(doc))) continue;
      let score = groups[0].get(doc);
      for (let k = 1; k < groups.length; k++) score += groups[k].get(doc);
      out.set(doc, score);
    }
    return out;
  }

  /**
   * Search: returns {hits: [{id, score, data()}], total, counts?, parsed}.
   * options: prefix (typing mode), filters {ticker, year, tag}, sort ("relevance"|"date"),
   * counts (also count facet values over the matches), correct (false: no typo correction).
   */
  async search(text, options = {}) {
    // A query of stop words only needs no file at all (the manifest waits for a real term).
    let manifest = isAscii(text) ? null : await this.manifest();
    if (manifest) await this.ensureFold(manifest, text);
    const parsed = parseQuery(text, { prefix: options.prefix, prefixMin: manifest?.prefix_min ?? PREFIX_MIN });
    if (isEmpty(parsed)) return { hits: [], total: 0, parsed, counts: options.counts ? {} : undefined };
    manifest = manifest || await this.manifest();
    if (options.correct !== false) await correctWords(this, manifest, parsed);
    const matched = await this.rank(manifest, parsed);
    if (options.prefix && matched.size === 0) warmLexicon(this, manifest, parsed);
    const filters = options.filters || {};
    const scores = await this.applyFilters(manifest, matched, filters);
    const ids = [...scores.keys()];
    if (options.sort === "date") {
      const { newest } = await this.facetColumns(manifest);
      ids.sort((a, b) => newest[a] - newest[b]);
    } else {
      ids.sort((a, b) => scores.get(b) - scores.get(a) || a - b);
    }
    const hits = ids.map((id) => ({ id, score: scores.get(id), data: () => this.document(id) }));
    const result = { hits, total: hits.length, parsed };
    if (options.counts) result.counts = await this.facetCounts(manifest, [...matched.keys()], filters);
    return result;
  }

  /** The display record of one release: its chunk's name from a directory file, then the chunk. */
  async document(id) {
    const manifest = await this.manifest();
    const { size, per_dir: perDir, dirs } = manifest.docs;
    const number = Math.floor(id / size);
    const hashes = await this.load(dirs[Math.floor(number / perDir)]);
    const chunk = await this.load(`docs-${hashes[number % perDir]}.json`);
    const [title, url, date, tickers, tags, summary, snippet] = chunk[id % size];
    return { id, title, url, date, tickers, tags, summary, snippet };
  }
}

/** Levenshtein distance of code points, stopping early past limit. */
export function editDistance(a, b, limit = Infinity) {
  a = Array.from(a);
  b = Array.from(b);
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      rowMin = Math.min(rowMin, current[j]);
    }
    if (rowMin > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length];
}

// The search engine over the exported index (docs/search-format.md): it runs one search's
// steps in order and owns the two caches; each step lives in its own module:
//   files.js   fetch and cache (one request per file)    terms.js  where a term lives
//   decode.js  postings and positions                     rank.js   BM25F, phrases, prefixes
//   facets.js  filters, counts, date order                correct.js  typo corrections
// It fetches only the manifest, the shards holding the query's terms and, when asked,
// facets and documents.
import { FileCache } from "./files.js";
import { PostingCache } from "./decode.js";
import { expandPrefix } from "./terms.js";
import { rank } from "./rank.js";
import { applyFilters, facetCounts, sortByDate } from "./facets.js";
import { correctWords, warmLexicon } from "./correct.js";
import { isEmpty, parseQuery } from "./query.js";
import { foldTableLoaded, isAscii, setFoldTable } from "./fold.js";

const PREFIX_MIN = 2; // the manifest's prefix_min, before the manifest is loaded

export class SearchEngine {
  /** fetchJson(name) returns a promise of the parsed JSON file name from the search folder. */
  constructor(fetchJson) {
    this.files = new FileCache(fetchJson);
    this.cache = new PostingCache(this.files);
  }

  /** Fetch a file once; concurrent and later callers share the promise. */
  load(name) {
    return this.files.load(name);
  }

  manifest() {
    return this.files.manifest();
  }

  /** Expand a prefix to {field: [terms]} (the page warms the word being typed with it). */
  expandPrefix(manifest, prefix) {
    return expandPrefix(this.files, manifest, prefix);
  }

  /** Load the fold table before analysing non-ASCII text. */
  async ensureFold(manifest, text) {
    if (!isAscii(text) && !foldTableLoaded()) setFoldTable(await this.load(manifest.fold));
  }

  /** The parsed query and the manifest (null while the query needs no file). */
  async parse(text, options) {
    // A query of stop words only needs no file at all (the manifest waits for a real term).
    const manifest = isAscii(text) ? null : await this.manifest();
    if (manifest) await this.ensureFold(manifest, text);
    const prefixMin = manifest?.prefix_min ?? PREFIX_MIN;
    return { manifest, parsed: parseQuery(text, { prefix: options.prefix, prefixMin }) };
  }

  /**
   * Search: returns {hits: [{id, score, data()}], total, counts?, parsed}.
   * options: prefix (typing mode), filters {ticker, year, tag}, sort ("relevance"|"date"),
   * counts (also count facet values over the matches), correct (false: no typo correction).
   */
  async search(text, options = {}) {
    let { manifest, parsed } = await this.parse(text, options);
    if (isEmpty(parsed)) return { hits: [], total: 0, parsed, counts: options.counts ? {} : undefined };
    manifest = manifest || await this.manifest();
    if (options.correct !== false) await correctWords(this.files, manifest, parsed);
    const matched = await rank(this.cache, manifest, parsed);
    if (options.prefix && matched.size === 0) warmLexicon(this.files, manifest, parsed);
    const filters = options.filters || {};
    const scores = await applyFilters(this.files, manifest, matched, filters);
    const ids = [...scores.keys()];
    if (options.sort === "date") await sortByDate(this.files, manifest, ids);
    else ids.sort((a, b) => scores.get(b) - scores.get(a) || a - b);
    const hits = ids.map((id) => ({ id, score: scores.get(id), data: () => this.document(id) }));
    const result = { hits, total: hits.length, parsed };
    if (options.counts) result.counts = await facetCounts(this.files, manifest, [...matched.keys()], filters);
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

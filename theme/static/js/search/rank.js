// Rank: BM25F over the decoded postings, exactly as Whoosh scores (parity tests compare the
// two to 1e-9). A query is an AND of groups (a word, a phrase, the word being typed), each
// group a union of per-field score maps; a document's score is the sum over its groups.
import { avgFieldLength, bm25, idf } from "./scoring.js";
import { rowOf } from "./decode.js";
import { expandPrefix, termEntry } from "./terms.js";
import { isEmpty } from "./query.js";

/** Score map {doc -> score} of one term in one field, boosted. */
export function termScores(manifest, field, postings) {
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
export function unionScores(maps) {
  const out = new Map();
  for (const map of maps) {
    for (const [doc, s] of map) out.set(doc, out.has(doc) ? out.get(doc) + s : s);
  }
  return out;
}

/** A word: its term in every field. */
async function wordGroup(cache, manifest, term) {
  const maps = [];
  for (const field of manifest.field_order) {
    const p = await cache.postings(manifest, field, term);
    if (p) maps.push(termScores(manifest, field, p));
  }
  return unionScores(maps);
}

/** True when the terms stand next to each other, in order, in doc. */
async function adjacent(cache, manifest, field, terms, lists, doc) {
  const rows = [];
  for (let k = 0; k < terms.length; k++) {
    const positions = await cache.positions(manifest, field, terms[k], lists[k]);
    rows.push(new Set(positions[rowOf(lists[k], doc)]));
  }
  return [...rows[0]].some((s) => rows.every((row, k) => row.has(s + k)));
}

async function phraseInField(cache, manifest, field, terms) {
  const lists = [];
  for (const term of terms) {
    const p = await cache.postings(manifest, field, term);
    if (!p) return new Map();
    lists.push(p);
  }
  const maps = lists.map((p) => termScores(manifest, field, p));
  const out = new Map();
  for (const [doc, first] of maps[0]) {
    if (!maps.every((m) => m.has(doc))) continue;
    if (!(await adjacent(cache, manifest, field, terms, lists, doc))) continue;
    let score = first;
    for (let k = 1; k < maps.length; k++) score += maps[k].get(doc);
    out.set(doc, score);
  }
  return out;
}

/** A phrase: its terms in a row, in every field that keeps positions. */
async function phraseGroup(cache, manifest, terms) {
  const maps = [];
  for (const field of manifest.field_order) {
    if (manifest.fields[field].phrase) maps.push(await phraseInField(cache, manifest, field, terms));
  }
  return unionScores(maps);
}

/** The word being typed: its stem or any of its expansions, per field in that order. */
async function prefixGroup(cache, manifest, parsed) {
  const [expansions] = await Promise.all([
    expandPrefix(cache.files, manifest, parsed.prefix),
    termEntry(cache.files, manifest, parsed.prefixStem)]);
  const maps = [];
  for (const field of manifest.field_order) {
    const terms = [parsed.prefixStem, ...expansions[field].filter((t) => t !== parsed.prefixStem)];
    for (const term of terms) {
      const p = await cache.postings(manifest, field, term);
      if (p) maps.push(termScores(manifest, field, p));
    }
  }
  return unionScores(maps);
}

/** Documents in every group, scored by the sum of their group scores in group order. */
function intersect(groups) {
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

/** Ranked doc numbers and scores for a parsed query (cache: a PostingCache). */
export async function rank(cache, manifest, parsed) {
  if (isEmpty(parsed)) return new Map();
  // fetch every shard the query needs at once, not one after another
  const terms = [...parsed.words, ...parsed.phrases.flat(), parsed.prefixStem].filter(Boolean);
  await Promise.all(terms.map((t) => termEntry(cache.files, manifest, t)));
  const groups = [];
  for (const term of parsed.words) groups.push(await wordGroup(cache, manifest, term));
  for (const terms of parsed.phrases) groups.push(await phraseGroup(cache, manifest, terms));
  if (parsed.prefix) groups.push(await prefixGroup(cache, manifest, parsed));
  return intersect(groups);
}

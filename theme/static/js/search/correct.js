// Typo correction, as dateline.search.correct does it: a word the index lacks becomes the
// nearest lexicon term with its first two letters (edit distance 1 up to 4 letters, else 2), then
// the one in more releases, then the first by code point; shown by its surface word. A word in
// at most FEW releases with a neighbour in RATIO times as many is corrected too: the export
// lists those in the word's shard row (its fifth item), so they cost no request.
import { compareTerms, editDistance } from "./engine.js";

const MIN_LENGTH = 3;
const SHARED = 2; // leading characters a correction shares with the word

/** Whether a term can be a correction (letters only, at least MIN_LENGTH long). */
export const isCandidate = (term) => [...term].length >= MIN_LENGTH && /^\p{L}+$/u.test(term);

export const maxDistance = (word) => ([...word].length <= 4 ? 1 : 2);

/** The best [term, releases, surface] row of a lexicon for word, or null. */
export function nearest(rows, word) {
  const limit = maxDistance(word);
  let best = null;
  let bestDistance = limit + 1;
  for (const row of rows) {
    const d = editDistance(word, row[0], limit);
    if (d === 0 || d > limit || row[1] === 0) continue;
    if (d < bestDistance || (d === bestDistance
      && (row[1] > best[1] || (row[1] === best[1] && compareTerms(row[0], best[0]) < 0))))
    {
      best = row;
      bestDistance = d;
    }
  }
  return best;
}

/** Replace the words the index lacks, and the words in very few releases that have a far
 * commoner neighbour (precomputed in the word's shard row: no extra request), by their
 * corrections, in query order; records [typed, term, surface]. A missing word's lexicon file
 * is fetched at once, together with the likely shards of its correction (engine.js). */
export async function correctWords(engine, manifest, parsed) {
  const words = [...new Set(parsed.words)].filter(isCandidate);
  const rows = await Promise.all(words.map((word) => fixOf(engine, manifest, word)));
  const fixes = new Map();
  words.forEach((word, i) => {
    if (!rows[i]) return;
    fixes.set(word, rows[i][0]);
    parsed.corrections.push([word, rows[i][0], rows[i][2]]);
  });
  if (fixes.size) parsed.words = parsed.words.map((w) => fixes.get(w) ?? w);
}

/** The [term, releases, surface] a word is corrected to, or null. */
async function fixOf(engine, manifest, word) {
  const few = (await engine.shardRow(manifest, word))?.[4];
  if (few && Object.hasOwn(few, word)) return [few[word][0], 0, few[word][1]];
  if (await engine.holds(manifest, word)) return null;
  return nearest(await engine.lexicon(manifest, word, [...word].slice(0, SHARED).join("")), word);
}

/** While typing: when the word being typed matches nothing and the index lacks it, fetch its
 * lexicon file now, so that Enter finds it cached and the correction costs one round trip
 * less (the word's shard is loaded already). Fire and forget. */
export function warmLexicon(engine, manifest, parsed) {
  const stem = parsed.prefixStem;
  if (!stem || !isCandidate(stem)) return;
  engine.holds(manifest, stem)
    .then((held) => held || engine.lexicon(manifest, stem, [...stem].slice(0, SHARED).join("")))
    .catch(() => {});
}

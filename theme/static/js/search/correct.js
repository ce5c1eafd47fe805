// Suggest: typo correction, as dateline.search.correct does it: a word the index lacks becomes the
// nearest lexicon term with its first two letters (edit distance 1 up to 4 letters, else 2), then
// the one in more releases, then the first by code point; shown by its surface word. A word in
// at most FEW releases with a neighbour in RATIO times as many is corrected too: the export
// lists those in the word's shard row (its fifth item), so they cost no request.
import { compareTerms, holds, lexicon, shardRow } from "./terms.js";

const MIN_LENGTH = 3;
const SHARED = 2; // leading characters a correction shares with the word

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

/** Whether a term can be a correction (letters only, at least MIN_LENGTH long). */
export const isCandidate = (term) => [...term].length >= MIN_LENGTH && /^\p{L}+$/u.test(term);

/** The letters naming a word's lexicon file. */
const firstLetters = (word) => [...word].slice(0, SHARED).join("");

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
 * is fetched at once (files: the engine's FileCache). */
export async function correctWords(files, manifest, parsed) {
  const words = [...new Set(parsed.words)].filter(isCandidate);
  const rows = await Promise.all(words.map((word) => fixOf(files, manifest, word)));
  const fixes = new Map();
  words.forEach((word, i) => {
    if (!rows[i]) return;
    fixes.set(word, rows[i][0]);
    parsed.corrections.push([word, rows[i][0], rows[i][2]]);
  });
  if (fixes.size) parsed.words = parsed.words.map((w) => fixes.get(w) ?? w);
}

/** The [term, releases, surface] a word is corrected to, or null. */
async function fixOf(files, manifest, word) {
  const few = (await shardRow(files, manifest, word))?.[4];
  if (few && Object.hasOwn(few, word)) return [few[word][0], 0, few[word][1]];
  if (await holds(files, manifest, word)) return null;
  return nearest(await lexicon(files, manifest, word, firstLetters(word)), word);
}

/** While typing: when the word being typed matches nothing and the index lacks it, fetch its
 * lexicon file now, so that Enter finds it cached and the correction costs one round trip
 * less (the word's shard is loaded already). Fire and forget. */
export function warmLexicon(files, manifest, parsed) {
  const stem = parsed.prefixStem;
  if (!stem || !isCandidate(stem)) return;
  holds(files, manifest, stem)
    .then((held) => held || lexicon(files, manifest, stem, firstLetters(stem)))
    .catch(() => {});
}

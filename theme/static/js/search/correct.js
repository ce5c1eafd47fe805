// Typo correction, as dateline.search.correct does it: a word the index lacks becomes the
// nearest lexicon term with its first two letters (edit distance 1 up to 4 letters, else 2), then
// the one in more releases, then the first by code point; shown by its surface word.
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

/** Replace the words the index lacks by their corrections; records [typed, term, surface]. */
export async function correctWords(engine, manifest, parsed) {
  const missing = [];
  for (const word of new Set(parsed.words)) {
    if (isCandidate(word)) missing.push(word);
  }
  const held = await Promise.all(missing.map((w) => engine.holds(manifest, w)));
  const fixes = new Map();
  for (const word of missing.filter((w, i) => !held[i])) {
    const row = nearest(await engine.lexicon(manifest, [...word].slice(0, SHARED).join("")), word);
    if (!row) continue;
    fixes.set(word, row[0]);
    parsed.corrections.push([word, row[0], row[2]]);
  }
  if (fixes.size) parsed.words = parsed.words.map((w) => fixes.get(w) ?? w);
}

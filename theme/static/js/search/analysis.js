// The analyzer pipeline, one function per stage, mirroring dateline.search.schema.build_analyzer:
// fold | RegexTokenizer(r"\w+(\.?\w+)*") | LowercaseFilter | StopFilter(minsize=2) | StemFilter(porter2).
import { STOP_WORDS } from "./stopwords.js";
import { stem } from "./stemmer.js";
import { foldWithOrigins } from "./fold.js";

// Python's Unicode \w is letters, numbers and the underscore.
export const TOKEN_PATTERN = "[\\p{L}\\p{N}_]+(?:\\.?[\\p{L}\\p{N}_]+)*";
const MIN_SIZE = 2;

/** Fold, then split into tokens {text, start, end}; start/end are offsets in the unfolded text. */
export function tokenize(text) {
  const folded = foldWithOrigins(text);
  const tokens = [];
  for (const match of folded.text.matchAll(new RegExp(TOKEN_PATTERN, "gu"))) {
    const end = match.index + match[0].length;
    tokens.push({ text: match[0], start: folded.origins[match.index], end: folded.origins[end] });
  }
  return tokens;
}

/** Lowercase each token. */
export const lowercase = (tokens) => tokens.map((t) => ({ ...t, text: t.text.toLowerCase() }));

/** True for a word the index never holds: a stop word or a single character. */
export const isStopWord = (word) => [...word].length < MIN_SIZE || STOP_WORDS.has(word);

/** Drop stop words and one-character tokens; positions count only kept tokens (renumber). */
export function removeStopWords(tokens) {
  return tokens.filter((t) => !isStopWord(t.text)).map((t, pos) => ({ ...t, pos }));
}

const stemCache = new Map();

/** Porter2 stem of a word (cached, as Whoosh caches). */
export function stemWord(word) {
  let stemmed = stemCache.get(word);
  if (stemmed === undefined) {
    stemmed = stem(word);
    if (stemCache.size < 50000) stemCache.set(word, stemmed);
  }
  return stemmed;
}

/** Stem each token. */
export const stemTokens = (tokens) => tokens.map((t) => ({ ...t, text: stemWord(t.text) }));

/** Run the whole pipeline; returns tokens with text (the index term), pos, start, end. */
export const analyzeTokens = (text) => stemTokens(removeStopWords(lowercase(tokenize(text))));

/** Return just the index terms of text. */
export const analyze = (text) => analyzeTokens(text).map((t) => t.text);

// The analyzer pipeline, one function per stage, mirroring dateline.search.schema.build_analyzer:
// RegexTokenizer(r"\w+(\.?\w+)*") | LowercaseFilter | StopFilter(minsize=2) | StemFilter(porter2).
import { STOP_WORDS } from "./stopwords.js";
import { stem } from "./stemmer.js";

// Python's Unicode \w is letters, numbers and the underscore.
export const TOKEN_PATTERN = "[\\p{L}\\p{N}_]+(?:\\.?[\\p{L}\\p{N}_]+)*";
const MIN_SIZE = 2;

/** Split text into tokens {text, start, end}; start/end are string offsets for highlighting. */
export function tokenize(text) {
  const tokens = [];
  for (const match of text.matchAll(new RegExp(TOKEN_PATTERN, "gu"))) {
    tokens.push({ text: match[0], start: match.index, end: match.index + match[0].length });
  }
  return tokens;
}

/** Lowercase each token. */
export const lowercase = (tokens) => tokens.map((t) => ({ ...t, text: t.text.toLowerCase() }));

/** Drop stop words and one-character tokens; positions count only kept tokens (renumber). */
export function removeStopWords(tokens) {
  return tokens
    .filter((t) => [...t.text].length >= MIN_SIZE && !STOP_WORDS.has(t.text))
    .map((t, pos) => ({ ...t, pos }));
}

const stemCache = new Map();

/** Stem each token with Porter2 (cached, as Whoosh caches). */
export function stemTokens(tokens) {
  return tokens.map((t) => {
    let stemmed = stemCache.get(t.text);
    if (stemmed === undefined) {
      stemmed = stem(t.text);
      if (stemCache.size < 50000) stemCache.set(t.text, stemmed);
    }
    return { ...t, text: stemmed };
  });
}

/** Run the whole pipeline; returns tokens with text (the index term), pos, start, end. */
export const analyzeTokens = (text) => stemTokens(removeStopWords(lowercase(tokenize(text))));

/** Return just the index terms of text. */
export const analyze = (text) => analyzeTokens(text).map((t) => t.text);

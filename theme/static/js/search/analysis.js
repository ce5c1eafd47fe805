// The analyzer pipeline, one function per stage, mirroring dateline.search.schema.build_analyzer:
// fold | RegexTokenizer(r"\w+(\.?\w+)*") | LowercaseFilter | StopFilter(minsize=2) | StemFilter(porter2).
// A French index (schema.FrenchAnalyzer) swaps the stop list and the stemmer: setLanguage("fr").
import { FRENCH_STOP_WORDS, STOP_WORDS } from "./stopwords.js";
import { stem } from "./stemmer.js";
import { stemFrench } from "./stemmer_fr.js";
import { foldWithOrigins } from "./fold.js";

// Python's Unicode \w is letters, numbers and the underscore.
export const TOKEN_PATTERN = "[\\p{L}\\p{N}_]+(?:\\.?[\\p{L}\\p{N}_]+)*";
const MIN_SIZE = 2;

// Languages with their own analyzer; any other language analyses as English (as in Python).
const LANGUAGES = {
  en: { stops: STOP_WORDS, stemmer: stem },
  fr: { stops: FRENCH_STOP_WORDS, stemmer: stemFrench },
};
let language = LANGUAGES.en;
const stemCache = new Map();

/** Analyse as the index of lang does ("fr", "fr-CA"; English for any other code). */
export function setLanguage(lang) {
  const code = String(lang || "en").split("-")[0].toLowerCase();
  const chosen = LANGUAGES[code] ?? LANGUAGES.en;
  if (chosen !== language) stemCache.clear();
  language = chosen;
}

/** The language setLanguage chose ("en" or "fr"). */
export const currentLanguage = () => Object.keys(LANGUAGES).find((k) => LANGUAGES[k] === language);

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
export const isStopWord = (word) => [...word].length < MIN_SIZE || language.stops.has(word);

/** Drop stop words and one-character tokens; positions count only kept tokens (renumber). */
export function removeStopWords(tokens) {
  return tokens.filter((t) => !isStopWord(t.text)).map((t, pos) => ({ ...t, pos }));
}

/** The stem of a word in the current language (Porter2 for English) (cached, as Whoosh caches). */
export function stemWord(word) {
  let stemmed = stemCache.get(word);
  if (stemmed === undefined) {
    stemmed = language.stemmer(word);
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

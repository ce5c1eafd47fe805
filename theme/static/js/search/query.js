// Query parsing, mirroring dateline.search.query.parse_query: AND of words, "quoted phrases",
// and the last unquoted word as its stem or a prefix while typing. Text is folded first, so
// curly quotes make phrases and accents do not matter.
import { analyze, TOKEN_PATTERN } from "./analysis.js";
import { fold } from "./fold.js";

/** Split text into [isPhrase, chunk] pairs; an unclosed quote counts as plain text. */
export function splitQuotes(text) {
  const parts = text.split('"');
  if (parts.length % 2 === 0) {
    const last = parts.pop();
    parts[parts.length - 1] += " " + last;
  }
  return parts
    .map((chunk, i) => [i % 2 === 1, chunk])
    .filter(([, chunk]) => chunk.trim() !== "");
}

/** The last token of a plain chunk, if it is long enough to expand as a prefix. */
function lastToken(chunk, prefixMin) {
  const matches = [...chunk.matchAll(new RegExp(TOKEN_PATTERN, "gu"))];
  const last = matches.at(-1);
  return last && [...last[0]].length >= prefixMin ? last : null;
}

/** Parse a user query into {words, phrases, prefix, prefixStem, corrections}. */
export function parseQuery(text, { prefix = false, prefixMin = 2 } = {}) {
  const parsed = { words: [], phrases: [], prefix: "", prefixStem: "", corrections: [] };
  text = fold(text);
  const chunks = splitQuotes(text);
  let lastPlain = null;
  if (prefix && chunks.length && !chunks.at(-1)[0] && !text.endsWith(" ") && !text.endsWith('"')) {
    lastPlain = lastToken(chunks.at(-1)[1], prefixMin);
  }
  chunks.forEach(([isPhrase, chunk], index) => {
    if (isPhrase) {
      const terms = analyze(chunk);
      if (terms.length >= 2) parsed.phrases.push(terms);
      else parsed.words.push(...terms);
    } else if (lastPlain && index === chunks.length - 1) {
      parsed.words.push(...analyze(chunk.slice(0, lastPlain.index)));
      const word = lastPlain[0].toLowerCase();
      const stems = analyze(word); // empty for a stop word: it is never expanded
      if (stems.length) [parsed.prefix, parsed.prefixStem] = [word, stems[0]];
    } else {
      parsed.words.push(...analyze(chunk));
    }
  });
  return parsed;
}

/** True when nothing in the parsed query can match. */
export const isEmpty = (parsed) =>
  !parsed.words.length && !parsed.phrases.length && !parsed.prefix;

// Folding, as dateline.search.fold does it: one character map (the index's fold table, made
// from Python's Unicode data at build time), then thousands separators out ("100,000").
// The engine loads the table when a query holds a non-ASCII character; before that only the
// highlighter may fold, with the browser's own NFKD as a stand-in.
let table = null;

/** Install the fold table ({character: folded}). */
export function setFoldTable(map) {
  table = new Map(Object.entries(map));
}

export const foldTableLoaded = () => table !== null;

export const isAscii = (text) => !/[^\x00-\x7f]/.test(text);

// Before the table loads: quotes as fold.EXTRA has them, else the browser's own NFKD.
const QUOTES = { "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00ab": '"', "\u00bb": '"',
  "\u2018": "'", "\u2019": "'" };
const fallback = (char) => QUOTES[char] ?? char.normalize("NFKD").replace(/\p{M}/gu, "");

/** True when the comma at i of text sits between a digit and exactly three digits. */
function thousands(text, i) {
  const digit = (k) => k >= 0 && k < text.length && text.charCodeAt(k) >= 48 && text.charCodeAt(k) <= 57;
  return digit(i - 1) && digit(i + 1) && digit(i + 2) && digit(i + 3) && !digit(i + 4);
}

/** Fold text; origins[k] is the offset in text of folded character k (and one past the end). */
export function foldWithOrigins(text) {
  let mapped = "";
  const from = [];
  let offset = 0;
  for (const char of text) {
    const folded = char.charCodeAt(0) < 128 ? char : table ? (table.get(char) ?? char) : fallback(char);
    for (let k = 0; k < folded.length; k++) from.push(offset);
    mapped += folded;
    offset += char.length;
  }
  from.push(offset);
  if (!mapped.includes(",")) return { text: mapped, origins: from };
  let out = "";
  const origins = [];
  for (let i = 0; i < mapped.length; i++) {
    if (mapped[i] === "," && thousands(mapped, i)) continue;
    out += mapped[i];
    origins.push(from[i]);
  }
  origins.push(offset);
  return { text: out, origins };
}

/** Fold text (accents, compatibility forms, curly quotes, thousands separators). */
export const fold = (text) => foldWithOrigins(text).text;

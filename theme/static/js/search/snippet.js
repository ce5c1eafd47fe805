// Snippets: pick a window of text around the first query word and mark the hits.
// Returns plain {text, hit} parts; the UI turns them into text nodes (never innerHTML).
import { analyzeTokens } from "./analysis.js";

/** Return parts of text (about width chars) with query-term tokens marked as hits. */
export function highlight(text, terms, prefix = "", width = 220) {
  const wanted = new Set(terms);
  const hits = analyzeTokens(text).filter((t) =>
    wanted.has(t.text) || (prefix && text.slice(t.start, t.end).toLowerCase().startsWith(prefix)));
  const first = hits.length ? hits[0].start : 0;
  let start = Math.max(0, first - Math.floor(width / 4));
  if (start > 0) start = text.indexOf(" ", start) + 1 || start;
  const end = Math.min(text.length, start + width);
  const parts = [];
  let cursor = start;
  if (start > 0) parts.push({ text: "… ", hit: false });
  for (const t of hits) {
    if (t.start < start || t.end > end) continue;
    if (t.start > cursor) parts.push({ text: text.slice(cursor, t.start), hit: false });
    parts.push({ text: text.slice(t.start, t.end), hit: true });
    cursor = t.end;
  }
  if (cursor < end) parts.push({ text: text.slice(cursor, end), hit: false });
  if (end < text.length) parts.push({ text: " …", hit: false });
  return parts;
}

/** Terms to highlight for a parsed query. */
export const queryTerms = (parsed) => [...parsed.words, ...parsed.phrases.flat()];

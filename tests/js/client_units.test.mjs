// Unit tests of the client's pure helpers (no index needed).
import { test } from "node:test";
import assert from "node:assert/strict";
import { parseQuery, splitQuotes } from "../../theme/static/js/search/query.js";
import { bm25, idf } from "../../theme/static/js/search/scoring.js";
import { compareTerms, decodePostings, editDistance, SearchEngine } from "../../theme/static/js/search/engine.js";
import { highlight } from "../../theme/static/js/search/snippet.js";

test("quotes split into phrases; an unclosed quote is plain text", () => {
  assert.deepEqual(splitQuotes('gold "private placement" drill'),
    [[false, "gold "], [true, "private placement"], [false, " drill"]]);
  assert.deepEqual(splitQuotes('gold "private'), [[false, 'gold  private']]);
});

test("parse: stems, stop words, phrases and the prefix word", () => {
  assert.deepEqual(parseQuery('Running the "private placements" dril', { prefix: true }),
    { words: ["run"], phrases: [["privat", "placement"]], prefix: "dril" });
  assert.deepEqual(parseQuery("gold x", { prefix: true }), { words: ["gold"], phrases: [], prefix: "" });
  assert.equal(parseQuery("gold ", { prefix: true }).prefix, "");
});

test("bm25 and idf follow Whoosh's formulas", () => {
  assert.equal(idf(100, 9), Math.log(10) + 1);
  const expected = 2 * ((3 * 2.2) / (3 + 1.2 * (0.25 + 0.75 * 10 / 20)));
  assert.equal(bm25(2, 3, 10, 20, 0.75, 1.2), expected);
});

test("postings decode from deltas; terms compare by code point", () => {
  const p = decodePostings([2, 1, 11, 3, 2, 0]);
  assert.deepEqual([...p.docs], [2, 5]);
  assert.deepEqual([...p.lengths], [12, 0]);
  assert.ok(compareTerms("\u{10000}", "\uffff") > 0);
  assert.equal(editDistance("drill", "dril"), 1);
});

test("one fetch per file, shared by concurrent searches", async () => {
  const calls = [];
  const engine = new SearchEngine(async (name) => { calls.push(name); return { format: 1 }; });
  await Promise.all([engine.manifest(), engine.manifest(), engine.load("manifest.json")]);
  assert.deepEqual(calls, ["manifest.json"]);
});

test("highlight marks query words and keeps markup as text", () => {
  const parts = highlight("Drilling <img src=x onerror=alert(1)> results drilled", ["drill"], "", 200);
  assert.deepEqual(parts.filter((p) => p.hit).map((p) => p.text), ["Drilling", "drilled"]);
  assert.ok(parts.map((p) => p.text).join("").includes("<img src=x onerror=alert(1)>"));
});

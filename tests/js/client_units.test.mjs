// Unit tests of the client's pure helpers (no index needed).
import { test } from "node:test";
import assert from "node:assert/strict";
import { parseQuery, splitQuotes } from "../../theme/static/js/search/query.js";
import { bm25, idf } from "../../theme/static/js/search/scoring.js";
import { SearchEngine } from "../../theme/static/js/search/engine.js";
import { compareTerms } from "../../theme/static/js/search/terms.js";
import { decodePostings } from "../../theme/static/js/search/decode.js";
import { highlight } from "../../theme/static/js/search/snippet.js";
import { editDistance, nearest } from "../../theme/static/js/search/correct.js";

test("quotes split into phrases; an unclosed quote is plain text", () => {
  assert.deepEqual(splitQuotes('gold "private placement" drill'),
    [[false, "gold "], [true, "private placement"], [false, " drill"]]);
  assert.deepEqual(splitQuotes('gold "private'), [[false, 'gold  private']]);
});

test("parse: stems, stop words, phrases and the prefix word", () => {
  assert.deepEqual(parseQuery('Running the "private placements" dril', { prefix: true }),
    { words: ["run"], phrases: [["privat", "placement"]], prefix: "dril", prefixStem: "dril", corrections: [] });
  assert.deepEqual(parseQuery("gold x", { prefix: true }),
    { words: ["gold"], phrases: [], prefix: "", prefixStem: "", corrections: [] });
  assert.equal(parseQuery("gold ", { prefix: true }).prefix, "");
});

test("typing: the last word is its stem too; a stop word is never a prefix", () => {
  const parsed = parseQuery("gold mining", { prefix: true });
  assert.deepEqual([parsed.words, parsed.prefix, parsed.prefixStem], [["gold"], "mining", "mine"]);
  const stop = parseQuery("board of", { prefix: true });
  assert.deepEqual([stop.words, stop.prefix], [["board"], ""]);
});

test("curly quotes make a phrase; thousands separators go", () => {
  assert.deepEqual(parseQuery("\u201cprivate placement\u201d").phrases, [["privat", "placement"]]);
  assert.deepEqual(parseQuery("100,000 options").words, ["100000", "option"]);
});

test("corrections: nearest, then more releases, then code point", () => {
  const rows = [["commiss", 40, "commissioning"], ["comet", 90, "comet"], ["comics", 3, "comics"]];
  assert.deepEqual(nearest(rows, "comiss"), ["commiss", 40, "commissioning"]);
  assert.deepEqual(nearest([["mine", 5, "mine"], ["mind", 9, "mind"]], "mina"), ["mind", 9, "mind"]);
  assert.equal(nearest(rows, "zzzz"), null);
});

test("typing shows every release Enter shows (tiny index)", async () => {
  const shard = { mine: { body: [0, 1, 5, 1, 1, 5] }, minor: { body: [2, 1, 5] } };
  const manifest = { format: 3, doc_count: 3, bm25: { B: 0.75, K1: 1.2 }, prefix_limit: 32, prefix_min: 2,
    fields: { body: { total: 15, boost: 1, phrase: true } }, field_order: ["body"],
    terms: [["mine", "minor", "g.json"]], fold: "f.json" };
  const files = { "manifest.json": manifest, "g.json": { rows: [["mine", "minor", "s.json", ""]], lexicon: {} }, "s.json": shard };
  const engine = new SearchEngine(async (name) => files[name]);
  const enter = await engine.search("mining");
  const typing = await engine.search("mining", { prefix: true });
  assert.deepEqual(enter.hits.map((h) => h.id), [0, 1]);
  assert.deepEqual(typing.hits.map((h) => h.id).sort(), [0, 1]);
  assert.deepEqual((await engine.search("mi", { prefix: true })).hits.map((h) => h.id).sort(), [0, 1, 2]);
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

test("a stop-word-only query fetches nothing", async () => {
  const calls = [];
  const engine = new SearchEngine(async (name) => { calls.push(name); return { format: 3 }; });
  const result = await engine.search("the of and");
  assert.deepEqual([result.total, calls], [0, []]);
});

test("one fetch per file, shared by concurrent searches", async () => {
  const calls = [];
  const engine = new SearchEngine(async (name) => { calls.push(name); return { format: 3 }; });
  await Promise.all([engine.manifest(), engine.manifest(), engine.load("manifest.json")]);
  assert.deepEqual(calls, ["manifest.json"]);
});

test("highlight marks query words and keeps markup as text", () => {
  const parts = highlight("Drilling <img src=x onerror=alert(1)> results drilled", ["drill"], "", 200);
  assert.deepEqual(parts.filter((p) => p.hit).map((p) => p.text), ["Drilling", "drilled"]);
  assert.ok(parts.map((p) => p.text).join("").includes("<img src=x onerror=alert(1)>"));
});

test("highlight marks an accented word for its plain query, at its own offsets", () => {
  const parts = highlight("Drilling at Que\u0301bec and Québec", ["quebec"], "", 200);
  assert.deepEqual(parts.filter((p) => p.hit).map((p) => p.text), ["Que\u0301bec", "Québec"]);
});

test("a misspelt word finds its lexicon in the group before it, even between groups", async () => {
  const manifest = { format: 3, doc_count: 3, bm25: { B: 0.75, K1: 1.2 }, prefix_limit: 32, prefix_min: 2,
    fields: { body: { total: 15, boost: 1, phrase: true } }, field_order: ["body"],
    terms: [["mine", "minor", "g1.json"], ["mint", "mirth", "g2.json"]], fold: "f.json" };
  const lexicon = { mi: "abc" };
  const files = {
    "manifest.json": manifest,
    "g1.json": { rows: [["mine", "minor", "s1.json", ""]], lexicon },
    "g2.json": { rows: [["mint", "mirth", "s2.json", ""]], lexicon },
    "s1.json": { mine: { body: [0, 1, 5] }, minor: { body: [1, 1, 5] } },
    "s2.json": { mint: { body: [2, 1, 5] }, mirth: { body: [2, 1, 5] } },
    "lex-abc.json": [["mine", 1, "mine"], ["minor", 1, "minor"], ["mint", 5, "mint"], ["mirth", 1, "mirth"]],
  };
  for (const [word, group] of [["minp", "g1.json"], ["mimt", "g1.json"], ["mirtz", "g2.json"]]) {
    const calls = [];
    const engine = new SearchEngine(async (name) => { calls.push(name); return files[name]; });
    const result = await engine.search(word);
    assert.equal(result.parsed.corrections.length, 1, word);
    assert.deepEqual(result.hits.map((h) => h.id), [2], word);
    assert.ok(calls.includes(group) && calls.includes("lex-abc.json"), `${word}: ${calls}`);
  }
});

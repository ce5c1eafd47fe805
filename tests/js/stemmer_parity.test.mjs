// Stemmer and analyzer parity: the JS pipeline yields Whoosh's terms.
// Env: SEARCH_STEMS (JSON {word: stem}) and SEARCH_ANALYSIS (JSON [[text, [terms]]...]),
// both written by tests/test_search_export.py.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { stem } from "../../theme/static/js/search/stemmer.js";
import { analyze } from "../../theme/static/js/search/analysis.js";
import { STOP_WORDS } from "../../theme/static/js/search/stopwords.js";
import { fold, setFoldTable } from "../../theme/static/js/search/fold.js";

// The fold table the export ships (made from Python's Unicode data), never Node's normalize().
const FOLD_TABLE = new URL("../../plugins/dateline/search/fold-table.json", import.meta.url);
setFoldTable(JSON.parse(readFileSync(FOLD_TABLE, "utf8")).map);

const stemsPath = process.env.SEARCH_STEMS;
const analysisPath = process.env.SEARCH_ANALYSIS;

test("known Porter2 stems", () => {
  assert.equal(stem("running"), "run");
  assert.equal(stem("generously"), "generous");
  assert.equal(stem("skies"), "sky");
});

test("stems equal Whoosh's porter2", { skip: !stemsPath && "SEARCH_STEMS not set" }, () => {
  const expected = JSON.parse(readFileSync(stemsPath, "utf8"));
  const words = Object.keys(expected.stems);
  assert.ok(words.length >= 50000, `only ${words.length} words`);
  const wrong = words.filter((w) => stem(w) !== expected.stems[w]);
  assert.deepEqual(wrong.slice(0, 20).map((w) => [w, stem(w), expected.stems[w]]), []);
  assert.deepEqual([...STOP_WORDS].sort(), expected.stop_words);
});

test("analysis equals Whoosh's", { skip: !analysisPath && "SEARCH_ANALYSIS not set" }, () => {
  const cases = JSON.parse(readFileSync(analysisPath, "utf8"));
  assert.ok(cases.length > 1000, `only ${cases.length} texts`);
  for (const [text, terms] of cases) assert.deepEqual(analyze(text), terms, text);
  assert.equal(fold("Cuiú Cuiú “Que\u0301bec” 100,000"), 'Cuiu Cuiu "Quebec" 100000');
});

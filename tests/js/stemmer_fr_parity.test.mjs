// French stemmer and analyzer parity: the JS French pipeline yields Whoosh's terms.
// Env: SEARCH_FR_STEMS (JSON {stems: {word: stem}, stop_words: [...]}) and SEARCH_FR_ANALYSIS
// (JSON [[text, [terms]]...]), both written by tests/test_search_french.py.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { stemFrench } from "../../theme/static/js/search/stemmer_fr.js";
import { analyze, setLanguage } from "../../theme/static/js/search/analysis.js";
import { FRENCH_STOP_WORDS } from "../../theme/static/js/search/stopwords.js";
import { setFoldTable } from "../../theme/static/js/search/fold.js";

const FOLD_TABLE = new URL("../../plugins/dateline/search/fold-table.json", import.meta.url);
setFoldTable(JSON.parse(readFileSync(FOLD_TABLE, "utf8")).map);

const stemsPath = process.env.SEARCH_FR_STEMS;
const analysisPath = process.env.SEARCH_FR_ANALYSIS;

test("known Snowball French stems", () => {
  assert.equal(stemFrench("acquisitions"), "acquisit");
  assert.equal(stemFrench("exploitation"), "exploit");
  assert.equal(stemFrench("minière"), "mini");
  assert.equal(stemFrench("miniere"), "minier"); // folded, as the analyzer feeds it
  assert.equal(stemFrench("continuellement"), "continuel");
});

test("French stems equal Whoosh's", { skip: !stemsPath && "SEARCH_FR_STEMS not set" }, () => {
  const expected = JSON.parse(readFileSync(stemsPath, "utf8"));
  const words = Object.keys(expected.stems);
  assert.ok(words.length >= 20000, `only ${words.length} words`);
  const wrong = words.filter((w) => stemFrench(w) !== expected.stems[w]);
  assert.deepEqual(wrong.slice(0, 20).map((w) => [w, stemFrench(w), expected.stems[w]]), []);
  assert.deepEqual([...FRENCH_STOP_WORDS].sort(), expected.stop_words);
  console.log(`# french stems identical: ${words.length} words`);
});

test("French analysis equals Whoosh's", { skip: !analysisPath && "SEARCH_FR_ANALYSIS not set" },
  () => {
    const cases = JSON.parse(readFileSync(analysisPath, "utf8"));
    assert.ok(cases.length > 100, `only ${cases.length} texts`);
    setLanguage("fr-CA");
    try {
      for (const [text, terms] of cases) assert.deepEqual(analyze(text), terms, text);
    } finally {
      setLanguage("en");
    }
    assert.deepEqual(analyze("the running"), ["run"]);
  });

// Ranking parity: the JS engine returns the ranked ids and scores Whoosh returned.
// Env: SEARCH_EXPORT_DIR (an export) and SEARCH_EXPECTED (JSON written by pytest).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { SearchEngine } from "../../theme/static/js/search/engine.js";
import { fileFetcher } from "./fs_fetcher.mjs";

const exportDir = process.env.SEARCH_EXPORT_DIR;
const expectedPath = process.env.SEARCH_EXPECTED;

/** Group ranked [id, score] pairs into runs whose scores tie within rel (Whoosh's add order). */
function tieRuns(ids, scores, rel = 1e-12) {
  const runs = [];
  ids.forEach((id, i) => {
    const run = runs.at(-1);
    if (run && Math.abs(scores[i] - run.score) <= rel * Math.abs(run.score)) run.ids.push(id);
    else runs.push({ score: scores[i], ids: [id] });
  });
  return runs.map((r) => r.ids.sort((a, b) => a - b));
}

test("ranking parity with Whoosh", { skip: !exportDir && "SEARCH_EXPORT_DIR not set" }, async () => {
  const cases = JSON.parse(readFileSync(expectedPath, "utf8"));
  assert.ok(cases.length >= 500, `only ${cases.length} cases`);
  const engine = new SearchEngine(fileFetcher(exportDir));
  let compared = 0;
  let exact = 0;
  let corrected = 0;
  let typing = 0;
  for (const c of cases) {
    const result = await engine.search(c.query, { prefix: c.prefix, filters: c.filters, sort: c.sort });
    const ids = result.hits.map((h) => h.id);
    const scores = result.hits.map((h) => h.score);
    const label = JSON.stringify(c.query) + (c.prefix ? " (prefix)" : "") + JSON.stringify(c.filters);
    assert.deepEqual(result.parsed.corrections, c.corrections, `corrections for ${label}`);
    if (c.corrections.length) corrected += 1;
    if (c.prefix) typing += 1;
    assert.equal(ids.length, c.ids.length, `hit count for ${label}`);
    if (c.sort === "date") {
      assert.deepEqual(ids, c.ids, `date order for ${label}`);
    } else {
      assert.deepEqual(tieRuns(ids, scores), tieRuns(c.ids, c.scores), `ranking for ${label}`);
      const jsOrder = new Map(ids.map((id, i) => [id, i]));
      c.ids.forEach((id, i) => {
        const mine = scores[jsOrder.get(id)];
        assert.ok(Math.abs(mine - c.scores[i]) <= 1e-9 * Math.abs(c.scores[i]),
          `score of ${id} for ${label}: ${mine} vs ${c.scores[i]}`);
      });
    }
    if (JSON.stringify(ids) === JSON.stringify(c.ids)) exact += 1;
    compared += 1;
  }
  assert.equal(compared, cases.length);
  // Near-ties may swap (see above), but nearly every case must rank identically id for id.
  assert.ok(exact >= 0.95 * cases.length, `only ${exact}/${cases.length} identical rankings`);
  assert.ok(corrected >= 20 && typing >= 100, `${corrected} corrected, ${typing} typing cases`);
  console.log(`parity: ${exact}/${cases.length} rankings identical id for id`
    + ` (${typing} typing, ${corrected} corrected)`);
});

// The search page's script (ui.js) imported alone: importing it touches nothing, and start()
// drives a fake page (fake_dom.mjs) over a tiny in-memory index: results, the no-results
// state said once, "clear the filters" only when filters are set and shown, and "Did you
// mean" for a literal query.
import { test } from "node:test";
import assert from "node:assert/strict";
import { build, fakeWindow } from "./fake_dom.mjs";

// Importing must not read the page: any access to a browser global fails the import.
const trap = new Proxy({}, { get(_, key) { throw new Error(`ui.js read document.${String(key)} on import`); } });
for (const name of ["document", "location", "history", "window"]) globalThis[name] = trap;
const ui = await import("../../theme/static/js/search/ui.js");

const RECORD = (n, year, tickers, title) =>
  [title, `releases/${year}/r${n}/`, `${year}-06-0${n + 1}T09:00:00-04:00`, tickers, ["news"], title, `${title} body text`];
const FILES = {
  "manifest.json": { format: 3, doc_count: 3, bm25: { B: 0.75, K1: 1.2 }, prefix_limit: 32, prefix_min: 2,
    fields: { body: { total: 15, boost: 1, phrase: true } }, field_order: ["body"],
    terms: [["kestrel", "mine", "g.json"]], fold: "f.json", facets: "facets.json",
    docs: { size: 2, per_dir: 256, dirs: ["d.json"] } },
  "g.json": { rows: [["kestrel", "mine", "s.json", ""]], lexicon: { ke: "k" } },
  "s.json": { kestrel: { body: [0, 1, 5, 1, 1, 5, 1, 2, 5] }, mine: { body: [1, 1, 5] } },
  "lex-k.json": [["kestrel", 3, "kestrel"]],
  "facets.json": { totals: { ticker: [["TSXV: NGT", 3]], year: [["2021", 1], ["2024", 2]], tag: [["news", 3]] },
    ticker: [[0], [0], [0]], year: [0, 1, 1], tag: [[0], [0], [0]], newest: [2, 1, 0] },
  "d.json": ["c0", "c1"],
  "docs-c0.json": [RECORD(0, 2021, ["TSXV: NGT"], "Kestrel drilling"), RECORD(1, 2024, ["TSXV: NGT"], "Kestrel mine")],
  "docs-c1.json": [RECORD(2, 2024, ["TSXV: NGT"], "Kestrel report")],
};

/** The search page's markup, as theme/templates/search.html writes it (the parts ui.js reads). */
const PAGE = ["div", { class: "search-app", "data-search": "", "data-index": "/search/", "data-siteurl": "/", hidden: true },
  ["form", { role: "search" },
    ["input", { id: "search-q", name: "q", type: "search" }],
    ["select", { id: "search-sort", name: "sort" }, ["option", { value: "relevance" }, "Relevance"]]],
  ["button", { id: "search-filter-toggle", type: "button", "aria-expanded": "false", "data-search-filter-toggle": "" }, "Filter"],
  ["div", { id: "search-facets", "data-search-facets": "", hidden: true }],
  ["p", { "data-search-status": "" }],
  ["p", { role: "status", "data-search-announce": "" }],
  ["div", { "data-search-correction": "", hidden: true }],
  ["ol", { "data-search-results": "" }],
  ["div", { "data-search-empty": "", hidden: true }],
  ["button", { type: "button", "data-search-more": "", hidden: true }, "Show more results"]];

/** Open the page at url with a fresh fake window and fetcher; returns what a test inspects. */
async function open(url) {
  const fake = fakeWindow(`https://ir.example${url}`);
  Object.assign(globalThis, { document: fake.document, location: fake.location,
    history: fake.history, window: fake.window });
  const root = build(fake.document, PAGE);
  fake.document.body.append(root);
  const fetched = [];
  await ui.start({ fetcher: async (name) => { fetched.push(name); return structuredClone(FILES[name]); } });
  const q = (selector) => root.querySelector(selector);
  return { root, q, fetched, fake };
}

/** Wait until check() holds (the page renders asynchronously). */
async function until(check, what) {
  for (let i = 0; i < 200; i++) {
    if (check()) return;
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  assert.fail(`never happened: ${what}`);
}

test("importing ui.js reads no page and fetches nothing; start() is exported", () => {
  assert.equal(typeof ui.start, "function");
});

test("start() without a search element does nothing", async () => {
  const fake = fakeWindow("https://ir.example/");
  Object.assign(globalThis, { document: fake.document, location: fake.location });
  const fetched = [];
  assert.equal(await ui.start({ fetcher: async (name) => fetched.push(name) }), undefined);
  assert.deepEqual(fetched, []);
});

test("start() shows the page and searches the query in the URL", async () => {
  const { root, q, fetched } = await open("/search/?q=kestrel");
  assert.equal(root.hidden, false);
  assert.equal(q("input[name=q]").value, "kestrel");
  assert.equal(q("[data-search-status]").textContent, "3 results for “kestrel”");
  assert.equal(q("[data-search-status]").hidden, false);
  assert.deepEqual(q("[data-search-results]").querySelectorAll("h2").map((h) => h.textContent),
    ["Kestrel report", "Kestrel drilling", "Kestrel mine"]);
  assert.equal(q("[data-search-empty]").hidden, true);
  assert.ok(!fetched.includes("facets.json"), "filters closed: no facets fetched");
});

test("no results: said once, no clear-filters offer without filters", async () => {
  const { q } = await open("/search/?q=zqxwv");
  const empty = q("[data-search-empty]");
  assert.equal(empty.hidden, false);
  assert.equal(q("[data-search-status]").hidden, true, "the status line hides: the message says it");
  assert.equal(q("[data-search-announce]").textContent, "0 results for “zqxwv”.");
  const texts = empty.querySelectorAll("p").map((p) => p.textContent);
  assert.equal(texts.filter((t) => t.includes("zqxwv")).length, 1, texts);
  assert.equal(texts[0], "No releases match “zqxwv”.");
  assert.equal(empty.querySelector("[data-search-clear]"), null);
  assert.ok(!texts.join(" ").includes("filter"), texts);
});

test("no results with a shown filter offers to clear it, and clearing searches again", async () => {
  const { q, fake } = await open("/search/?q=mine&year=2021");
  assert.equal(q("[data-search-facets]").hidden, false);
  const empty = q("[data-search-empty]");
  assert.equal(empty.querySelector("p").textContent, "No releases match “mine” in 2021.");
  empty.querySelector("[data-search-clear]").click();
  await until(() => q("[data-search-status]").textContent === "1 result for “mine”", "cleared search");
  assert.equal(empty.hidden, true);
  assert.equal(q("[data-search-status]").hidden, false);
  assert.ok(!fake.location.search.includes("year"), fake.location.href);
  assert.equal(fake.document.activeElement, q("input[name=q]"));
});

test("no results with filters hidden by the toggle: no offer to clear them", async () => {
  const { q } = await open("/search/?q=mine&year=2021");
  const toggle = q("[data-search-filter-toggle]");
  assert.equal(toggle.getAttribute("aria-expanded"), "true", "a filter in the URL opens the filters");
  assert.ok(q("[data-search-empty]").querySelector("[data-search-clear]"));
  toggle.click(); // close: the filters hide, and the empty state stops offering to clear them
  assert.equal(q("[data-search-facets]").hidden, true);
  await until(() => !q("[data-search-empty]").querySelector("[data-search-clear]"), "no clear offer");
  assert.equal(q("[data-search-empty]").hidden, false);
  assert.equal(q("[data-search-empty]").querySelector("p").textContent, "No releases match “mine” in 2021.");
  q("form").dispatch("submit");
  await until(() => q("[data-search-announce]").textContent === "0 results for “mine” in 2021.", "resubmitted");
  assert.equal(q("[data-search-facets]").hidden, true);
  assert.equal(q("[data-search-empty]").querySelector("[data-search-clear]"), null);
});

test("a literal query with no results keeps the did-you-mean suggestion", async () => {
  const { q } = await open("/search/?q=kestral&exact=1");
  const empty = q("[data-search-empty]");
  const link = empty.querySelector("a[data-suggestion]");
  assert.ok(link, empty.textContent);
  assert.equal(link.textContent, "kestrel");
  assert.equal(empty.querySelectorAll("p")[1].textContent, "Did you mean kestrel?");
  link.click();
  await until(() => q("[data-search-status]").textContent === "3 results for “kestrel”", "suggested search");
  assert.equal(q("input[name=q]").value, "kestrel");
});

test("a corrected query shows its correction, not the empty state", async () => {
  const { q } = await open("/search/?q=kestral");
  assert.equal(q("[data-search-correction]").hidden, false);
  assert.equal(q("[data-search-status]").textContent, "Showing results for “kestrel”: 3 results for “kestrel”");
});

// The /search/ page: URL state, filters with counts, sorting, snippets as text nodes.
import { init, preload, search, suggest } from "./index.js";
import { highlight, queryTerms } from "./snippet.js";

const PAGE = 10;
const root = document.querySelector("[data-search]");

/** Create an element with text content only (index data never becomes markup). */
function el(tag, text, attrs = {}) {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  return node;
}

/** Only site-relative or http(s) links; anything else (javascript:...) is dropped. */
function safeHref(url, base) {
  const target = new URL(url, base);
  return target.protocol === "http:" || target.protocol === "https:" ? target.href : "#";
}

function readState() {
  const p = new URLSearchParams(location.search);
  return { q: p.get("q") || "", ticker: p.get("ticker") || "", year: p.get("year") || "",
    tag: p.get("tag") || "", sort: p.get("sort") === "date" ? "date" : "relevance" };
}

function writeState(state, replace) {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(state)) if (v && !(k === "sort" && v === "relevance")) p.set(k, v);
  const url = `${location.pathname}${p.toString() ? "?" + p : ""}`;
  if (replace) history.replaceState(null, "", url);
  else history.pushState(null, "", url);
}

function renderSnippet(parent, text, parsed) {
  for (const part of highlight(text, queryTerms(parsed), parsed.prefix)) {
    parent.append(part.hit ? el("mark", part.text) : document.createTextNode(part.text));
  }
}

async function renderHit(list, hit, parsed, siteBase) {
  const doc = await hit.data();
  const item = el("li");
  const link = el("a", doc.title, { href: safeHref(doc.url, siteBase) });
  const meta = el("p", `${doc.date.slice(0, 10)} · ${doc.tickers.join(", ")}`, { class: "search-meta" });
  const snippet = el("p", undefined, { class: "search-snippet" });
  renderSnippet(snippet, doc.snippet || doc.summary, parsed);
  item.append(el("h3"), meta, snippet);
  item.firstChild.append(link);
  list.append(item);
}

function renderFacets(container, counts, state, onChange) {
  container.replaceChildren();
  for (const kind of ["ticker", "year", "tag"]) {
    const label = el("label", `${kind[0].toUpperCase()}${kind.slice(1)} `);
    const select = el("select", undefined, { name: kind });
    select.append(el("option", "All", { value: "" }));
    for (const [value, count] of counts[kind] || []) {
      const option = el("option", `${value} (${count})`, { value });
      if (value === state[kind]) option.selected = true;
      select.append(option);
    }
    select.addEventListener("change", () => onChange(kind, select.value));
    label.append(select);
    container.append(label);
  }
}

async function run(state, { replace = false, typing = false } = {}) {
  const status = root.querySelector("[data-search-status]");
  const list = root.querySelector("[data-search-results]");
  const facets = root.querySelector("[data-search-facets]");
  writeState(state, replace || typing);
  if (!state.q.trim()) {
    list.replaceChildren();
    status.textContent = "Type to search the releases.";
    return;
  }
  const filters = { ticker: state.ticker, year: state.year, tag: state.tag };
  const result = await search(state.q, { prefix: typing, filters, sort: state.sort, counts: true });
  if (!result) return; // a newer keystroke owns the page
  list.replaceChildren();
  status.textContent = `${result.total} result${result.total === 1 ? "" : "s"} for “${state.q}”`;
  if (!result.total) {
    const missing = result.parsed.words.at(-1) || result.parsed.prefix;
    const better = missing ? await suggest(missing) : null;
    if (better) status.textContent += `. Did you mean “${better}”?`;
  }
  renderFacets(facets, result.counts, state, (kind, value) => run({ ...state, [kind]: value }));
  const siteBase = new URL(root.dataset.siteurl || "/", location.href);
  for (const hit of result.hits.slice(0, PAGE)) await renderHit(list, hit, result.parsed, siteBase);
}

function start() {
  if (!root) return;
  init(new URL(root.dataset.index, location.href));
  const form = root.querySelector("form");
  const input = form.querySelector("input[name=q]");
  const sort = form.querySelector("select[name=sort]");
  const state = readState();
  input.value = state.q;
  sort.value = state.sort;
  let timer = 0;
  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(() => run({ ...readState(), q: input.value }, { typing: true }), 120);
    preload(input.value).catch(() => {});
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    run({ ...readState(), q: input.value, sort: sort.value });
  });
  sort.addEventListener("change", () => run({ ...readState(), q: input.value, sort: sort.value }));
  window.addEventListener("popstate", () => {
    const s = readState();
    input.value = s.q;
    sort.value = s.sort;
    run(s, { replace: true });
  });
  root.hidden = false;
  run(state, { replace: true });
}

start();

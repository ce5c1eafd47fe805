// The /search/ page: URL state, filters with counts, sorting, snippets as text nodes.
// Index data only ever reaches the page through textContent and checked attributes.
// Importing this module does nothing: the page's script calls start() (page.js), so tests
// can import it alone and drive start() against a fake page and fetcher.
import { init, preload, search } from "./index.js";
import { analyze, TOKEN_PATTERN } from "./analysis.js";
import { highlight, queryTerms } from "./snippet.js";
import { activeFilters, FACET_KINDS, FACET_LABELS } from "./facets.js";

const PAGE = 10;
const TYPING_DELAY = 120; // ms after the last keystroke before searching
const ANNOUNCE_DELAY = 1000; // ms of no typing before a screen reader hears the count
const DATE_FORMAT = new Intl.DateTimeFormat("en-US", {
  year: "numeric", month: "long", day: "numeric", timeZone: "UTC" });
let root = null; // the [data-search] element, once start() found it

/** Create an element with text content only (index data never becomes markup). */
function el(tag, text, attrs = {}) {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  return node;
}

/** Only site-relative or http(s) links; anything else (javascript:...) becomes "#". */
function safeHref(url, base) {
  try {
    const target = new URL(url, base);
    return target.protocol === "http:" || target.protocol === "https:" ? target.href : "#";
  } catch {
    return "#";
  }
}

/** "2024-06-12T09:00:00-04:00" -> "June 12, 2024", read as written (the release's own day). */
function displayDate(iso) {
  const [y, m, d] = iso.slice(0, 10).split("-").map(Number);
  return DATE_FORMAT.format(new Date(Date.UTC(y, m - 1, d)));
}

function readState() {
  const p = new URLSearchParams(location.search);
  const facets = Object.fromEntries(FACET_KINDS.map((kind) => [kind, p.get(kind) || ""]));
  return { q: p.get("q") || "", ...facets, sort: p.get("sort") === "date" ? "date" : "relevance",
    exact: p.get("exact") === "1" ? "1" : "" };
}

function stateUrl(state) {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(state)) if (v && !(k === "sort" && v === "relevance")) p.set(k, v);
  const query = p.toString();
  return `${location.pathname}${query ? "?" + query : ""}`;
}

// History: keystrokes refine one "draft" entry (replaceState); Enter, a filter, the sort or
// leaving the box commits it, so Back returns to the previous committed query.
let draft = false;

function writeState(state, mode) {
  const url = stateUrl(state);
  if (mode === "replace" || (mode === "typing" && draft) || (mode === "commit" && draft)) {
    history.replaceState(null, "", url);
  } else if (url !== `${location.pathname}${location.search}`) {
    history.pushState(null, "", url);
  }
  draft = mode === "typing";
}

function renderSnippet(parent, text, parsed) {
  for (const part of highlight(text || "", queryTerms(parsed), parsed.prefix)) {
    parent.append(part.hit ? el("mark", part.text) : document.createTextNode(part.text));
  }
}

function renderHit(doc, parsed, siteBase) {
  const item = el("li", undefined, { class: "search-hit" });
  const heading = el("h2", undefined, { class: "search-hit-title" });
  heading.append(el("a", doc.title, { href: safeHref(doc.url, siteBase) }));
  const meta = el("p", undefined, { class: "search-meta" });
  meta.append(el("time", displayDate(doc.date), { datetime: doc.date.slice(0, 10) }));
  for (const ticker of doc.tickers) meta.append(" · ", el("span", ticker, { class: "search-ticker" }));
  const snippet = el("p", undefined, { class: "search-snippet" });
  renderSnippet(snippet, doc.snippet || doc.summary, parsed);
  item.append(heading, meta, snippet);
  return item;
}

/** Rebuild the filters from counts; the filter that had keyboard focus keeps it. */
function renderFacets(container, counts, state, onChange) {
  const focused = container.contains(document.activeElement) ? document.activeElement.id : "";
  container.replaceChildren();
  for (const kind of FACET_KINDS) {
    const values = counts[kind] || [];
    if (!values.length && !state[kind]) continue;
    const id = `search-facet-${kind}`;
    const wrap = el("div", undefined, { class: "search-facet" });
    const select = el("select", undefined, { id, name: kind });
    select.append(el("option", "All", { value: "" }));
    if (state[kind] && !values.some(([v]) => v === state[kind])) values.unshift([state[kind], 0]);
    for (const [value, count] of values) {
      const option = el("option", `${value} (${count})`, { value });
      if (value === state[kind]) option.selected = true;
      select.append(option);
    }
    select.addEventListener("change", () => onChange(kind, select.value));
    wrap.append(el("label", FACET_LABELS[kind], { for: id }), select);
    container.append(wrap);
  }
  container.hidden = !container.childElementCount || !filtersOpen();
  if (focused) document.getElementById(focused)?.focus();
}

/** The filters with every kind cleared. */
const noFilters = () => Object.fromEntries(FACET_KINDS.map((kind) => [kind, ""]));

/**
 * The empty state, the one place that says nothing matched (the status line hides meanwhile):
 * what matched nothing and where; "Did you mean" for a literal query the index would correct;
 * a "clear the filters" button only when filters are set and shown; the archive.
 * hint: {suggestion (corrected text or ""), filtersShown, onClear}.
 */
function renderEmpty(box, state, siteBase, hint) {
  const scope = Object.values(activeFilters(state));
  box.replaceChildren(el("p", `No releases match “${state.q}”${scope.length ? ` in ${scope.join(", ")}` : ""}.`));
  if (hint.suggestion) {
    const meant = el("p", "Did you mean ");
    meant.append(el("a", hint.suggestion, { href: stateUrl({ ...state, q: hint.suggestion, exact: "" }),
      "data-suggestion": "" }), "?");
    box.append(meant);
  }
  const next = el("p", "Try fewer words, ");
  if (scope.length && hint.filtersShown) {
    const clear = el("button", "clear the filters", { type: "button", class: "search-clear", "data-search-clear": "" });
    clear.addEventListener("click", hint.onClear);
    next.append(clear, ", ");
  }
  next.append("or browse the ", el("a", "release archive", { href: new URL("releases/", siteBase).href }), ".");
  box.append(next);
  box.hidden = false;
}

/** For a literal query (exact=1) that matched nothing: the text the index would correct it to. */
async function suggestionFor(state, filters) {
  const result = await search(state.q, { filters, correct: true }).catch(() => null);
  return result?.parsed.corrections.length ? correctedText(state.q, result.parsed.corrections) : "";
}

/** The query as corrected: each misspelt word replaced by its surface word. */
export function correctedText(q, corrections) {
  const fixed = new Map(corrections.map(([typed, , surface]) => [typed, surface]));
  return q.replace(new RegExp(TOKEN_PATTERN, "gu"), (word) => fixed.get(analyze(word)[0]) ?? word);
}

/** "Showing results for commissioning", with a link to the query as typed. */
function renderCorrection(box, result, state) {
  const corrections = result.parsed.corrections;
  box.replaceChildren();
  box.hidden = !corrections.length;
  if (!corrections.length) return "";
  const better = correctedText(state.q, corrections);
  const shown = el("p", "Showing results for ");
  shown.append(el("strong", better), ".");
  const literal = el("p", "Search instead for ");
  literal.append(el("a", state.q, { href: stateUrl({ ...state, exact: "1" }), "data-literal": "" }), ".");
  box.append(shown, literal);
  return better;
}

function statusText(result, state, better = "") {
  const filters = Object.values(activeFilters(state));
  const scope = filters.length ? ` in ${filters.join(", ")}` : "";
  return `${result.total} result${result.total === 1 ? "" : "s"} for “${better || state.q}”${scope}`;
}

// The visible status follows every keystroke; the live region speaks once typing pauses
// (or at once for Enter, a filter or the sort), so a screen reader is not read each count.
let announceTimer = 0;

function announce(text, mode) {
  const region = root.querySelector("[data-search-announce]");
  clearTimeout(announceTimer);
  const speak = () => { if (region.textContent !== text) region.textContent = text; };
  if (mode === "typing") announceTimer = setTimeout(speak, ANNOUNCE_DELAY);
  else speak();
}

/** Show and announce text; shown false keeps the line hidden (the empty state says it). */
function setStatus(text, mode, shown = true) {
  const status = root.querySelector("[data-search-status]");
  status.textContent = text;
  status.hidden = !shown;
  announce(text, mode);
}

/** Filters are shown, counted and their facets loaded only while the toggle is open (the
 * visitor opened it, or the page opened with a filter set). */
const filtersOpen = () =>
  root.querySelector("[data-search-filter-toggle]")?.getAttribute("aria-expanded") === "true";

let shown = { result: null, count: 0 };
let renders = 0; // a newer run makes an older one stop before it touches the page

async function showMore(list, more, siteBase, token) {
  const { result } = shown;
  const batch = result.hits.slice(shown.count, shown.count + PAGE);
  const docs = await Promise.all(batch.map((hit) => hit.data()));
  if (token !== renders) return;
  const items = docs.map((doc) => renderHit(doc, result.parsed, siteBase));
  list.append(...items);
  shown.count += batch.length;
  more.hidden = shown.count >= result.total;
  return items;
}

/** The no-results state: the empty message (once), announced, the status line hidden. */
async function showEmpty(empty, state, { result, better, filters, token, siteBase, mode }) {
  const suggestion = state.exact ? await suggestionFor(state, filters) : "";
  if (token !== renders) return;
  const shownState = better ? { ...state, q: better } : state;
  const facets = root.querySelector("[data-search-facets]");
  const onClear = () => {
    run({ ...readState(), ...noFilters() });
    root.querySelector("input[name=q]")?.focus();
  };
  renderEmpty(empty, shownState, siteBase, { suggestion, filtersShown: !facets.hidden, onClear });
  setStatus(`${statusText(result, state, better)}.`, mode, false);
}

async function run(state, mode = "commit") {
  const token = ++renders;
  const list = root.querySelector("[data-search-results]");
  const empty = root.querySelector("[data-search-empty]");
  const correction = root.querySelector("[data-search-correction]");
  const facets = root.querySelector("[data-search-facets]");
  const more = root.querySelector("[data-search-more]");
  const siteBase = new URL(root.dataset.siteurl || "/", location.href);
  writeState(state, mode);
  if (!state.q.trim()) {
    list.replaceChildren();
    facets.replaceChildren();
    facets.hidden = true;
    more.hidden = true;
    empty.hidden = true;
    correction.hidden = true;
    setStatus("Type to search the releases.", mode);
    return;
  }
  const filters = activeFilters(state);
  let result;
  try {
    // Typing mode only adds: the word being typed matches its stem or any expansion.
    const options = { prefix: mode === "typing", filters, sort: state.sort,
      counts: filtersOpen(), correct: !state.exact };
    result = await search(state.q, options);
  } catch (error) {
    if (token !== renders) return;
    console.error(error);
    setStatus("Search is unavailable right now. Please browse the release archive.", "commit");
    return;
  }
  if (!result || token !== renders) return; // a newer keystroke owns the page
  if (!filtersOpen()) facets.hidden = true;
  if (result.counts) {
    renderFacets(facets, result.counts, state, (kind, value) => run({ ...readState(), [kind]: value }));
  }
  const better = renderCorrection(correction, result, state);
  shown = { result, count: 0 };
  list.replaceChildren();
  empty.hidden = true;
  if (!result.total) {
    more.hidden = true;
    await showEmpty(empty, state, { result, better, filters, token, siteBase, mode });
    return;
  }
  await showMore(list, more, siteBase, token);
  if (token === renders) {
    const text = statusText(result, state, better);
    setStatus(better ? `Showing results for “${better}”: ${text}` : text, mode);
  }
}

/** Start the page on its [data-search] element (none: do nothing); fetcher replaces HTTP.
 * Returns a promise of the first search's rendering. */
export function start({ element = document.querySelector("[data-search]"), fetcher = null } = {}) {
  root = element;
  if (!root) return;
  init(new URL(root.dataset.index, location.href), fetcher);
  const form = root.querySelector("form");
  const input = form.querySelector("input[name=q]");
  const sort = form.querySelector("select[name=sort]");
  const list = root.querySelector("[data-search-results]");
  const more = root.querySelector("[data-search-more]");
  const state = readState();
  input.value = state.q;
  sort.value = state.sort;
  let timer = 0;
  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(() => run({ ...readState(), q: input.value, exact: "" }, "typing"), TYPING_DELAY);
    preload(input.value).catch(() => {});
  });
  input.addEventListener("change", () => { draft = false; });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    clearTimeout(timer);
    run({ ...readState(), q: input.value, sort: sort.value, exact: "" });
  });
  sort.addEventListener("change", () => run({ ...readState(), q: input.value, sort: sort.value }));
  root.querySelector("[data-search-correction]").addEventListener("click", (event) => {
    const link = event.target.closest("a[data-literal]");
    if (!link || event.ctrlKey || event.metaKey || event.shiftKey) return;
    event.preventDefault();
    run({ ...readState(), q: input.value, exact: "1" });
    input.focus();
  });
  root.querySelector("[data-search-empty]").addEventListener("click", (event) => {
    const link = event.target.closest("a[data-suggestion]");
    if (!link || event.ctrlKey || event.metaKey || event.shiftKey) return;
    event.preventDefault();
    input.value = link.textContent;
    run({ ...readState(), q: input.value, exact: "" });
    input.focus();
  });
  const toggle = root.querySelector("[data-search-filter-toggle]");
  if (Object.keys(activeFilters(state)).length) toggle.setAttribute("aria-expanded", "true");
  toggle.addEventListener("click", () => {
    toggle.setAttribute("aria-expanded", filtersOpen() ? "false" : "true");
    if (!filtersOpen()) root.querySelector("[data-search-facets]").hidden = true;
    run({ ...readState(), q: input.value }, "replace"); // shows the filters, or the empty state without them
  });
  more.addEventListener("click", async () => {
    const siteBase = new URL(root.dataset.siteurl || "/", location.href);
    const items = await showMore(list, more, siteBase, renders);
    items?.[0]?.querySelector("a")?.focus(); // keyboard users continue at the first new result
  });
  window.addEventListener("popstate", () => {
    const s = readState();
    input.value = s.q;
    sort.value = s.sort;
    run(s, "replace");
  });
  root.hidden = false;
  return run(state, "replace");
}


// Facets: the kinds a visitor filters by, listed here once for the whole client (the URL
// state, the filter menus, the status line and the engine all read FACET_KINDS), and the
// filtering, counting and date order over the export's facets file. The export writes the
// same kinds (dateline/search/export.py FACET_KINDS); tests/test_search_client.py checks
// that the two lists agree.

/** The facet kinds, in the order the page shows them, with their labels. */
export const FACET_KINDS = ["ticker", "year", "tag"];
export const FACET_LABELS = { ticker: "Ticker", year: "Year", tag: "Tag" };

/** The facet filters set in state ({kind: value} for each kind with a value). */
export function activeFilters(state) {
  return Object.fromEntries(FACET_KINDS.filter((kind) => state[kind]).map((k) => [k, state[k]]));
}

/** Facet columns per document and value totals (loaded on demand: filters, counts, date sort). */
export const facetColumns = (files, manifest) => files.load(manifest.facets);

/** Facet value indexes wanted by the active filters: {kind: index} (-1 matches nothing). */
function wantedFacets(columns, filters) {
  const wanted = {};
  for (const kind of FACET_KINDS) {
    if (filters[kind]) {
      wanted[kind] = columns.totals[kind].findIndex(([v]) => v === String(filters[kind]));
    }
  }
  return wanted;
}

/** True when doc has the wanted value of every facet kind in kinds. */
function passes(columns, wanted, kinds, doc) {
  return kinds.every((k) => {
    const value = columns[k][doc];
    return Array.isArray(value) ? value.includes(wanted[k]) : value === wanted[k];
  });
}

/** Return the docs of scores that pass the filters (the facets file loads only for a filter). */
export async function applyFilters(files, manifest, scores, filters) {
  if (!FACET_KINDS.some((kind) => filters[kind])) return scores;
  const columns = await facetColumns(files, manifest);
  const wanted = wantedFacets(columns, filters);
  const active = Object.keys(wanted);
  const out = new Map();
  for (const [doc, s] of scores) {
    if (passes(columns, wanted, active, doc)) out.set(doc, s);
  }
  return out;
}

/**
 * Count facet values over the matches. Each kind is counted with the other kinds' filters
 * applied but not its own, so a visitor sees what switching that filter would give.
 */
export async function facetCounts(files, manifest, docs, filters = {}) {
  const columns = await facetColumns(files, manifest);
  const wanted = wantedFacets(columns, filters);
  const counts = {};
  for (const kind of FACET_KINDS) {
    const others = Object.keys(wanted).filter((k) => k !== kind);
    const values = columns.totals[kind].map(([v]) => v);
    const tally = new Array(values.length).fill(0);
    for (const doc of docs) {
      if (others.length && !passes(columns, wanted, others, doc)) continue;
      const value = columns[kind][doc];
      for (const i of Array.isArray(value) ? value : [value]) tally[i] += 1;
    }
    counts[kind] = values.map((v, i) => [v, tally[i]]).filter(([, c]) => c > 0);
  }
  return counts;
}

/** Sort doc numbers newest first (the facets file's `newest` rank). */
export async function sortByDate(files, manifest, ids) {
  const { newest } = await facetColumns(files, manifest);
  return ids.sort((a, b) => newest[a] - newest[b]);
}

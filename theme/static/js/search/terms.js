// Where a term lives: the manifest's groups and the group files' shard rows are sorted term
// ranges (docs/search-format.md), so a term's shard, its positions file, its lexicon file
// and a prefix's shards are found by binary search and range walks, in code point order.

/** Compare strings by code point, the order of Python's sorted() and Whoosh's lexicon. */
export function compareTerms(a, b) {
  if (a === b) return 0;
  const ia = a[Symbol.iterator]();
  const ib = b[Symbol.iterator]();
  for (;;) {
    const x = ia.next();
    const y = ib.next();
    if (x.done) return y.done ? 0 : -1;
    if (y.done) return 1;
    const d = x.value.codePointAt(0) - y.value.codePointAt(0);
    if (d) return d;
  }
}

/** Index of the [first, last, ...] row whose term range holds term, or -1 (rows sorted). */
export function rangeIndex(rows, term) {
  let lo = 0;
  let hi = rows.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (compareTerms(term, rows[mid][0]) < 0) hi = mid - 1;
    else if (compareTerms(term, rows[mid][1]) > 0) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/** The row [first, last, shard, positions, few?] of the shard whose range holds term, or null.
 * The manifest lists groups of shard rows (its second level); one group file is read. */
export async function shardRow(files, manifest, term) {
  const g = rangeIndex(manifest.terms, term);
  if (g < 0) return null;
  const { rows } = await files.load(manifest.terms[g][2]);
  const i = rangeIndex(rows, term);
  return i < 0 ? null : rows[i];
}

/** Return {field: flat postings} of a term, or {} when the index lacks it. */
export async function termEntry(files, manifest, term) {
  const row = await shardRow(files, manifest, term);
  if (!row) return {};
  const shard = await files.load(row[2]);
  return Object.hasOwn(shard, term) ? shard[term] : {};
}

/** True when some field holds term. */
export async function holds(files, manifest, term) {
  return Object.keys(await termEntry(files, manifest, term)).length > 0;
}

/** {field: [position deltas]} of a term (its shard row names the positions file). */
export async function positionEntry(files, manifest, term) {
  const row = await shardRow(files, manifest, term);
  return (await files.load(row[3]))[term];
}

/** The lexicon rows of terms starting with letters (the first letters of word), or [].
 * The group file whose span holds word names the file: the last group starting at or
 * before word (the first group for a word before them all). That is the group shardRow
 * read for word, unless word falls between two groups' ranges. */
export async function lexicon(files, manifest, word, letters) {
  const groups = manifest.terms;
  if (!groups.length) return [];
  let lo = 1;
  let hi = groups.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (compareTerms(groups[mid][0], word) <= 0) lo = mid + 1;
    else hi = mid - 1;
  }
  const hash = (await files.load(groups[lo - 1][2])).lexicon[letters];
  return hash ? files.load(`lex-${hash}.json`) : [];
}

/** Shard rows that may hold terms starting with prefix, group by group, in term order. */
async function* prefixRows(files, manifest, prefix) {
  const after = (row) => compareTerms(row[0], prefix) > 0 && !row[0].startsWith(prefix);
  for (const group of manifest.terms) {
    if (compareTerms(group[1], prefix) < 0) continue;
    if (after(group)) return;
    for (const row of (await files.load(group[2])).rows) {
      if (compareTerms(row[1], prefix) < 0) continue;
      if (after(row)) return;
      yield row;
    }
  }
}

/** Expand a prefix to {field: [terms]}, the first prefix_limit terms per field. */
export async function expandPrefix(files, manifest, prefix) {
  const limit = manifest.prefix_limit;
  const found = Object.fromEntries(manifest.field_order.map((f) => [f, []]));
  for await (const row of prefixRows(files, manifest, prefix)) {
    const shard = await files.load(row[2]);
    for (const term of Object.keys(shard).sort(compareTerms)) {
      if (!term.startsWith(prefix)) continue;
      for (const field of manifest.field_order) {
        if (shard[term][field] && found[field].length < limit) found[field].push(term);
      }
    }
    if (manifest.field_order.every((f) => found[f].length >= limit)) break;
  }
  return found;
}

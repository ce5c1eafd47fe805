// Public API of the search client: init, search, preload. Stale searches resolve to null.
// A search's parsed query carries the corrections it made ("Showing results for ...").
import { SearchEngine } from "./engine.js";
import { httpFetcher } from "./files.js";

let engine = null;
let latest = 0;

/** Point the client at an exported index (a URL of the search/ folder, or a fetcher). */
export function init(base = new URL("../../../search/", import.meta.url), fetcher = null) {
  engine = new SearchEngine(fetcher || httpFetcher(base instanceof URL ? base : new URL(base, document.baseURI)));
  latest = 0;
  return engine;
}

/** Search; returns null when a newer search started meanwhile (a stale keystroke). */
export async function search(text, options = {}) {
  if (!engine) init();
  const id = ++latest;
  const result = await engine.search(text, options);
  return id === latest ? result : null;
}

/** Warm the manifest and the shard of the word being typed, before Enter. */
export async function preload(text) {
  if (!engine) init();
  const manifest = await engine.manifest();
  const word = text.trim().split(/\s+/).at(-1);
  if (word) await engine.expandPrefix(manifest, word.toLowerCase());
}

// Fetch and cache: every index file is fetched once per engine, concurrent and later
// callers share its promise, and a failed fetch is forgotten so that a retry can succeed.
// Nothing here knows what a file holds beyond the manifest's format number.

export const FORMAT_VERSION = 3;

/** Default fetcher for browsers: one JSON file under the search folder. */
export const httpFetcher = (baseUrl) => (name) =>
  fetch(new URL(name, baseUrl)).then((response) => {
    if (!response.ok) throw new Error(`search: ${name}: HTTP ${response.status}`);
    return response.json();
  });

export class FileCache {
  /** fetchJson(name) returns a promise of the parsed JSON file name from the search folder. */
  constructor(fetchJson) {
    this.fetchJson = fetchJson;
    this.promises = new Map(); // name -> promise: one request per file, shared by searches
  }

  /** Fetch a file once; concurrent and later callers share the promise. */
  load(name) {
    let promise = this.promises.get(name);
    if (!promise) {
      promise = this.fetchJson(name);
      promise.catch(() => this.promises.delete(name));
      this.promises.set(name, promise);
    }
    return promise;
  }

  /** The manifest, refused when it is of another format than this client reads. */
  async manifest() {
    const manifest = await this.load("manifest.json");
    if (manifest.format !== FORMAT_VERSION) {
      throw new Error(`search: unsupported index format ${manifest.format}`);
    }
    return manifest;
  }
}

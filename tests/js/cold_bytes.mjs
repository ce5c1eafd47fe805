// Cold-query bytes: for each query class, a fresh engine from the joined client runs one
// search and loads the records of the first page of results, counting every file fetched
// (client included) and its gzip size; "typo after typing" counts what Enter adds after typing. Usage: node cold_bytes.mjs EXPORT_DIR CLIENT QUERIES_JSON
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { gzipSync } from "node:zlib";

const [exportDir, clientPath, queriesJson] = process.argv.slice(2);
const PAGE = 10;
const gz = (bytes) => gzipSync(bytes, { level: 6 }).length;
const { SearchEngine } = await import(clientPath);
// The page loads search_page-<hash>.js, written beside the client: the same modules ending in
// the call to start(). Its bytes are what a visitor downloads, so "client" counts them.
const [pageFile] = readdirSync(dirname(clientPath)).filter((n) => n.startsWith("search_page-"));
const clientBytes = gz(readFileSync(pageFile ? join(dirname(clientPath), pageFile) : clientPath));
const out = {};
for (const [kind, query] of Object.entries(JSON.parse(queriesJson))) {
  const files = [["client", clientBytes]];
  const engine = new SearchEngine(async (name) => {
    const bytes = readFileSync(join(exportDir, name));
    files.push([name, gz(bytes)]);
    return JSON.parse(bytes);
  });
  if (kind === "typo after typing") {
    // the visitor typed the word first (typing mode), then pressed Enter: count only Enter's
    await engine.search(query, { prefix: true });
    await new Promise((resolve) => setTimeout(resolve, 50)); // the lexicon warmed meanwhile
    files.length = 0;
  }
  const result = await engine.search(query, { prefix: kind === "typing" });
  await Promise.all(result.hits.slice(0, PAGE).map((h) => h.data()));
  out[kind] = { query, requests: files.length, total: result.total, files,
    gzip_bytes: files.reduce((n, [, b]) => n + b, 0) };
}
process.stdout.write(JSON.stringify(out));

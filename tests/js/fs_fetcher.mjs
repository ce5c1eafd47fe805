// A fetcher for node tests: reads exported files from disk instead of HTTP.
import { readFile } from "node:fs/promises";
import { join } from "node:path";

export const fileFetcher = (dir, log = []) => async (name) => {
  const text = await readFile(join(dir, name), "utf8");
  log.push([name, Buffer.byteLength(text)]);
  return JSON.parse(text);
};

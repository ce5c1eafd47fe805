// The search page's script: the client, then the call that starts the page. The build joins
// this module with everything it imports into the one file the page loads
// (theme/js/search_page-<hash>.js); the client without it (theme/js/search-<hash>.js, entry
// ui.js) starts nothing, for tests, benchmarks and other pages.
import { start } from "./ui.js";

start();

// The search page's script: start the client. theme/templates/search.html loads this file
// and preloads the client it imports (modulepreload), so both arrive in one round trip. The
// build (dateline/search/assets.py) names the joined client here by its hashed name.
import { start } from "./search.js";

start();

"""Release search: a Whoosh index built at site-build time and exported for the browser client."""

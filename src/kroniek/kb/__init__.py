"""Knowledge-base helpers: gazetteer lookups and statistics over stored annotations."""

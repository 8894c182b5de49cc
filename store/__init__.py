"""Where ingested text lives: the catalog of document versions and the vector collection."""

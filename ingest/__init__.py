"""Corpus files to indexed chunks: loaders, chunking and incremental indexing."""

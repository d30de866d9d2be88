"""The pipeline: stages that declare what they require and provide, and the workers that run them.

``registry`` holds the stage registry and the validated :class:`Pipeline`; ``workers`` runs a
pipeline over many articles in worker processes, in input order.
"""

from __future__ import annotations

from .registry import (
    BASE_PROVIDES,
    DEFAULT_STAGES,
    STAGE_MODULES,
    Pipeline,
    PipelineFailure,
    StageInfo,
    available_stages,
    get_stage,
    stage,
)
from .workers import Processor, default_workers, process

__all__ = [
    "BASE_PROVIDES",
    "DEFAULT_STAGES",
    "STAGE_MODULES",
    "Pipeline",
    "PipelineFailure",
    "Processor",
    "StageInfo",
    "available_stages",
    "default_workers",
    "get_stage",
    "process",
    "stage",
]

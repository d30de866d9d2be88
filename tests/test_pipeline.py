import pytest

from kroniek.errors import PipelineError
from kroniek.pipeline import Pipeline, stage
from kroniek.pipeline import registry as pl
from tests.conftest import make_doc


def test_pipeline_rejects_a_stage_whose_requirement_comes_later():
    with pytest.raises(PipelineError, match="requires .*ner"):
        Pipeline(["entities", "analysis"])


def test_unknown_stage_lists_the_known_ones():
    with pytest.raises(PipelineError, match="known stages: .*analysis"):
        Pipeline(["nonsense"])


def test_stage_returning_nothing_gets_a_helpful_message():
    @stage("_broken_test_stage", requires={"text"}, provides={"x"})
    def broken(doc):
        doc.language = "nl"  # forgot to return

    try:
        with pytest.raises(PipelineError, match="forget to `return doc`"):
            Pipeline(["_broken_test_stage"])(make_doc("Tekst."))
    finally:
        pl._REGISTRY.pop("_broken_test_stage", None)


def test_pipeline_records_stage_versions_and_staleness():
    p = Pipeline(["language", "analysis"])
    doc = p(make_doc("Dit is een zin. Dit is er nog een."))
    assert doc.stages == p.versions
    assert not p.stale(doc.stages)
    assert p.stale({"language": 0, "analysis": 1})
    assert len(doc.sentences) == 2
    assert doc.tokens and doc.text[doc.tokens[0].start:doc.tokens[0].end] == doc.tokens[0].text


def test_pipe_skips_failures_when_asked():
    @stage("_fails", requires={"text"}, provides={"y"})
    def fails(doc):
        raise RuntimeError("boom")

    try:
        out = list(Pipeline(["_fails"]).pipe([make_doc("a")], on_error="skip"))
        assert isinstance(out[0], pl.PipelineFailure) and "boom" in out[0].message
    finally:
        pl._REGISTRY.pop("_fails", None)

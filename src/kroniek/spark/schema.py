"""The ``extract`` JSON contract as a Spark schema: nested annotations as structs.

Derived from the annotation dataclasses in :mod:`kroniek.model` (their field types), so the
schema follows the contract when a field is added; a field of a type this module does not know
fails loudly at import instead of being written wrongly.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from pyspark.sql import types as T

from kroniek.model import Entity, Event, Figure, Timex, Token

SPAN = T.StructType([T.StructField("start", T.LongType()), T.StructField("end", T.LongType()),
                     T.StructField("text", T.StringType())])
_TYPES: dict[str, T.DataType] = {
    "int": T.LongType(), "float": T.DoubleType(), "str": T.StringType(), "bool": T.BooleanType(),
    "tuple[str, ...]": T.ArrayType(T.StringType()), "tuple[int, int]": T.ArrayType(T.LongType()),
    "TextSpan": SPAN,
}


def _of(annotation: str) -> T.DataType:
    bare = annotation.replace(" | None", "").strip()
    if bare not in _TYPES:
        raise TypeError(f"no Spark type for the contract field type {annotation!r}; add it to "
                        "kroniek.spark.schema._TYPES")
    return _TYPES[bare]


def _struct(cls: type) -> T.StructType:
    return T.StructType([T.StructField(f.name, _of(str(f.type))) for f in dataclasses.fields(cls)])


QUOTE = T.StructType([
    T.StructField("content", SPAN), T.StructField("cue", SPAN), T.StructField("speaker", SPAN),
    T.StructField("speaker_name", T.StringType()), T.StructField("kind", T.StringType()),
    T.StructField("source_chain", T.ArrayType(T.StringType())),
    T.StructField("about", T.ArrayType(T.StringType())),
])


def contract_schema(tokens: bool = False) -> T.StructType:
    """One row per article, the fields of ``kroniek extract``'s JSON in its order."""
    fields = [T.StructField(name, T.StringType()) for name in (
        "id", "published", "precision", "title", "text", "url", "source", "author", "language")]
    fields += [
        T.StructField("sentences", T.ArrayType(T.ArrayType(T.LongType()))),
        T.StructField("entities", T.ArrayType(_struct(Entity))),
        T.StructField("quotes", T.ArrayType(QUOTE)),
        T.StructField("figures", T.ArrayType(_struct(Figure))),
        T.StructField("timexes", T.ArrayType(_struct(Timex))),
        T.StructField("events", T.ArrayType(_struct(Event))),
        T.StructField("stages", T.MapType(T.StringType(), T.LongType())),
    ]
    if tokens:
        fields.append(T.StructField("tokens", T.ArrayType(_struct(Token))))
    return T.StructType(fields)


def conform(value: Any, dtype: T.DataType) -> Any:
    """A contract value as Spark takes it for ``dtype`` (an int where a double goes is a float;
    a struct is a tuple in field order)."""
    if value is None:
        return None
    if isinstance(dtype, T.StructType):
        return tuple(conform(value.get(f.name), f.dataType) for f in dtype.fields)
    if isinstance(dtype, T.ArrayType):
        return [conform(v, dtype.elementType) for v in value]
    if isinstance(dtype, T.MapType):
        return {k: conform(v, dtype.valueType) for k, v in value.items()}
    if isinstance(dtype, T.DoubleType):
        return float(value)
    if isinstance(dtype, T.LongType):
        return int(value)
    return value

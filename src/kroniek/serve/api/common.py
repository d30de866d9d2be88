"""What every resource router shares: the store dependency, the JSON-or-CSV answer, bounded
parameters, and the listing envelope ``{"items", "next", "total"}``."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
from collections.abc import Iterator, Sequence
from typing import Annotated, Any, Literal

from fastapi import Depends, Query, Request
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, TypeAdapter

from kroniek.queries.paging import Page
from kroniek.store.sqlite import SQLiteStore

from ..stores import Stores

DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"

#: Parameters shared by the resources; every string is bounded.
Q = Annotated[str, Query(max_length=500, description='Search query: words, "phrases", AND/OR/NOT, '
                         "( ), prefix*, title: source: entity: (see the README)")]
From = Annotated[str | None, Query(alias="from", pattern=DATE, max_length=10,
                                   description="Published on/after: YYYY, YYYY-MM or YYYY-MM-DD")]
To = Annotated[str | None, Query(alias="to", pattern=DATE, max_length=10,
                                 description="Published on/before: YYYY, YYYY-MM or YYYY-MM-DD")]
Cursor = Annotated[str | None, Query(max_length=200, description="The `next` of the previous page")]
Name = Annotated[str | None, Query(max_length=200)]
Per = Literal["day", "week", "month", "year"]


def limit_param(default: int, most: int) -> Any:
    return Query(default, ge=1, le=most, description=f"Items per page (1-{most})")


def stores(request: Request) -> Stores:
    result: Stores = request.app.state.stores
    return result


def read_store(request: Request) -> Iterator[SQLiteStore]:
    """Dependency: a read-only store of the pool, this request's alone until it ends."""
    with stores(request).read() as store:
        yield store


ReadStore = Annotated[SQLiteStore, Depends(read_store)]


class Output:
    """How to answer: JSON (the response model) or CSV (one row per item)."""

    def __init__(self, csv_: bool) -> None:
        self.csv = csv_

    def page(self, model: type[BaseModel], page: Page[Any], columns: Sequence[str]) -> Response:
        if self.csv:
            return csv_response(page.items, columns)
        body = model.model_validate({"items": page.items, "next": page.next, "total": page.total})
        return json_response(body)

    def rows(self, model: BaseModel, items: Sequence[Any], columns: Sequence[str]) -> Response:
        """A listing whose JSON is ``model`` and whose CSV rows are ``items``."""
        return csv_response(items, columns) if self.csv else json_response(model)


def output(request: Request, fmt: Annotated[Literal["json", "csv"], Query(
        alias="format", description="json (default) or csv; the `.csv` path gives CSV too")] = "json",
           ) -> Output:
    return Output(fmt == "csv" or request.url.path.endswith(".csv"))


Out = Annotated[Output, Depends(output)]


def json_response(model: Any, status: int = 200) -> JSONResponse:
    """A response model (or a read-layer dataclass) as JSON."""
    if isinstance(model, BaseModel):
        return JSONResponse(model.model_dump(mode="json"), status_code=status)
    return JSONResponse(TypeAdapter(type(model)).dump_python(model, mode="json"), status_code=status)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, list | tuple):
        if all(isinstance(v, str | int | float) for v in value):
            return "; ".join(_cell(v) for v in value)
        return json.dumps(value, ensure_ascii=False, default=str)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, default=str)
    return str(value)


def as_dict(item: Any) -> dict[str, Any]:
    if dataclasses.is_dataclass(item) and not isinstance(item, type):
        return dataclasses.asdict(item)
    if isinstance(item, BaseModel):
        return item.model_dump(mode="json")
    return dict(item)


def csv_response(items: Sequence[Any], columns: Sequence[str]) -> Response:
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(columns)
    for item in items:
        d = as_dict(item)
        writer.writerow([_cell(d.get(c)) for c in columns])
    return Response(buf.getvalue(), media_type="text/csv; charset=utf-8")


#: The 200 answer of a listing: its model as JSON, or CSV.
def csv_200(description: str = "CSV, one row per item") -> dict[int | str, dict[str, Any]]:
    return {200: {"content": {"text/csv": {"schema": {"type": "string"}}}, "description": description}}

"""Turn pydantic's validation errors into one-line problems at the right file:line:col."""

from __future__ import annotations

import difflib
import types
import typing
from typing import Any

from pydantic import BaseModel, ValidationError

from victim_journey.content.loader import LoadedFile
from victim_journey.problems import Problem, error


def _unwrap(annotation: Any) -> Any:
    """Strip Annotated, Optional and list down to the class that holds fields."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            options = [a for a in typing.get_args(annotation) if a is not type(None)]
            annotation = options[0]
        elif origin is list:
            annotation = typing.get_args(annotation)[0]
        else:
            return annotation


def _model_at(model: type[BaseModel], loc: tuple[Any, ...]) -> type[BaseModel] | None:
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return None
        field = current.model_fields.get(part)
        if field is None:
            return None
        current = _unwrap(field.annotation)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return current
    return None


def did_you_mean(word: str, options: typing.Iterable[str]) -> str:
    matches = difflib.get_close_matches(word, list(options), n=1, cutoff=0.6)
    return f" (did you mean '{matches[0]}'?)" if matches else ""


def _field_name(loc: tuple[Any, ...]) -> str:
    names = [str(p) for p in loc if not isinstance(p, int)]
    return names[-1] if names else "this file"


_TYPE_WORDS = {
    "string_type": "a piece of text",
    "list_type": "a list (lines starting with '- ')",
    "model_type": "a set of 'key: value' fields",
    "model_attributes_type": "a set of 'key: value' fields",
    "dict_type": "a set of 'key: value' fields",
    "int_parsing": "a whole number",
    "int_type": "a whole number",
    "bool_parsing": "true or false",
    "bool_type": "true or false",
}


def _problem(loaded: LoadedFile, model: type[BaseModel], err: Any) -> Problem:
    loc = tuple(err["loc"])
    kind = err["type"]
    field = _field_name(loc)
    value = err.get("input")
    path = loaded.path
    if kind == "extra_forbidden":
        line, column = loaded.locate(loc, prefer_key=True)
        parent = _model_at(model, loc[:-1])
        hint = did_you_mean(str(loc[-1]), parent.model_fields if parent else ())
        return error(path, line, column, f"unknown field '{loc[-1]}'{hint}", "unknown-key")
    if kind == "missing":
        line, column = loaded.locate(loc[:-1], prefer_key=True) if loc[:-1] else (1, 1)
        where = f" in '{_field_name(loc[:-1])}'" if loc[:-1] else ""
        return error(path, line, column, f"missing required field '{field}'{where}",
                     "missing-field")
    line, column = loaded.locate(loc)
    if kind.startswith("date") or kind.startswith("datetime"):
        return error(path, line, column,
                     f"'{value}' in '{field}' is not a real date; write it as YYYY-MM-DD, "
                     "for example 2026-03-03", "bad-date")
    if kind == "string_pattern_mismatch":
        pattern = err.get("ctx", {}).get("pattern", "")
        if pattern.startswith("^https"):
            return error(path, line, column,
                         f"'{value}' in '{field}' is not a full web address; it must start "
                         "with https://", "bad-url")
        if pattern.startswith("^\\+?[0-9]"):
            return error(path, line, column,
                         f"'{value}' in '{field}' is not a phone number; use digits and "
                         "spaces only", "bad-phone")
        return error(path, line, column,
                     f"'{value}' in '{field}' is not a valid id; use lower-case letters, "
                     "digits and hyphens, such as 'the-trial'", "bad-id")
    if kind == "bad_phone":
        return error(path, line, column, f"in '{field}': {err['msg']}", "bad-phone")
    if kind in _TYPE_WORDS:
        return error(path, line, column,
                     f"'{field}' must be {_TYPE_WORDS[kind]}", "wrong-type")
    if kind in ("too_short", "string_too_short"):
        return error(path, line, column, f"'{field}' must not be empty", "empty-value")
    message = str(err.get("msg", "is not valid")).removeprefix("Value error, ")
    return error(path, line, column, f"'{field}' {message[0].lower()}{message[1:]}",
                 "bad-value")


def validation_problems(loaded: LoadedFile, model: type[BaseModel],
                        exc: ValidationError) -> list[Problem]:
    return [_problem(loaded, model, err) for err in exc.errors()]


M = typing.TypeVar("M", bound=BaseModel)


def parse_model(loaded: LoadedFile, model: type[M]) -> tuple[M | None, list[Problem]]:
    try:
        return model.model_validate(loaded.data), []
    except ValidationError as exc:
        return None, validation_problems(loaded, model, exc)

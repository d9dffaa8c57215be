"""The event classes aggregates declare for the type checker match the ones `@event` makes.

eventsourcing makes an aggregate's event classes at run time from its `@event` methods, so the
type checker cannot see them; aggregates declare them under `if TYPE_CHECKING:` (names, and the
fields the adapters read). Those declarations never run, so this test reads them from the source
and holds each against the class the decorator made: same name, and when fields are declared,
the same fields with the same annotations as the decorated method's parameters.
"""

from __future__ import annotations

import ast
import dataclasses
import importlib
from pathlib import Path

import pytest

SERVICES = Path(__file__).resolve().parents[2] / "services"
# Fields every event has from eventsourcing itself, not from the decorated method.
EVENT_FIELDS = {"originator_id", "originator_version", "timestamp", "originator_topic"}


def _declarations() -> list[tuple[str, str, str, dict[str, str]]]:
    """(module, aggregate, event, {field: annotation}) for each declared event class."""
    found = []
    for path in sorted(SERVICES.glob("*/domain/*.py")):
        module = ".".join(path.relative_to(SERVICES.parent).with_suffix("").parts)
        for aggregate in ast.parse(path.read_text()).body:
            if not isinstance(aggregate, ast.ClassDef):
                continue
            for block in aggregate.body:
                if not (isinstance(block, ast.If) and isinstance(block.test, ast.Name)
                        and block.test.id == "TYPE_CHECKING"):
                    continue
                for declared in block.body:
                    if isinstance(declared, ast.ClassDef):
                        fields = {
                            item.target.id: ast.unparse(item.annotation)
                            for item in declared.body
                            if isinstance(item, ast.AnnAssign) and isinstance(item.target, ast.Name)
                        }
                        found.append((module, aggregate.name, declared.name, fields))
    return found


DECLARED = _declarations()


def test_aggregates_declare_their_events() -> None:
    assert DECLARED  # the reading above finds the declarations


@pytest.mark.parametrize(("module", "aggregate", "name", "fields"), DECLARED,
                         ids=[f"{a}.{n}" for _, a, n, _ in DECLARED])
def test_declared_event_matches_the_decorated_method(module: str, aggregate: str, name: str,
                                                     fields: dict[str, str]) -> None:
    aggregate_class = getattr(importlib.import_module(module), aggregate)
    event_class = aggregate_class.__dict__.get(name)
    assert isinstance(event_class, type) and issubclass(event_class, aggregate_class.Event), (
        f"{aggregate}.{name} is declared for the type checker but no @event makes it")
    if fields:
        made = {f.name: f.type for f in dataclasses.fields(event_class) if f.name not in EVENT_FIELDS}
        assert fields == made

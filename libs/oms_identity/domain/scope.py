"""Data scope: which channels, stores and warehouses a principal may touch.

`None` for a dimension is unrestricted (the token then carries no claim for it); a tuple, even an
empty one, restricts to exactly those ids. Stored in events as a plain mapping (`as_dict`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

DIMENSIONS = ("channels", "stores", "warehouses")


def _ids(values: Iterable[str] | None) -> tuple[str, ...] | None:
    return None if values is None else tuple(sorted(set(values)))


@dataclass(frozen=True)
class DataScope:
    channels: tuple[str, ...] | None = None
    stores: tuple[str, ...] | None = None
    warehouses: tuple[str, ...] | None = None

    @classmethod
    def of(cls, channels: Iterable[str] | None = None, stores: Iterable[str] | None = None,
           warehouses: Iterable[str] | None = None) -> DataScope:
        return cls(_ids(channels), _ids(stores), _ids(warehouses))

    @classmethod
    def from_dict(cls, data: Mapping[str, Any] | None) -> DataScope:
        data = data or {}
        return cls.of(data.get("channels"), data.get("stores"), data.get("warehouses"))

    def as_dict(self) -> dict[str, list[str] | None]:
        return {name: None if getattr(self, name) is None else list(getattr(self, name)) for name in DIMENSIONS}

    @property
    def unrestricted(self) -> bool:
        return all(getattr(self, name) is None for name in DIMENSIONS)


UNRESTRICTED = DataScope()

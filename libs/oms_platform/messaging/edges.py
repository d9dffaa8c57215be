"""Protobuf stops at the edge: a Kafka handler is a translation plus an application command.

Each service's Kafka entrypoint (`entrypoints/kafka.py`) pairs, per contract message it consumes,
a `translate(message, inbound)` that turns the message (and where it came from) into a small
domain command, with the application's `handle(app, command)` that takes only domain types and
returns the aggregates to record. The application is then tested with plain values, no broker and
no protobuf; the translation is tested on its own against the contracts.

What cannot be translated is refused where it arrives: a ValueError raised while translating (an
amount without a currency, an enum value the domain lacks, a malformed id) becomes InvalidMessage,
which the consumer dead-letters with its reason. Errors of `handle` are the application's own.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from google.protobuf.message import Message

from oms_platform.messaging.record_aggregates import Inbound, InvalidMessage

C = TypeVar("C")


@dataclass(frozen=True)
class Translated(Generic[C]):
    """A handler for the consumer (`ServiceDefinition.handlers`) made of the two halves."""

    translate: Callable[[Any, Inbound], C]
    handle: Callable[[Any, C], Sequence[Any]]

    def __call__(self, app: Any, message: Message, inbound: Inbound) -> Sequence[Any]:
        try:
            command = self.translate(message, inbound)
        except InvalidMessage:
            raise
        except ValueError as error:
            raise InvalidMessage(f"{type(message).__name__}: {error}") from error
        return self.handle(app, command)


def translated(translate: Callable[[Any, Inbound], C], handle: Callable[[Any, C], Sequence[Any]]) -> Translated[C]:
    return Translated(translate, handle)

"""The generated contract classes, found by their full protobuf names.

Envelopes name their payload by full protobuf name ("oms.order.v1.OrderApproved"); consumers need
the class to unpack it. Importing a generated `*_pb2` module registers its messages in protobuf's
default descriptor pool, so `register_all_messages()` imports every module under the generated
`oms` package (contracts/gen/oms) once, and `message_class` then looks names up in that pool.
"""

from __future__ import annotations

import functools
import importlib
import pkgutil
import threading

from google.protobuf import descriptor_pool, message_factory
from google.protobuf.message import Message

_lock = threading.Lock()
_registered: tuple[str, ...] | None = None


class UnknownMessageType(LookupError):
    """No generated message has this full name."""

    def __init__(self, full_name: str):
        super().__init__(f"no protobuf message named {full_name!r} in the generated contracts (contracts/gen/oms)")
        self.full_name = full_name


def register_all_messages() -> tuple[str, ...]:
    """Import every generated `oms.*_pb2` module (once); return their module names, sorted."""
    global _registered
    with _lock:
        if _registered is None:
            import oms  # the generated package; imported here so that importing this module is free

            names = sorted(
                info.name
                for info in pkgutil.walk_packages(oms.__path__, prefix="oms.")
                if not info.ispkg and info.name.endswith("_pb2")
            )
            for name in names:
                importlib.import_module(name)
            _registered = tuple(names)
        return _registered


@functools.cache  # asked once per message consumed; a name that is not found is not cached
def message_class(full_name: str) -> type[Message]:
    """The generated class of `full_name` ("oms.order.v1.OrderApproved"); UnknownMessageType if none."""
    register_all_messages()
    try:
        descriptor = descriptor_pool.Default().FindMessageTypeByName(full_name)
    except KeyError:
        raise UnknownMessageType(full_name) from None
    # For a descriptor that came from generated code, GetMessageClass returns that generated class.
    return message_factory.GetMessageClass(descriptor)


def full_name(message_or_class: Message | type[Message]) -> str:
    """The full protobuf name of a message instance or class: `full_name(OrderApproved)`."""
    descriptor = getattr(message_or_class, "DESCRIPTOR", None)
    name = getattr(descriptor, "full_name", None)
    if not isinstance(name, str):
        raise TypeError(f"{message_or_class!r} is not a protobuf message or message class")
    return name

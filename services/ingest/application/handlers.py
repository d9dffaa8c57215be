"""What ingest does with the commands the Kafka entrypoint translates from the messages it consumes.

Channel adapters publish without an aggregate version, so the runtime cannot deduplicate their
messages by position: these handlers are idempotent by the channel order, the update id and the
envelope's event id (the command's delivery) instead.
"""

from __future__ import annotations

from typing import Any

from services.ingest.application.commands import ApplyChannelUpdate, CatalogueProduct, TakeChannelOrder
from services.ingest.application.intake import apply_channel_update, take_channel_order
from services.ingest.application.service import IngestApplication
from services.ingest.domain.catalogue import CatalogueEntry


def take_placed_order(app: IngestApplication, command: TakeChannelOrder) -> list[Any]:
    return list(take_channel_order(app, command.order, command.delivery, command.unreadable).to_record)


def apply_update(app: IngestApplication, command: ApplyChannelUpdate) -> list[Any]:
    decision = apply_channel_update(app, command.channel_order, command.update, command.delivery, command.unreadable)
    return list(decision.to_record)


def catalogue_product(app: IngestApplication, command: CatalogueProduct) -> list[Any]:
    entry = app.catalogue_entry(command.sku)
    if entry is None:
        return [CatalogueEntry(sku=command.sku, name=command.name, unit_price=command.unit_price,
                               active=command.active)]
    entry.revise(command.name, command.unit_price, command.active)
    return [entry]

"""The ingest service's store, its queries, and the commands of the HTTP intake."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable
from functools import partial
from typing import Any, ClassVar, cast

from eventsourcing.application import AggregateNotFoundError
from eventsourcing.persistence import IntegrityError, JSONTranscoder
from eventsourcing.utils import get_topic
from tenacity import retry, retry_if_exception_type, stop_after_delay, wait_random_exponential

from oms_platform.store import ServiceApplication
from oms_platform.store.conflicts import retry_on_conflict
from oms_platform.store.group_commit import GroupCommit
from services.ingest.adapters.stored_values import register_legacy_values, register_stored_values
from services.ingest.application.intake import (
    OrderTaken,
    Refused,
    UpdateTaken,
    apply_channel_update,
    refuse_unreadable,
    take_channel_order,
)
from services.ingest.application.order_numbers import OrderNumberDispenser
from services.ingest.domain.catalogue import CatalogueEntry, ListedProduct
from services.ingest.domain.channel_order import ChannelOrder
from services.ingest.domain.delivery import Delivery
from services.ingest.domain.errors import (
    ChannelOrderContentDiffers,
    UpdateAlreadyRejected,
)
from services.ingest.domain.order_numbers import OrderNumberBlock, OrderNumberSequence
from services.ingest.domain.rejection import Rejection
from services.ingest.domain.rejection_reasons import Reason
from services.ingest.domain.reported_order import (
    ChannelOrderRef,
    ChannelOrderUpdate,
    ReportedOrder,
)
from services.ingest.domain.validation import UnreadableAmount

_SCAN_PAGE = 500


class IngestApplication(ServiceApplication):
    """The ingest service's event-sourced store and its commands."""

    # Numbers an instance takes from the day's sequence at a time: at most this many are lost
    # when it stops, and concurrent intakes meet in the store once per block, not per order.
    ORDER_NUMBER_BLOCK = "ORDER_NUMBER_BLOCK"
    DEFAULT_ORDER_NUMBER_BLOCK = 100
    # The day's sequence gains an event per block (and, in stores written before blocks, one per
    # order): loaded after a restart, it replays at most this many events after its snapshot.
    snapshotting_intervals: ClassVar[dict[type[Any], int]] = {OrderNumberSequence: 50}

    def __init__(self, env: Any = None) -> None:
        super().__init__(env)
        block_size = int(self.env.get(self.ORDER_NUMBER_BLOCK) or self.DEFAULT_ORDER_NUMBER_BLOCK)
        self._order_numbers = OrderNumberDispenser(self._reserve_order_numbers, block_size)
        # HTTP intakes arrive from many clients at once: written together, a commit per round.
        self._intake_commits = GroupCommit(self, name="ingest-intake-commits")

    def close(self) -> None:
        self._intake_commits.close()
        super().close()

    async def submit_order(self, order: ReportedOrder, delivery: Delivery,
                           unreadable: tuple[UnreadableAmount, ...] = ()) -> OrderTaken | Refused:
        """`take_order`, committed with the other intakes waiting at the same moment."""
        return await self._intake_commits.run(partial(self.take_order, order, delivery, unreadable))

    async def submit_update(self, ref: ChannelOrderRef, update: ChannelOrderUpdate, delivery: Delivery,
                            unreadable: tuple[UnreadableAmount, ...] = ()) -> UpdateTaken | Refused:
        """`update_order`, committed with the other intakes waiting at the same moment."""
        return await self._intake_commits.run(partial(self.update_order, ref, update, delivery, unreadable))

    def register_transcodings(self, transcoder: JSONTranscoder) -> None:
        # Amounts stored before the kernel's Money are read back as Money; registered before the
        # base's MoneyAsDict, which (registered last for the type) writes new ones as "oms.money".
        register_legacy_values(transcoder)
        super().register_transcodings(transcoder)
        register_stored_values(transcoder)

    async def submit_unreadable(self, subject: str, ref: ChannelOrderRef, update_id: str,
                                reasons: tuple[Reason, ...], delivery: Delivery) -> Rejection:
        """Keep input refused before it could be read (see `refuse_unreadable`)."""
        return await self._intake_commits.run(
            partial(self._keep_unreadable, subject, ref, update_id, reasons, delivery))

    def _keep_unreadable(self, subject: str, ref: ChannelOrderRef, update_id: str, reasons: tuple[Reason, ...],
                         delivery: Delivery) -> Rejection:
        rejection = refuse_unreadable(subject, ref, update_id, reasons, delivery).rejection
        self.record(rejection)
        return rejection

    @retry_on_conflict
    def take_order(self, order: ReportedOrder, delivery: Delivery,
                   unreadable: tuple[UnreadableAmount, ...] = ()) -> OrderTaken | Refused:
        """Accept, reject or recognise a channel order entered over HTTP.

        Raises ChannelOrderContentDiffers, recording nothing, when the channel order was accepted
        with other content: the caller is told at once that changes go as updates.
        """
        decision = take_channel_order(self, order, delivery, unreadable)
        outcome = decision.outcome
        if isinstance(outcome, OrderTaken) and not outcome.identical:
            raise ChannelOrderContentDiffers(outcome.order.order_id, outcome.order.order_number)
        self._record_decided(decision.to_record)
        return outcome

    @retry_on_conflict
    def update_order(self, ref: ChannelOrderRef, update: ChannelOrderUpdate, delivery: Delivery,
                     unreadable: tuple[UnreadableAmount, ...] = ()) -> UpdateTaken | Refused:
        """Apply or reject a channel update entered over HTTP; UpdateAlreadyRejected for a resent
        update id that was rejected before."""
        decision = apply_channel_update(self, ref, update, delivery, unreadable)
        outcome = decision.outcome
        if isinstance(outcome, Refused) and outcome.earlier:
            raise UpdateAlreadyRejected(update.update_id, outcome.rejection.rejection_id)
        self._record_decided(decision.to_record)
        return outcome

    def _record_decided(self, aggregates: tuple) -> None:
        if aggregates:
            self.record(*aggregates)

    def channel_order(self, order_id: str) -> ChannelOrder | None:
        return self._get(ChannelOrder.create_id(order_id))

    def rejection(self, rejection_id: str) -> Rejection | None:
        return self._get(Rejection.create_id(rejection_id))

    def catalogue_entry(self, sku: str) -> CatalogueEntry | None:
        return self._get(CatalogueEntry.create_id(sku))

    def listings(self, skus: Iterable[str]) -> dict[str, ListedProduct]:
        entries = (self.catalogue_entry(sku) for sku in set(skus) if sku)
        return {entry.sku: entry.listing for entry in entries if entry is not None}

    def next_order_number(self, day: str) -> str:
        return self._order_numbers.next_number(day)

    def order_number_sequence(self, day: str) -> OrderNumberSequence | None:
        return self._get(OrderNumberSequence.create_id(day))

    # Instances race for blocks only when one is used up; the loser reloads the sequence (its
    # failed write dropped the stale copy) and takes the next block.
    @retry(retry=retry_if_exception_type(IntegrityError), stop=stop_after_delay(10),
           wait=wait_random_exponential(multiplier=0.005, max=0.1), reraise=True)
    def _reserve_order_numbers(self, day: str, size: int) -> OrderNumberBlock:
        sequence = self.order_number_sequence(day) or OrderNumberSequence(day)
        block = sequence.reserve_block(size)
        self.record_at_once(sequence)
        return block

    def rejections(self, limit: int, channel_account: str | None = None) -> list[Rejection]:
        """The newest rejections first, read from the store's log.

        A staff view over ingest's own store; the projection service builds the searchable views.
        """
        newest: deque[Rejection] = deque(maxlen=limit)
        topics = [get_topic(Rejection.Recorded)]
        position = 0
        while page := self.recorder.select_notifications(
            start=position, limit=_SCAN_PAGE, topics=topics, inclusive_of_start=False
        ):
            for notification in page:
                recorded = self.mapper.to_domain_event(notification)
                if not isinstance(recorded, Rejection.Recorded):  # the topics above select only these
                    raise TypeError(f"expected Rejection.Recorded, read {type(recorded).__name__}")
                # A created event makes its aggregate; eventsourcing types every mutate() Optional.
                rejection = cast(Rejection, recorded.mutate(None))
                if channel_account is None or rejection.channel_order.channel_account == channel_account:
                    newest.append(rejection)
            position = page[-1].id
        return list(reversed(newest))

    def _get(self, aggregate_id: Any) -> Any:
        try:
            return self.repository.get(aggregate_id)
        except AggregateNotFoundError:
            return None

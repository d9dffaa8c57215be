"""This instance's supply of order numbers: a block of the day in memory, the next one reserved
in the store when it is used up (see `services.ingest.domain.order_numbers`)."""

from __future__ import annotations

import threading
from collections.abc import Callable

from services.ingest.domain.order_numbers import OrderNumberBlock

ReserveBlock = Callable[[str, int], OrderNumberBlock]


class OrderNumberDispenser:
    """Hands out numbers to concurrent intakes; only a used-up block costs a store write.

    The lock is held while a block is reserved, so the instance reserves one block at a time
    and no intake waits longer than that one write.
    """

    def __init__(self, reserve_block: ReserveBlock, block_size: int) -> None:
        if block_size < 1:
            raise ValueError("an order number block holds at least one number")
        self._reserve_block = reserve_block
        self._block_size = block_size
        self._block: OrderNumberBlock | None = None
        self._lock = threading.Lock()

    def next_number(self, day: str) -> str:
        with self._lock:
            block = self._block
            if block is None or block.day != day or block.exhausted:
                block = self._block = self._reserve_block(day, self._block_size)
            return block.take()

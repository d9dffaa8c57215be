"""Commands from HTTP race the consumer for the same aggregates; the loser runs again on fresh state."""

from __future__ import annotations

from eventsourcing.persistence import IntegrityError
from tenacity import retry, retry_if_exception_type, stop_after_attempt, wait_random_exponential

# Each attempt reloads the aggregates, so a retry decides again on what the winner recorded.
retry_on_concurrent_write = retry(
    retry=retry_if_exception_type(IntegrityError),
    stop=stop_after_attempt(5),
    wait=wait_random_exponential(multiplier=0.01, max=0.2),
    reraise=True,
)

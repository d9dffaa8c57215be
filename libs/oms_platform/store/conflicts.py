"""One retry policy for commands that lose a write race, the same in every service.

An HTTP command and the service's consumer may record the same aggregate at the same moment; the
store's version check refuses the second write (IntegrityError). The command then runs again from
the start, reloading the aggregate, so it decides anew on what the winner recorded.
"""

from eventsourcing.persistence import IntegrityError
from tenacity import retry, retry_if_exception_type, stop_after_attempt, wait_random_exponential

retry_on_conflict = retry(
    retry=retry_if_exception_type(IntegrityError),
    stop=stop_after_attempt(5),
    wait=wait_random_exponential(multiplier=0.01, max=0.2),
    reraise=True,
)

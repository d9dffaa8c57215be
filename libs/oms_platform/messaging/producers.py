"""Every Kafka producer of the OMS is made here, so all of them publish the same way.

`acks=all`: a message counts as published once every in-sync replica has it; the relay moves its
position only then. Idempotence (`OMS_PRODUCER_IDEMPOTENCE`, on by default as in Apache Kafka's
own clients) keeps a retried send from writing a message twice or out of order. Exactly-once
effects do not rest on it (consumers drop positions they already recorded), so a broker that
refuses idempotent producers gets a plain one, with a warning saying which setting silences it:
operator tools and the demo then work against any broker without being told which it is.
"""

from __future__ import annotations

from aiokafka import AIOKafkaProducer
from aiokafka.errors import ClusterAuthorizationFailedError, UnknownError, UnsupportedVersionError

from oms_platform.logging import get_logger
from oms_platform.settings import ServiceSettings

log = get_logger(__name__)

MAX_BATCH_BYTES = 1024 * 1024  # aiokafka's 16 KiB default splits a relay batch into many requests
# How a broker answers InitProducerId when it cannot give this producer an id (Tansu: UnknownError;
# Kafka without the IdempotentWrite permission: ClusterAuthorizationFailed). A broker that cannot be
# reached fails earlier, with a connection error, and is not taken for one of these.
IDEMPOTENCE_REFUSED = (UnknownError, ClusterAuthorizationFailedError, UnsupportedVersionError)


def kafka_producer(settings: ServiceSettings, role: str, *, idempotence: bool | None = None,
                   linger_ms: int | None = None) -> AIOKafkaProducer:
    """A producer, not started, named `<prefix>-<role>` in the broker's logs and quotas."""
    return AIOKafkaProducer(
        bootstrap_servers=settings.kafka_bootstrap_servers,
        client_id=f"{settings.kafka_client_prefix}-{role}",
        acks="all",
        enable_idempotence=settings.producer_idempotence if idempotence is None else idempotence,
        linger_ms=settings.producer_linger_ms if linger_ms is None else linger_ms,
        max_batch_size=MAX_BATCH_BYTES,
    )


async def start_producer(settings: ServiceSettings, role: str, *, linger_ms: int | None = None) -> AIOKafkaProducer:
    """A started producer; a broker refusing an idempotent one (InitProducerId) gets a plain one."""
    try:
        return await _started(kafka_producer(settings, role, linger_ms=linger_ms))
    except IDEMPOTENCE_REFUSED as error:
        if not settings.producer_idempotence:
            raise
        log.warning("the broker refused an idempotent producer; publishing without idempotence"
                    " (set OMS_PRODUCER_IDEMPOTENCE=false for this broker)", role=role, error=repr(error))
    return await _started(kafka_producer(settings, role, idempotence=False, linger_ms=linger_ms))


async def _started(producer: AIOKafkaProducer) -> AIOKafkaProducer:
    try:
        await producer.start()
    except BaseException:
        await producer.stop()  # its connections; a producer whose start failed is never started again
        raise
    return producer

"""A relay process for the SIGKILL test: publishes a SQLite store to a topic.

Usage: relay_worker.py DATA_DIR BOOTSTRAP TOPIC [--drain]
Without --drain it publishes slowly forever (to be killed); with --drain it publishes what is
pending and exits.
"""

import asyncio
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from aiokafka import AIOKafkaProducer

from oms_platform.messaging.relay import OutboxRelay
from oms_platform.store import open_application
from tests.platform.sample_domain import ParcelDesk, parcel_publications, settings_for


async def main(data_dir: str, bootstrap: str, topic: str, drain: bool) -> None:
    desk = open_application(ParcelDesk, settings_for("killed", data_dir=Path(data_dir), database_url=None))
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, enable_idempotence=False, linger_ms=1)
    await producer.start()
    relay = OutboxRelay(desk, parcel_publications(topic), producer, producer_name="killed",
                        batch_size=int(os.environ.get("RELAY_BATCH", "500")))
    try:
        while await relay.publish_pending():
            if not drain:
                await asyncio.sleep(0.05)  # slow enough to be killed mid-way
        if not drain:
            await asyncio.Event().wait()
    finally:
        await producer.stop()


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1], sys.argv[2], sys.argv[3], "--drain" in sys.argv))

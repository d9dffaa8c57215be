"""A real service process-in-test: health, readiness, and garbage on its topic."""

import asyncio
import dataclasses

import pytest

from oms_platform.service import create_service_app
from services.order.bootstrap import definition as order_definition
from tests.support.messaging import TopicReader, publish_raw
from tests.support.services import running_service
from tests.support.services import test_settings as service_settings

pytestmark = pytest.mark.kafka


@pytest.fixture
def broker(embedded_broker):
    return embedded_broker.bootstrap_servers


async def test_a_service_is_live_and_ready_with_its_store_and_broker(broker, tmp_path):
    async with running_service(order_definition(), bootstrap=broker, data_dir=tmp_path) as service:
        assert (await service.client.get("/health/live")).status_code == 200
        ready = await service.client.get("/health/ready")
        assert ready.status_code == 200, ready.text
        assert set(ready.json()["checks"]) >= {"store", "kafka", "tasks"}
        metrics = await service.client.get("/metrics")
        assert "oms_relay_position" in metrics.text


async def test_a_service_adds_readiness_checks_of_its_own(broker, tmp_path):
    blocked: list[str] = ["the views are incomplete"]

    def own_checks(runtime):
        assert runtime.definition.name == "order"

        async def views() -> None:
            if blocked:
                raise RuntimeError(blocked[0])

        return {"views": views}

    definition = dataclasses.replace(order_definition(), readiness_checks=own_checks)
    async with running_service(definition, bootstrap=broker, data_dir=tmp_path) as service:
        ready = await service.client.get("/health/ready")
        assert ready.status_code == 503, ready.text
        assert ready.json()["checks"]["views"] == "RuntimeError: the views are incomplete"
        assert ready.json()["checks"]["tasks"] == "ok"
        blocked.clear()
        ready = await service.client.get("/health/ready")
        assert ready.status_code == 200, ready.text
        assert set(ready.json()["checks"]) == {"store", "kafka", "tasks", "views"}


def test_a_service_check_cannot_replace_a_platform_check(tmp_path):
    definition = dataclasses.replace(order_definition(), readiness_checks=lambda runtime: {"store": _never_ready})
    settings = service_settings(definition, bootstrap="127.0.0.1:1", data_dir=tmp_path)
    with pytest.raises(ValueError, match="'store'"):
        create_service_app(definition, settings)


async def _never_ready() -> None:
    raise RuntimeError("never")


async def test_garbage_on_a_consumed_topic_is_dead_lettered_and_the_service_stays_healthy(broker, tmp_path):
    garbage = b"\x00\x01garbage that is not an envelope\xfe"
    async with running_service(order_definition(), bootstrap=broker, data_dir=tmp_path) as service:
        await publish_raw(broker, "oms.intake.events.v1", b"some-key", garbage)
        async with TopicReader(broker, "oms.intake.events.v1.dlq") as dead_letters:
            for _ in range(300):
                await dead_letters.poll()
                if dead_letters.records:
                    break
                await asyncio.sleep(0.05)
            assert dead_letters.records, "the garbage reached the dead-letter topic"
            letter = dead_letters.records[0]
            assert letter.value == garbage and letter.key == b"some-key"
            assert dict(letter.headers)["dlq-consumer"] == b"order"
        assert (await service.client.get("/health/ready")).status_code == 200
        metrics = (await service.client.get("/metrics")).text
        assert 'oms_dead_letters_total{reason="undecodable",topic="oms.intake.events.v1"} 1.0' in metrics or \
            'oms_dead_letters_total{reason="missing-fields",topic="oms.intake.events.v1"} 1.0' in metrics

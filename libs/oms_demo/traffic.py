"""Channel adapters publishing orders on the intake topic, duplicates and bad orders mixed in."""

from __future__ import annotations

import asyncio
import contextlib
import random
import uuid
from datetime import UTC, datetime

import httpx
from aiokafka import AIOKafkaProducer

from oms.common.v1 import payment_pb2
from oms.envelope.v1.envelope_pb2 import Envelope
from oms.intake.v1 import channel_order_events_pb2, channel_order_pb2
from oms_demo.channels import CHANNELS, Product, placed, spoil
from oms_demo.log import say
from oms_demo.webshop import check_out, checkout_form
from oms_platform.messaging.producers import start_producer
from oms_platform.settings import ServiceSettings

INTAKE_TOPIC = "oms.intake.channel-orders.v1"
DUPLICATE_SHARE, SPOILED_SHARE = 0.10, 0.08


def envelope_for(message, *, adapter: str) -> bytes:
    """What every channel adapter sends: the payload in the OMS envelope."""
    envelope = Envelope(event_id=str(uuid.uuid4()), type=message.DESCRIPTOR.full_name, producer=adapter)
    envelope.correlation_id = envelope.causation_id = envelope.event_id
    envelope.occurred_at.FromDatetime(datetime.now(UTC))
    envelope.payload.Pack(message)
    return envelope.SerializeToString()


async def place_orders(bootstrap: str, products: list[Product], *, count: int, rate: float,
                       stopping: asyncio.Event, rng: random.Random,
                       http: httpx.AsyncClient | None = None, ingest_url: str = "") -> None:
    """Orders from three marketplace/shop adapters over Kafka and the own web shop over HTTP."""
    producer = await start_producer(ServiceSettings(kafka_bootstrap_servers=bootstrap), "demo-traffic", linger_ms=5)
    unpaid: list[channel_order_pb2.ChannelOrder] = []
    try:
        for number in range(1, count + 1):
            if stopping.is_set():
                break
            if http is not None and rng.random() < 0.2:
                await check_out(http, ingest_url, checkout_form(rng, number, products))
                await _pause(stopping, 1.0 / rate)
                continue
            channel = rng.choices(list(CHANNELS), weights=[45, 35, 20])[0]
            make, adapt = CHANNELS[channel]
            order = adapt(make(rng, number, products))
            note = f" spoiled: {spoil(rng, order)}" if rng.random() < SPOILED_SHARE else ""
            await _send(producer, order, channel, times=2 if rng.random() < DUPLICATE_SHARE else 1)
            say("channels", f"{channel:>14} order {order.channel_order_id}{note}")
            if order.payment.status == payment_pb2.PAYMENT_STATUS_UNPAID:
                unpaid.append(order)
            if unpaid and rng.random() < 0.3:
                await _report_payment(producer, unpaid.pop(0))
            await _pause(stopping, 1.0 / rate)
        for order in unpaid:
            await _report_payment(producer, order)
    finally:
        await producer.stop()


async def _send(producer: AIOKafkaProducer, order: channel_order_pb2.ChannelOrder, channel: str, *, times: int) -> None:
    key = f"{order.channel_account}:{order.channel_order_id}".encode()
    for _ in range(times):  # channels do deliver the same order twice
        value = envelope_for(placed(order), adapter=f"adapter-{channel}")
        await (await producer.send(INTAKE_TOPIC, key=key, value=value))


async def _report_payment(producer: AIOKafkaProducer, order: channel_order_pb2.ChannelOrder) -> None:
    update = channel_order_events_pb2.ChannelOrderUpdated(
        channel=order.channel, channel_account=order.channel_account, channel_order_id=order.channel_order_id,
        update_id=f"paid-{order.channel_order_id}",
        payment=channel_order_pb2.ReportedPayment(status=payment_pb2.PAYMENT_STATUS_PAID, method=order.payment.method,
                                                  paid_amount=order.reported_totals.grand_total, gateway="alipay"))
    update.updated_at.FromDatetime(datetime.now(UTC))
    update.payment.paid_at.FromDatetime(datetime.now(UTC))
    key = f"{order.channel_account}:{order.channel_order_id}".encode()
    await (await producer.send(INTAKE_TOPIC, key=key, value=envelope_for(update, adapter="adapter-tmall")))
    say("channels", f"{'tmall':>14} buyer paid {order.channel_order_id}")


async def _pause(stopping: asyncio.Event, seconds: float) -> None:
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(stopping.wait(), timeout=seconds)

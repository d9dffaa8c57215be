"""The ledger service in-process against a real broker: order events in, journal entries out."""

import asyncio

import pytest

from services.ledger.bootstrap import definition
from tests.support.messaging import TopicReader
from tests.support.services import running_service

from .order_events import (
    GRAND_TOTAL,
    LEDGER_EVENTS,
    ORDER_EVENTS,
    OrderStream,
    new_order_id,
    order_cancelled,
    order_delivered,
    order_placed,
    payment_confirmed,
)

pytestmark = pytest.mark.kafka

POSTED = "oms.ledger.v1.JournalEntryPosted"


@pytest.fixture
def broker(embedded_broker):
    return embedded_broker.bootstrap_servers


def for_order(order_id):
    return lambda message: message.order_id == order_id


async def order_ledger(service, order_id):
    response = await service.client.get(f"/ledger/orders/{order_id}")
    assert response.status_code == 200, response.text
    return response.json()


def balances(view):
    return {b["account_code"]: b["balance"]["minor_units"] for b in view["balances"]}


async def test_a_prepaid_order_is_booked_from_payment_to_delivery(broker, store_backend, ledger_database_url):
    order_id = new_order_id()
    async with running_service(definition(), bootstrap=broker, data_dir=store_backend.data_dir,
                               database_url=ledger_database_url) as service, \
            TopicReader(broker, LEDGER_EVENTS) as ledger_events:
        stream = OrderStream(broker, order_id)
        await stream.publish(order_placed(order_id))
        await stream.publish(payment_confirmed(order_id, GRAND_TOTAL))
        await stream.publish(order_delivered(order_id))

        posted = await ledger_events.wait_for(POSTED, 3, where=for_order(order_id))
        assert [p.recognition_rule_id for p in posted] == [
            "receive-payment", "recognise-on-delivery", "match-advance-to-receivable"]
        recognition = posted[1]
        assert recognition.source_event_type == "oms.order.v1.OrderDelivered"
        assert [(line.account_code, line.debit.minor_units, line.credit.minor_units) for line in recognition.lines] == [
            ("1122", 12_300, 0), ("6001", 0, 10_000), ("6051", 0, 1_000), ("2221", 0, 1_300)]
        (received,) = await ledger_events.wait_for("oms.ledger.v1.PaymentReceived")
        assert received.amount.minor_units == GRAND_TOTAL and received.external_reference == "ALIPAY-2024-0001"
        (matched,) = await ledger_events.wait_for("oms.ledger.v1.PaymentMatched")
        assert matched.outstanding_after.minor_units == 0 and matched.automatic
        assert {envelope.type: record.key for record, (envelope, _) in
                zip(ledger_events.records, ledger_events.messages(), strict=False)}[POSTED] == order_id.encode()

        view = await order_ledger(service, order_id)
        assert view["receivable_outstanding"] == {"currency_code": "CNY", "minor_units": 0}
        assert view["settled"] and view["revenue_recognised"] and len(view["entries"]) == 3
        assert balances(view) == {"1001": 12_300, "1122": 0, "2201": 0, "2221": -1_300, "6001": -10_000,
                                  "6051": -1_000}

        trial = (await service.client.get("/ledger/trial-balance")).json()
        assert trial["balanced"]
        (cny,) = trial["currencies"]
        assert cny["total_balance"] == 0 and cny["total_debit"] == cny["total_credit"] == 36_900
        assert sum(account["balance"] for account in cny["accounts"]) == 0

        newest = (await service.client.get("/ledger/entries", params={"limit": 2})).json()["entries"]
        assert [entry["rule"] for entry in newest] == ["match-advance-to-receivable", "recognise-on-delivery"]


async def test_an_event_delivered_twice_posts_one_entry(broker, store_backend, ledger_database_url):
    order_id = new_order_id()
    async with running_service(definition(), bootstrap=broker, data_dir=store_backend.data_dir,
                               database_url=ledger_database_url) as service, \
            TopicReader(broker, LEDGER_EVENTS) as ledger_events:
        stream = OrderStream(broker, order_id)
        await stream.publish(order_placed(order_id))
        payment = await stream.publish(payment_confirmed(order_id, 5_000, reference="PAY-ONCE"))
        await stream.redeliver(payment)
        # The same payment confirmed again in a later event: the ledger knows it by its reference.
        await stream.publish(payment_confirmed(order_id, 5_000, reference="PAY-ONCE"))
        await stream.publish(order_delivered(order_id))
        await stream.publish(order_delivered(order_id))  # and delivered again, as a new event
        # A last, different payment: once it is booked, everything before it was processed.
        await stream.publish(payment_confirmed(order_id, 7_300, reference="PAY-REST"))

        await ledger_events.wait_for("oms.ledger.v1.PaymentReceived",
                                     where=lambda p: p.external_reference == "PAY-REST")
        view = await order_ledger(service, order_id)
        assert sorted(entry["rule"] for entry in view["entries"]) == sorted([
            "receive-payment", "recognise-on-delivery", "match-advance-to-receivable",
            "receive-payment", "match-advance-to-receivable"])
        assert view["settled"]
        await ledger_events.wait_for(POSTED, 5)
        await ledger_events.poll()
        assert len(ledger_events.messages(POSTED)) == 5


async def test_a_cash_on_delivery_order_is_collected_by_the_carrier_at_delivery(broker, tmp_path):
    order_id = new_order_id()
    async with running_service(definition(), bootstrap=broker, data_dir=tmp_path) as service, \
            TopicReader(broker, LEDGER_EVENTS) as ledger_events:
        stream = OrderStream(broker, order_id)
        await stream.publish(order_placed(order_id, cod=True))
        await stream.publish(payment_confirmed(order_id, 0))  # deferred: nothing received yet
        await stream.publish(order_delivered(order_id, ("shipment-cod",)))

        (collected,) = await ledger_events.wait_for("oms.ledger.v1.CodCollected")
        assert collected.amount.minor_units == GRAND_TOTAL and collected.shipment_id == "shipment-cod"
        posted = await ledger_events.wait_for(POSTED, 2)
        assert [p.recognition_rule_id for p in posted] == ["recognise-on-delivery", "collect-cash-on-delivery"]

        view = await order_ledger(service, order_id)
        assert view["cash_on_delivery"] and view["settled"]
        assert balances(view)["1123"] == GRAND_TOTAL and balances(view)["1122"] == 0
        assert "1001" not in balances(view), "the carrier holds the cash until it remits it"


async def test_cancelling_a_paid_order_issues_a_refund(broker, tmp_path):
    order_id = new_order_id()
    async with running_service(definition(), bootstrap=broker, data_dir=tmp_path) as service, \
            TopicReader(broker, LEDGER_EVENTS) as ledger_events:
        stream = OrderStream(broker, order_id)
        await stream.publish(order_placed(order_id))
        await stream.publish(payment_confirmed(order_id, GRAND_TOTAL))
        await stream.publish(order_cancelled(order_id, refund_due=GRAND_TOTAL))

        (refund,) = await ledger_events.wait_for("oms.ledger.v1.RefundIssued")
        assert refund.amount.minor_units == GRAND_TOTAL and refund.entry_id
        view = await order_ledger(service, order_id)
        assert view["cancelled"] and view["settled"] and not view["revenue_recognised"]
        assert balances(view) == {"1001": 0, "2201": 0}


async def test_an_order_whose_totals_do_not_add_up_is_dead_lettered_and_nothing_is_booked(broker, tmp_path):
    order_id = new_order_id()
    async with running_service(definition(), bootstrap=broker, data_dir=tmp_path) as service, \
            TopicReader(broker, f"{ORDER_EVENTS}.dlq") as dead_letters:
        await OrderStream(broker, order_id).publish(order_placed(order_id, grand_total=99_999))

        await eventually(lambda: dead_letters.records, dead_letters.poll)
        headers = dict(dead_letters.records[0].headers)
        assert headers["dlq-reason"].startswith(b"invalid") and b"grand total 99999" in headers["dlq-reason"]
        assert headers["dlq-consumer"] == b"ledger"
        assert (await service.client.get(f"/ledger/orders/{order_id}")).status_code == 404


async def test_bad_queries_are_refused_naming_the_field(broker, tmp_path):
    async with running_service(definition(), bootstrap=broker, data_dir=tmp_path) as service:
        not_an_id = await service.client.get("/ledger/orders/SO-1001")
        assert not_an_id.status_code == 422
        assert [(e["field"], e["location"]) for e in not_an_id.json()["errors"]] == [("order_id", "path")]

        for limit in ("0", "501", "many"):
            bad_limit = await service.client.get("/ledger/entries", params={"limit": limit})
            assert bad_limit.status_code == 422, limit
            assert [e["field"] for e in bad_limit.json()["errors"]] == ["limit"]

        unknown = await service.client.get(f"/ledger/orders/{new_order_id()}")
        assert unknown.status_code == 404 and unknown.json()["type"].endswith("/not-found")

        chart = (await service.client.get("/ledger/accounts")).json()
        assert {a["code"]: a["normal_side"] for a in chart}["2201"] == "credit"
        assert (await service.client.get("/ledger/trial-balance")).json() == {"currencies": [], "balanced": True}


async def eventually(condition, refresh, timeout=30.0):
    deadline = asyncio.get_running_loop().time() + timeout
    while not condition():
        assert asyncio.get_running_loop().time() < deadline, "condition not met in time"
        await refresh()

"""Channel adapters publish on oms.intake.channel-orders.v1; ingest answers on oms.intake.events.v1."""

from __future__ import annotations

import pytest

from oms.intake.v1 import intake_pb2
from oms_platform.identity import order_id_for
from services.ingest import samples
from services.ingest.bootstrap import definition
from tests.support.messaging import TopicReader, publish
from tests.support.services import running_service

from .contract_messages import channel_key, placed, updated
from .running import CHANNEL_ORDERS, INTAKE_EVENTS, eventually, load_sample_catalogue

pytestmark = pytest.mark.kafka

ACCEPTED = "oms.intake.v1.OrderAccepted"
DUPLICATE = "oms.intake.v1.ChannelOrderDuplicateReceived"
REJECTED = "oms.intake.v1.OrderRejected"
UPDATE_APPLIED = "oms.intake.v1.ChannelOrderUpdateApplied"
UPDATE_REJECTED = "oms.intake.v1.ChannelOrderUpdateRejected"


@pytest.fixture
async def ingest(broker, store_backend, ingest_database_url):
    async with running_service(definition(), bootstrap=broker, data_dir=store_backend.data_dir,
                               database_url=ingest_database_url) as service:
        await load_sample_catalogue(broker, service)
        yield service


async def test_an_order_published_five_times_is_one_accepted_order_and_four_duplicates(broker, ingest):
    form = samples.orders()[1]  # Tmall, Beijing
    for _ in range(5):
        await publish(broker, CHANNEL_ORDERS, channel_key(form), placed(form), producer="tmall-adapter")

    async with TopicReader(broker, INTAKE_EVENTS) as events:
        duplicates = await events.wait_for(DUPLICATE, 4)
        accepted = [message for _, message in events.messages(ACCEPTED)]

    order_id = order_id_for("tmall-flagship", "2026112212345")
    assert [m.order_id for m in accepted] == [order_id]
    assert all(d.order_id == order_id and d.identical for d in duplicates)
    order = accepted[0].order
    assert accepted[0].source == intake_pb2.INTAKE_SOURCE_KAFKA
    assert order.contact.phone == "+8613910123456"
    assert order.shipping_address.district == "朝阳区"
    assert [(line.line_id, line.sku, line.discount.minor_units) for line in order.lines] == [
        ("tm-1", "RICE-COOKER-3L", 5000)]
    assert order.express_requested and order.invoice_request.requested
    view = (await ingest.client.get(f"/intake/orders/{order_id}")).json()
    assert (view["order_number"], view["duplicates_received"]) == (accepted[0].order_number, 4)


async def test_a_redelivered_envelope_changes_nothing(broker, ingest):
    form = samples.orders()[0]
    key = channel_key(form)
    await publish(broker, CHANNEL_ORDERS, key, placed(form), event_id="evt-once")
    order_id = order_id_for(form["channel_account"], form["channel_order_id"])
    await eventually(lambda: ingest.app.channel_order(order_id), what="the order")
    position = ingest.app.position()

    await publish(broker, CHANNEL_ORDERS, key, placed(form), event_id="evt-once")
    # Same key, so processed after the redelivery: once it is applied, the redelivery was handled.
    marker = updated(form["channel_account"], form["channel_order_id"],
                     {"update_id": "marker", "cancellation": {"reason": "test marker"}})
    await publish(broker, CHANNEL_ORDERS, key, marker)
    await eventually(lambda: ingest.app.channel_order(order_id).updates, what="the marker update")

    assert ingest.app.channel_order(order_id).duplicates == 0
    assert ingest.app.position() == position + 1  # the marker only


async def test_a_bad_order_is_rejected_with_every_reason_and_kept_for_staff(broker, ingest):
    form = samples.rejected_orders()[0]
    envelope = await publish(broker, CHANNEL_ORDERS, channel_key(form), placed(form), producer="douyin-adapter")

    async with TopicReader(broker, INTAKE_EVENTS) as events:
        [rejected] = await events.wait_for(REJECTED)

    reasons = {(r.field_path, intake_pb2.RejectionCode.Name(r.code).removeprefix("REJECTION_CODE_"))
               for r in rejected.reasons}
    assert reasons == {
        ("order.customer.name", "REQUIRED_FIELD_MISSING"), ("order.contact.phone", "INVALID_PHONE"),
        ("order.contact.email", "INVALID_EMAIL"), ("order.shipping_address.district", "INVALID_ADDRESS"),
        ("order.shipping_address.postcode", "INVALID_ADDRESS"), ("order.lines[0].sku", "UNKNOWN_SKU"),
        ("order.lines[1].quantity", "INVALID_QUANTITY"), ("order.lines[1].unit_price", "PRICE_MISMATCH"),
        ("order.lines[1].line_id", "DUPLICATE_LINE_ID"), ("order.lines[2].sku", "UNKNOWN_SKU"),
        ("order.lines[2].unit_price", "PRICE_MISMATCH"), ("order.lines[2].unit_price", "UNSUPPORTED_CURRENCY"),
    }
    assert rejected.original_payload == envelope.SerializeToString()
    assert rejected.source_event_id == envelope.event_id
    listed = (await ingest.client.get("/intake/rejections", params={"channel_account": "douyin-live"})).json()
    assert [r["rejection_id"] for r in listed] == [rejected.rejection_id]
    assert {(r["field"], r["code"]) for r in listed[0]["reasons"]} == reasons
    detail = (await ingest.client.get(f"/intake/rejections/{rejected.rejection_id}")).json()
    assert detail["original_content_type"] == "application/x-protobuf"
    assert detail["source"] == "kafka"


async def test_a_paid_update_is_applied_to_the_order_once(broker, ingest):
    form = samples.orders()[2]  # cash on delivery, staff phone order
    key, account, channel_order_id = channel_key(form), form["channel_account"], form["channel_order_id"]
    paid = updated(account, channel_order_id, {
        "update_id": "cod-collected-1",
        "payment": {"status": "paid", "method": "cash_on_delivery",
                    "paid_amount": {"currency": "CNY", "minor_units": 56300}}}, channel="staff_phone")
    await publish(broker, CHANNEL_ORDERS, key, placed(form))
    await publish(broker, CHANNEL_ORDERS, key, paid)
    await publish(broker, CHANNEL_ORDERS, key, paid)  # the same update id again
    moved = updated(account, channel_order_id, {"update_id": "addr-1", "address_change": {"shipping_address": {
        "country_code": "CN", "province": "广东省", "city": "深圳市", "district": "南山区",
        "street_lines": ["科技园南区 1 号"], "phone": "186 2000 1234"}}}, channel="staff_phone")
    await publish(broker, CHANNEL_ORDERS, key, moved)

    async with TopicReader(broker, INTAKE_EVENTS) as events:
        applied = await events.wait_for(UPDATE_APPLIED, 2)

    order_id = order_id_for(account, channel_order_id)
    assert [(a.order_id, a.update_id, a.WhichOneof("change")) for a in applied] == [
        (order_id, "cod-collected-1", "payment"), (order_id, "addr-1", "address_change")]
    assert applied[0].payment.paid_amount.minor_units == 56300
    assert applied[1].address_change.shipping_address.phone == "+8618620001234"
    assert applied[1].channel_order.channel_account == account
    stored = ingest.app.channel_order(order_id)
    assert [u.update_id for u in stored.updates] == ["cod-collected-1", "addr-1"]
    assert stored.payment.status == "paid"


async def test_an_update_for_an_unknown_order_is_rejected(broker, ingest):
    unknown = updated("cs-hotline", "TEL-NEVER", {"update_id": "c-1", "cancellation": {"reason": "x"}})
    await publish(broker, CHANNEL_ORDERS, "cs-hotline:TEL-NEVER", unknown)

    async with TopicReader(broker, INTAKE_EVENTS) as events:
        [refused] = await events.wait_for(UPDATE_REJECTED)

    assert [r.code for r in refused.reasons] == [intake_pb2.REJECTION_CODE_UNKNOWN_CHANNEL_ORDER]
    assert (refused.order_id, refused.update_id) == ("", "c-1")
    assert refused.channel_order.channel_order_id == "TEL-NEVER"
    listed = (await ingest.client.get("/intake/rejections")).json()
    assert [(r["subject"], r["update_id"]) for r in listed] == [("update", "c-1")]


async def test_an_amount_in_no_currency_is_a_kept_rejection_not_a_dead_letter(broker, ingest):
    form = samples.orders()[1]  # Tmall, one line with a discount
    form["lines"][0]["unit_price"]["currency"] = "cny"  # read as CNY, the catalogue's price
    form["lines"][0]["discount"]["currency"] = "¥"  # no ISO 4217 code
    await publish(broker, CHANNEL_ORDERS, channel_key(form), placed(form), producer="tmall-adapter")

    async with TopicReader(broker, INTAKE_EVENTS) as events:
        [rejected] = await events.wait_for(REJECTED)

    assert [(r.field_path, r.code) for r in rejected.reasons] == [
        ("order.lines[0].discount", intake_pb2.REJECTION_CODE_UNSUPPORTED_CURRENCY)]
    assert "'¥'" in rejected.reasons[0].message
    assert ingest.app.channel_order(order_id_for(form["channel_account"], form["channel_order_id"])) is None

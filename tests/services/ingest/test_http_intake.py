"""The HTTP intake for forms and staff: orders, updates, rejections; good input and bad."""

from __future__ import annotations

import base64
import copy
import json
import re

import pytest

from oms.intake.v1 import intake_pb2
from oms_platform.identity import order_id_for
from services.ingest import samples
from services.ingest.bootstrap import definition
from tests.support.messaging import TopicReader, publish
from tests.support.services import running_service

from .contract_messages import channel_key, placed
from .running import CHANNEL_ORDERS, INTAKE_EVENTS, eventually, load_sample_catalogue

pytestmark = pytest.mark.kafka


@pytest.fixture
async def ingest(broker, tmp_path):
    async with running_service(definition(), bootstrap=broker, data_dir=tmp_path) as service:
        await load_sample_catalogue(broker, service)
        yield service


def problem_fields(response) -> set[tuple[str, str]]:
    return {(error["field"], error["code"]) for error in response.json()["errors"]}


async def test_an_order_is_accepted_with_an_order_number_and_again_is_the_same_order(broker, ingest):
    form = samples.orders()[3]  # United States, USD
    created = await ingest.client.post("/intake/orders", json=form)
    again = await ingest.client.post("/intake/orders", json=form)

    assert created.status_code == 201, created.text
    body = created.json()
    assert body["order_id"] == order_id_for("global-app", "GA-US-55120")
    assert re.fullmatch(r"SO-\d{8}-\d{6}", body["order_number"]) and body["status"] == "accepted"
    assert (again.status_code, again.json()) == (200, body)
    async with TopicReader(broker, INTAKE_EVENTS) as events:
        [accepted] = await events.wait_for("oms.intake.v1.OrderAccepted")
        [duplicate] = await events.wait_for("oms.intake.v1.ChannelOrderDuplicateReceived")
    assert (accepted.order_number, accepted.source) == (body["order_number"], intake_pb2.INTAKE_SOURCE_HTTP)
    assert accepted.order.contact.phone == "+14155550134"
    assert accepted.order.lines[0].unit_price.currency_code == "USD"
    assert duplicate.identical and duplicate.order_id == body["order_id"]
    view = (await ingest.client.get(f"/intake/orders/{body['order_id']}")).json()
    assert (view["status"], view["currency"], view["duplicates_received"]) == ("accepted", "USD", 1)
    assert view["contact"]["phone"] == "+14155550134"


async def test_an_order_an_adapter_published_is_the_same_order_over_http(broker, ingest):
    form = samples.orders()[4]  # Germany, EUR
    await publish(broker, CHANNEL_ORDERS, channel_key(form), placed(form))
    order_id = order_id_for(form["channel_account"], form["channel_order_id"])
    stored = await eventually(lambda: ingest.app.channel_order(order_id), what="the order from Kafka")

    response = await ingest.client.post("/intake/orders", json=form)

    assert response.status_code == 200, response.text
    assert response.json()["order_number"] == stored.order_number


async def test_other_content_under_an_accepted_channel_order_is_a_conflict_and_changes_nothing(ingest):
    form = samples.orders()[0]
    await ingest.client.post("/intake/orders", json=form)
    position = ingest.app.position()

    changed = copy.deepcopy(form)
    changed["lines"][0]["quantity"] = 5
    response = await ingest.client.post("/intake/orders", json=changed)

    assert response.status_code == 409
    assert response.json()["type"].endswith("/channel-order-content-differs")
    assert ingest.app.position() == position


async def test_a_malformed_order_is_refused_naming_each_field_and_kept_and_published(broker, ingest):
    form = copy.deepcopy(samples.orders()[0])
    form["channel"] = "fax"
    form["lines"][0]["quantity"] = "two"
    form["lines"][1]["unit_price"]["minor_units"] = 49.5
    form["colour"] = "red"
    body = json.dumps(form, ensure_ascii=False).encode()

    response = await ingest.client.post("/intake/orders", content=body, headers={"content-type": "application/json"})

    assert response.status_code == 422
    problem = response.json()
    assert problem["type"].endswith("/validation-error")
    assert {field for field, _ in problem_fields(response)} == {
        "channel", "lines[0].quantity", "lines[1].unit_price.minor_units", "colour"}
    [kept] = (await ingest.client.get("/intake/rejections")).json()
    assert kept["rejection_id"] == problem["rejection_id"]
    assert (kept["channel_account"], kept["channel_order_id"]) == ("webshop", form["channel_order_id"])
    assert kept["order_id"] == order_id_for("webshop", form["channel_order_id"])
    assert {(r["field"], r["code"]) for r in kept["reasons"]} == {
        ("channel", "INVALID_FORMAT"), ("lines[0].quantity", "INVALID_FORMAT"),
        ("lines[1].unit_price.minor_units", "INVALID_FORMAT"), ("colour", "INVALID_FORMAT")}
    async with TopicReader(broker, INTAKE_EVENTS) as events:
        [rejected] = await events.wait_for("oms.intake.v1.OrderRejected")
    assert (rejected.rejection_id, rejected.original_payload) == (problem["rejection_id"], body)
    assert rejected.channel_order.channel_order_id == form["channel_order_id"]


async def test_a_body_that_is_not_json_is_kept_as_undecodable_and_one_not_sent_as_json_is_not(broker, ingest):
    broken = b'{"channel": "web_shop", "lines": [\xff'
    as_json = {"content-type": "application/json"}
    response = await ingest.client.post("/intake/orders", content=broken, headers=as_json)
    syntax = await ingest.client.post("/intake/orders", content=b'{"channel": ', headers=as_json)
    as_text = {"content-type": "text/plain"}
    plain = await ingest.client.post("/intake/orders", content=b"channel=web_shop", headers=as_text)

    assert (response.status_code, syntax.status_code, plain.status_code) == (400, 400, 415)
    assert response.json()["type"].endswith("/malformed-json") and syntax.json()["type"].endswith("/malformed-json")
    assert "rejection_id" not in plain.json()
    kept = {r["rejection_id"]: r for r in (await ingest.client.get("/intake/rejections")).json()}
    assert set(kept) == {response.json()["rejection_id"], syntax.json()["rejection_id"]}
    assert {r["reasons"][0]["code"] for r in kept.values()} == {"UNDECODABLE_PAYLOAD"}
    detail = (await ingest.client.get(f"/intake/rejections/{response.json()['rejection_id']}")).json()
    assert base64.b64decode(detail["original_payload_base64"]) == broken
    async with TopicReader(broker, INTAKE_EVENTS) as events:
        published = await events.wait_for("oms.intake.v1.OrderRejected", 2)
    assert {m.original_payload for m in published} == {broken, b'{"channel": '}


async def test_an_invalid_order_is_refused_with_every_reason_and_kept_and_published(broker, ingest):
    body = json.dumps(samples.rejected_orders()[0], ensure_ascii=False).encode()

    response = await ingest.client.post("/intake/orders", content=body, headers={"content-type": "application/json"})

    assert response.status_code == 422
    problem = response.json()
    assert problem_fields(response) == {
        ("customer.name", "REQUIRED_FIELD_MISSING"), ("contact.phone", "INVALID_PHONE"),
        ("contact.email", "INVALID_EMAIL"), ("shipping_address.district", "INVALID_ADDRESS"),
        ("shipping_address.postcode", "INVALID_ADDRESS"), ("lines[0].sku", "UNKNOWN_SKU"),
        ("lines[1].quantity", "INVALID_QUANTITY"), ("lines[1].unit_price", "PRICE_MISMATCH"),
        ("lines[1].line_id", "DUPLICATE_LINE_ID"), ("lines[2].sku", "UNKNOWN_SKU"),
        ("lines[2].unit_price", "PRICE_MISMATCH"), ("lines[2].unit_price", "UNSUPPORTED_CURRENCY"),
    }
    rejection_id = problem["rejection_id"]
    async with TopicReader(broker, INTAKE_EVENTS) as events:
        [rejected] = await events.wait_for("oms.intake.v1.OrderRejected")
    assert (rejected.rejection_id, rejected.original_payload) == (rejection_id, body)
    assert rejected.original_content_type == "application/json"
    listed = (await ingest.client.get("/intake/rejections")).json()
    assert [(r["rejection_id"], len(r["reasons"])) for r in listed] == [(rejection_id, 12)]
    detail = (await ingest.client.get(f"/intake/rejections/{rejection_id}")).json()
    assert json.loads(detail["original_payload_text"]) == samples.rejected_orders()[0]


async def test_currency_codes_are_read_case_insensitively_and_an_amount_in_no_currency_is_refused(ingest):
    form = copy.deepcopy(samples.orders()[1])  # Tmall, one line with a discount
    form["lines"][0]["unit_price"]["currency"] = " cny"
    form["lines"][0]["discount"]["currency"] = "¥"
    refused = await ingest.client.post("/intake/orders", json=form)
    form["lines"][0]["discount"]["currency"] = "cny "
    accepted = await ingest.client.post("/intake/orders", json=form)

    assert refused.status_code == 422, refused.text
    assert problem_fields(refused) == {("lines[0].discount", "UNSUPPORTED_CURRENCY")}
    kept = (await ingest.client.get(f"/intake/rejections/{refused.json()['rejection_id']}")).json()
    assert [(r["field"], r["code"]) for r in kept["reasons"]] == [("lines[0].discount", "UNSUPPORTED_CURRENCY")]
    assert accepted.status_code == 201, accepted.text
    view = (await ingest.client.get(f"/intake/orders/{accepted.json()['order_id']}")).json()
    assert [(ln["unit_price"], ln["discount"]) for ln in view["lines"]] == [
        ({"currency": "CNY", "minor_units": 39900}, {"currency": "CNY", "minor_units": 5000})]


async def test_a_corrected_order_is_accepted_after_its_rejection(ingest):
    form = copy.deepcopy(samples.orders()[1])
    form["contact"]["phone"] = "139-1012"
    rejected = await ingest.client.post("/intake/orders", json=form)
    form["contact"]["phone"] = "139-1012-3456"
    accepted = await ingest.client.post("/intake/orders", json=form)

    assert rejected.status_code == 422 and problem_fields(rejected) == {("contact.phone", "INVALID_PHONE")}
    assert accepted.status_code == 201
    assert len((await ingest.client.get("/intake/rejections")).json()) == 1


async def test_updates_over_http_apply_once_and_bad_ones_are_refused(broker, ingest):
    form = samples.orders()[2]
    order_id = (await ingest.client.post("/intake/orders", json=form)).json()["order_id"]
    path = f"/intake/orders/{form['channel_account']}/{form['channel_order_id']}/updates"
    paid = {"update_id": "pay-1", "payment": {"status": "paid", "method": "cash_on_delivery",
                                              "paid_amount": {"currency": "CNY", "minor_units": 56300}}}

    first = await ingest.client.post(path, json=paid)
    again = await ingest.client.post(path, json=paid)
    bad_address = {"update_id": "addr-1", "address_change": {"shipping_address": {
        "country_code": "CN", "province": "广东省", "city": "深圳市", "street_lines": ["科技园"], "postcode": "51800"}}}
    refused = await ingest.client.post(path, json=bad_address)
    position = ingest.app.position()
    refused_again = await ingest.client.post(path, json=bad_address)
    assert ingest.app.position() == position  # the 409 changed nothing
    cancelled = await ingest.client.post(path, json={"update_id": "cancel-1", "cancellation": {"reason": "buyer"}})

    assert first.status_code == 200 and first.json() == {
        "order_id": order_id, "order_number": first.json()["order_number"], "update_id": "pay-1", "status": "applied"}
    assert again.status_code == 200
    assert refused.status_code == 422
    assert problem_fields(refused) == {("address_change.shipping_address.district", "INVALID_ADDRESS"),
                                       ("address_change.shipping_address.postcode", "INVALID_ADDRESS")}
    assert refused_again.status_code == 409
    assert cancelled.status_code == 200
    view = (await ingest.client.get(f"/intake/orders/{order_id}")).json()
    assert view["status"] == "cancelled"
    assert [(u["update_id"], u["kind"]) for u in view["updates"]] == [
        ("pay-1", "payment"), ("cancel-1", "cancellation")]
    assert view["payment"]["status"] == "paid"
    async with TopicReader(broker, INTAKE_EVENTS) as events:
        applied = await events.wait_for("oms.intake.v1.ChannelOrderUpdateApplied", 2)
        [rejected] = await events.wait_for("oms.intake.v1.ChannelOrderUpdateRejected")
    assert [a.update_id for a in applied] == ["pay-1", "cancel-1"]
    assert (rejected.order_id, rejected.update_id) == (order_id, "addr-1")


async def test_an_update_for_an_unknown_order_is_not_found_and_kept(ingest):
    response = await ingest.client.post("/intake/orders/webshop/NEVER/updates",
                                        json={"update_id": "u-1", "cancellation": {"reason": "x"}})

    assert response.status_code == 404
    [kept] = (await ingest.client.get("/intake/rejections")).json()
    assert [r["code"] for r in kept["reasons"]] == ["UNKNOWN_CHANNEL_ORDER"]


async def test_a_malformed_update_names_its_fields_and_is_kept(ingest):
    two_changes = {"update_id": "u-1", "cancellation": {}, "payment": {"status": "settled"}}
    response = await ingest.client.post("/intake/orders/webshop/WS-1/updates", json=two_changes)

    assert response.status_code == 422
    assert {field for field, _ in problem_fields(response)} == {"payment.status"}
    kept = (await ingest.client.get(f"/intake/rejections/{response.json()['rejection_id']}")).json()
    assert (kept["subject"], kept["channel_order_id"], kept["update_id"]) == ("update", "WS-1", "u-1")
    both = await ingest.client.post("/intake/orders/webshop/WS-1/updates",
                                    json={"update_id": "u-1", "cancellation": {}, "payment": {}})
    assert both.status_code == 422 and "one change" in both.json()["errors"][0]["message"]


async def test_reading_orders_and_rejections_checks_its_input(ingest):
    assert (await ingest.client.get("/intake/orders/not-a-uuid")).status_code == 422
    missing = await ingest.client.get(f"/intake/orders/{order_id_for('webshop', 'NOPE')}")
    assert missing.status_code == 404 and missing.json()["resource"] == "order"
    assert (await ingest.client.get("/intake/rejections", params={"limit": 0})).status_code == 422
    assert (await ingest.client.get("/intake/rejections/0b5e1d8c-8a3f-4c61-9d2e-1f0a7b6c5d4e")).status_code == 404

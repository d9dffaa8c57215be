"""Each carrier's webhook event codes, documented from the table the webhook maps with (T1)."""

from __future__ import annotations

import pytest

from services.tracking.domain.carrier_codes import CARRIERS
from tests.services.tracking.api import scan

pytestmark = pytest.mark.kafka

MAPPED = {carrier: {code: checkpoint.name for code, checkpoint in table.codes.items()}
          for carrier, table in CARRIERS.items()}


async def test_the_openapi_document_gives_each_carriers_event_codes(tracking):
    document = (await tracking.client.get("/openapi.json")).json()
    event_code = document["components"]["schemas"]["CarrierEventIn"]["properties"]["event_code"]

    assert event_code["x-event-codes-by-carrier"] == MAPPED
    for carrier, codes in MAPPED.items():
        assert carrier in event_code["description"]
        for code, checkpoint in codes.items():
            assert f"`{code}` → {checkpoint}" in event_code["description"]

    webhook = document["paths"]["/carriers/{carrier_code}/events"]["post"]
    [carrier_code] = [p for p in webhook["parameters"] if p["name"] == "carrier_code"]
    assert carrier_code["schema"]["examples"] == list(CARRIERS)
    assert all(carrier in carrier_code["description"] for carrier in CARRIERS)
    assert "valid_event_codes" in webhook["responses"]["422"]["description"]


async def test_the_carriers_and_their_codes_can_be_read(tracking):
    listed = (await tracking.client.get("/carriers")).json()
    assert {c["carrier_code"]: {e["event_code"]: e["checkpoint"] for e in c["event_codes"]}
            for c in listed["carriers"]} == MAPPED
    assert {"phrase": "已揽收", "checkpoint": "CARRIER_PICKUP", "checkpoint_number": 6} in listed["description_phrases"]

    sf = (await tracking.client.get("/carriers/SF/event-codes")).json()
    assert (sf["carrier_code"], sf["aliases"]) == ("sf-express", ["sf"])
    assert sf["event_codes"][0] == {"event_code": "50", "checkpoint": "CARRIER_PICKUP", "checkpoint_number": 6}

    unknown = await tracking.client.get("/carriers/pigeon-post/event-codes")
    assert unknown.status_code == 404 and unknown.json()["known_carriers"] == list(CARRIERS)


async def test_an_unmappable_code_is_refused_naming_the_carriers_codes(tracking):
    response = await tracking.client.post("/carriers/zto/events", json=scan("ZT1", "DEPARTED", 9, "快件离开"))

    problem = response.json()
    assert response.status_code == 422 and problem["type"].endswith("/unmappable-carrier-event")
    assert (problem["carrier_code"], problem["valid_event_codes"]) == ("zto", list(MAPPED["zto"]))
    assert all(code in problem["detail"] and code in problem["errors"][0]["message"] for code in MAPPED["zto"])


async def test_a_batch_refuses_each_unmappable_code_with_the_codes_of_its_carrier(tracking):
    response = await tracking.client.post("/carriers/sf/events/batch", json={"events": [scan("SF1", "ARRIVED", 9)]})

    [refused] = response.json()["results"]
    assert refused["status"] == 422 and refused["problem"]["valid_event_codes"] == ["50", "30", "44", "80"]


async def test_an_unknown_carrier_is_refused_naming_the_known_ones(tracking):
    response = await tracking.client.post("/carriers/pigeon-post/events", json=scan("PP1", "ARRIVED", 9))

    problem = response.json()
    assert response.status_code == 422 and problem["type"].endswith("/unknown-carrier")
    assert problem["known_carriers"] == list(CARRIERS)
    assert all(carrier in problem["detail"] for carrier in CARRIERS)

"""The catalogue loader against the running service, and its answers when it cannot do its job."""

import asyncio
import json
from pathlib import Path

import uvicorn

from oms_platform.broker import free_port
from services.inventory.entrypoints.load_catalogue import load_catalogue, main, read_catalogue

from .helpers import eventually

SAMPLE = Path(__file__).parents[3] / "services" / "inventory" / "samples" / "catalogue.json"


async def test_the_sample_catalogue_loads_and_loading_it_again_changes_nothing(inventory):
    document = read_catalogue(SAMPLE)
    stocked = sum(1 for p in document["products"] for units in p["opening_stock"].values() if units)

    first = await load_catalogue(inventory.client, document)
    position = inventory.app.position()
    second = await load_catalogue(inventory.client, document)

    assert first.failures == [] and second.failures == []
    assert first.products == {"created": len(document["products"]), "changed": 0, "unchanged": 0}
    assert first.receipts == {"booked": stocked, "already booked": 0}
    assert second.products["unchanged"] == len(document["products"])
    assert second.receipts == {"booked": 0, "already booked": stocked}
    assert inventory.app.position() == position
    vase = (await inventory.client.get("/stock/HOME-PORC-VASE")).json()
    assert (vase["on_hand"], vase["available"]) == (3, 3)
    assert len((await inventory.client.get("/catalogue/products")).json()) == len(document["products"])


async def test_refused_entries_are_reported_and_the_rest_still_loads(inventory):
    document = {"products": [
        {"sku": "TEA", "name": "茶 Tea", "unit_price": {"currency": "CNY", "minor_units": 100}, "category": "food/tea",
         "weight_grams": 100, "opening_stock": {"WH-SH": 5, "WH-MARS": 1}},
        {"sku": "BAD", "name": "", "unit_price": {"currency": "CNY", "minor_units": 1.5}, "category": "x",
         "weight_grams": 1},
    ]}

    summary = await load_catalogue(inventory.client, document)

    assert summary.products["created"] == 1 and summary.receipts["booked"] == 1
    assert len(summary.failures) == 2
    assert "TEA@WH-MARS" in summary.failures[0] and "warehouse_id" in summary.failures[0]
    assert "'BAD'" in summary.failures[1] and "name" in summary.failures[1] and "minor_units" in summary.failures[1]


def test_the_command_fails_clearly_on_a_bad_file(tmp_path, capsys):
    broken = tmp_path / "catalogue.json"
    broken.write_text("{not json", encoding="utf-8")
    shapeless = tmp_path / "list.json"
    shapeless.write_text(json.dumps([1, 2]), encoding="utf-8")

    assert main([str(tmp_path / "missing.json")]) == 2
    assert main([str(broken)]) == 2
    assert main([str(shapeless)]) == 2
    assert "is not JSON" in capsys.readouterr().err


def test_the_command_fails_clearly_when_the_service_is_down(capsys):
    assert main([str(SAMPLE), "--url", f"http://127.0.0.1:{free_port()}"]) == 1
    assert "cannot reach the inventory service" in capsys.readouterr().err


async def test_the_command_loads_over_real_http_and_prints_a_summary(inventory, capsys):
    port = free_port()
    # The service's Kafka work already runs in the fixture: serve only its HTTP here.
    server = uvicorn.Server(uvicorn.Config(inventory.http, host="127.0.0.1", port=port, lifespan="off",
                                           log_config=None, access_log=False))
    serving = asyncio.create_task(server.serve())
    try:
        async def started() -> bool:
            return server.started
        await eventually(started, what="uvicorn to start")

        status = await asyncio.to_thread(main, [str(SAMPLE), "--url", f"http://127.0.0.1:{port}"])
    finally:
        server.should_exit = True
        await serving

    printed = capsys.readouterr().out
    assert status == 0, printed
    assert "products: 27 created, 0 changed, 0 unchanged" in printed
    assert "failures: 0" in printed

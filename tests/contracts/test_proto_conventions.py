"""House rules of the contracts that buf lint does not know: documentation on everything, money
never in floating point, ids as strings, instants as Timestamps, and the fixed shapes the runtime
and the downstream teams rely on (the envelope, the nine checkpoints, the order status header)."""

from __future__ import annotations

from collections.abc import Iterator

from google.protobuf.descriptor_pb2 import (
    DescriptorProto,
    EnumDescriptorProto,
    FieldDescriptorProto,
    FileDescriptorProto,
)

Field = FieldDescriptorProto

# Floating point is allowed where the value is not money and rounding cannot cost anyone.
FLOAT_FIELDS_ALLOWED = {
    "oms.common.v1.GeoPoint.latitude",
    "oms.common.v1.GeoPoint.longitude",
    "oms.inventory.v1.ReplenishmentSuggested.daily_sales_velocity",
    "oms.inventory.v1.ReplenishmentSuggested.days_of_cover",
}

# DescriptorProto paths inside SourceCodeInfo (descriptor.proto field numbers).
FILE_MESSAGES, FILE_ENUMS = 4, 5
MESSAGE_FIELDS, MESSAGE_NESTED, MESSAGE_ENUMS, MESSAGE_ONEOFS = 2, 3, 4, 8
ENUM_VALUES = 2


def walk_messages(file: FileDescriptorProto) -> Iterator[tuple[str, DescriptorProto, tuple[int, ...]]]:
    def walk(prefix: str, messages, path: tuple[int, ...]):
        for index, message in enumerate(messages):
            name = f"{prefix}.{message.name}"
            here = (*path, index)
            yield name, message, here
            yield from walk(name, message.nested_type, (*here, MESSAGE_NESTED))

    yield from walk(file.package, file.message_type, (FILE_MESSAGES,))


def walk_enums(file: FileDescriptorProto) -> Iterator[tuple[str, EnumDescriptorProto, tuple[int, ...]]]:
    for index, enum in enumerate(file.enum_type):
        yield f"{file.package}.{enum.name}", enum, (FILE_ENUMS, index)
    for name, message, path in walk_messages(file):
        for index, enum in enumerate(message.enum_type):
            yield f"{name}.{enum.name}", enum, (*path, MESSAGE_ENUMS, index)


def all_fields(descriptors) -> Iterator[tuple[str, FieldDescriptorProto]]:
    for file in descriptors.values():
        for name, message, _ in walk_messages(file):
            if not message.options.map_entry:
                for field in message.field:
                    yield f"{name}.{field.name}", field


def test_every_message_field_enum_and_value_is_documented(descriptors):
    undocumented = []
    for file in descriptors.values():
        comments = {tuple(loc.path): loc.leading_comments.strip() for loc in file.source_code_info.location}
        for name, message, path in walk_messages(file):
            if message.options.map_entry:
                continue
            if not comments.get(path):
                undocumented.append(f"message {name} ({file.name})")
            for index, field in enumerate(message.field):
                if not comments.get((*path, MESSAGE_FIELDS, index)):
                    undocumented.append(f"field {name}.{field.name} ({file.name})")
            for index, oneof in enumerate(message.oneof_decl):
                if not comments.get((*path, MESSAGE_ONEOFS, index)):
                    undocumented.append(f"oneof {name}.{oneof.name} ({file.name})")
        for name, enum, path in walk_enums(file):
            if not comments.get(path):
                undocumented.append(f"enum {name} ({file.name})")
            for index, value in enumerate(enum.value):
                # The zero value's meaning is fixed by convention ("not set").
                if value.number != 0 and not comments.get((*path, ENUM_VALUES, index)):
                    undocumented.append(f"enum value {value.name} ({file.name})")
    assert not undocumented, "add a comment saying what these mean:\n" + "\n".join(undocumented)


def test_money_is_never_floating_point(descriptors):
    floats = {
        name
        for name, field in all_fields(descriptors)
        if field.type in (Field.TYPE_DOUBLE, Field.TYPE_FLOAT)
    }
    assert floats <= FLOAT_FIELDS_ALLOWED, (
        f"use oms.common.v1.Money (int64 minor units): {floats - FLOAT_FIELDS_ALLOWED}")


def test_money_is_currency_and_int64_minor_units(descriptors):
    money = descriptors["oms/common/v1/money.proto"].message_type[0]
    assert money.name == "Money"
    assert [(f.name, f.number, f.type) for f in money.field] == [
        ("currency_code", 1, Field.TYPE_STRING),
        ("minor_units", 2, Field.TYPE_INT64),
    ]


def test_ids_are_strings(descriptors):
    wrong = [
        name
        for name, field in all_fields(descriptors)
        if (field.name.endswith("_id") or field.name.endswith("_ids")) and field.type != Field.TYPE_STRING
    ]
    assert not wrong, f"ids (UUIDs as text) must be strings: {wrong}"


def test_instants_are_timestamps(descriptors):
    wrong = [
        name
        for name, field in all_fields(descriptors)
        if field.name.endswith("_at") and field.type_name != ".google.protobuf.Timestamp"
    ]
    assert not wrong, f"`*_at` fields must be google.protobuf.Timestamp: {wrong}"


def test_envelope_has_exactly_the_fields_the_runtime_relies_on(descriptors):
    envelope = descriptors["oms/envelope/v1/envelope.proto"]
    assert envelope.package == "oms.envelope.v1"
    (message,) = envelope.message_type
    assert message.name == "Envelope"
    assert [(f.name, f.number, f.type, f.type_name) for f in message.field] == [
        ("event_id", 1, Field.TYPE_STRING, ""),
        ("type", 2, Field.TYPE_STRING, ""),
        ("occurred_at", 3, Field.TYPE_MESSAGE, ".google.protobuf.Timestamp"),
        ("producer", 4, Field.TYPE_STRING, ""),
        ("correlation_id", 5, Field.TYPE_STRING, ""),
        ("causation_id", 6, Field.TYPE_STRING, ""),
        ("aggregate_id", 7, Field.TYPE_STRING, ""),
        ("aggregate_version", 8, Field.TYPE_UINT64, ""),
        ("store_position", 9, Field.TYPE_UINT64, ""),
        ("payload", 10, Field.TYPE_MESSAGE, ".google.protobuf.Any"),
    ]


def test_the_nine_checkpoints_in_timeline_order(descriptors):
    checkpoint = next(e for e in descriptors["oms/tracking/v1/tracking.proto"].enum_type if e.name == "Checkpoint")
    assert [(v.name, v.number) for v in checkpoint.value] == [
        ("CHECKPOINT_UNSPECIFIED", 0),
        ("CHECKPOINT_ORDER_CONFIRMED", 1),
        ("CHECKPOINT_PAYMENT_COMPLETED", 2),
        ("CHECKPOINT_REVIEW_PASSED", 3),
        ("CHECKPOINT_PICKING_STARTED", 4),
        ("CHECKPOINT_OUTBOUND_SCAN", 5),
        ("CHECKPOINT_CARRIER_PICKUP", 6),
        ("CHECKPOINT_TRANSIT_ARRIVAL", 7),
        ("CHECKPOINT_OUT_FOR_DELIVERY", 8),
        ("CHECKPOINT_DELIVERED", 9),
    ]


def test_order_status_covers_every_state_of_the_o1_state_machine(descriptors):
    status = next(e for e in descriptors["oms/order/v1/order.proto"].enum_type if e.name == "OrderStatus")
    states = {v.name.removeprefix("ORDER_STATUS_") for v in status.value}
    assert states == {
        "UNSPECIFIED", "RECEIVED", "AWAITING_PAYMENT", "PAID", "UNDER_REVIEW", "ON_HOLD", "APPROVED",
        "ALLOCATED", "IN_FULFILMENT", "PARTLY_SHIPPED", "SHIPPED", "DELIVERED", "COMPLETED",
        "CANCELLED", "RETURNED", "REFUNDED",
    }


def test_every_order_event_starts_with_order_id_and_status(descriptors):
    # Lets the projection follow the state machine from any order event without knowing it.
    files = [f for name, f in descriptors.items()
             if name.startswith("oms/order/v1/") and name.endswith("_events.proto")]
    assert files
    for file in files:
        for message in file.message_type:
            head = [(f.name, f.number, f.type_name) for f in message.field[:2]]
            assert head == [("order_id", 1, ""), ("status", 2, ".oms.order.v1.OrderStatus")], message.name


def test_order_lines_carry_prices_as_money(descriptors):
    line = descriptors["oms/common/v1/order_line.proto"].message_type[0]
    fields = {f.name: f for f in line.field}
    for name in ("line_id", "sku", "name"):
        assert fields[name].type == Field.TYPE_STRING
    for name in ("unit_price", "discount", "tax"):
        assert fields[name].type_name == ".oms.common.v1.Money", name


def test_channel_enum_covers_the_intake_channels_of_i1(descriptors):
    channel = next(e for e in descriptors["oms/common/v1/channel.proto"].enum_type if e.name == "Channel")
    values = {v.name.removeprefix("CHANNEL_") for v in channel.value}
    assert {
        "MARKETPLACE", "WEB_SHOP", "MOBILE_APP", "PHYSICAL_STORE", "DISTRIBUTOR", "SOCIAL",
        "STAFF_PHONE", "STAFF_EMAIL", "BATCH_FILE", "EDI",
    } <= values

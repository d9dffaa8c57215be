"""Every validation rule of a channel order and of an update (I2), each good and bad."""

from dataclasses import replace

import pytest

from oms_kernel.money import Money
from services.ingest.domain.reported_order import (
    AddressChange,
    Cancellation,
    ChannelOrderRef,
    ChannelOrderUpdate,
    Contact,
    Customer,
    Payment,
    ReportedTotals,
)
from services.ingest.domain.validation import UnreadableAmount, validate_order, validate_update

from .domain_examples import CATALOGUE, line, order, shanghai_address


def reasons_of(reported, unreadable=()):
    return {(reason.field_path, reason.code) for reason in validate_order(reported, CATALOGUE, unreadable).reasons}


def test_a_complete_order_is_valid_and_comes_back_normalised():
    validation = validate_order(order(), CATALOGUE)

    assert validation.reasons == ()
    normalised = validation.order
    assert normalised.contact == Contact("王小明", "+8613800138000", "xiaoming@example.cn")
    assert normalised.shipping_address.phone == "+8613800138000"
    assert [(ln.line_id, ln.name) for ln in normalised.lines] == [("1", "Longjing tea 250 g"), ("2", "Ceramic mug")]


def test_every_reason_is_reported_not_only_the_first():
    bad = order(
        customer=Customer(), contact=Contact(phone="123"),
        lines=(line("1", "NOPE"), line("1", quantity=0)),
    )
    assert reasons_of(bad) == {
        ("customer.name", "REQUIRED_FIELD_MISSING"), ("contact.phone", "INVALID_PHONE"),
        ("lines[0].sku", "UNKNOWN_SKU"), ("lines[1].quantity", "INVALID_QUANTITY"),
        ("lines[1].line_id", "DUPLICATE_LINE_ID"),
    }


# -- identity of the channel order ---------------------------------------------------------------

@pytest.mark.parametrize(("ref", "expected"), [
    (ChannelOrderRef("", "webshop", "WS-1"), {("channel", "REQUIRED_FIELD_MISSING")}),
    (ChannelOrderRef("web_shop", "", "WS-1"), {("channel_account", "REQUIRED_FIELD_MISSING")}),
    (ChannelOrderRef("web_shop", "web shop:1", "WS-1"), {("channel_account", "VALUE_REFUSED")}),
    (ChannelOrderRef("web_shop", "webshop", " "), {("channel_order_id", "REQUIRED_FIELD_MISSING")}),
    (ChannelOrderRef("web_shop", "webshop", "x" * 129), {("channel_order_id", "VALUE_REFUSED")}),
    (ChannelOrderRef("web_shop", "webshop", "WS\n1"), {("channel_order_id", "VALUE_REFUSED")}),
])
def test_the_channel_order_must_be_identifiable(ref, expected):
    assert reasons_of(order(ref=ref)) == expected


# -- customer and contact ------------------------------------------------------------------------

def test_the_customer_name_may_come_from_the_contact():
    validation = validate_order(order(customer=Customer(), contact=Contact("李娜", "13910123456")), CATALOGUE)
    assert validation.reasons == ()
    assert validation.order.customer.name == "李娜"


def test_a_customer_name_is_required():
    assert reasons_of(order(customer=Customer(name=" "), contact=Contact(phone="13800138000"))) == {
        ("customer.name", "REQUIRED_FIELD_MISSING")}


def test_a_name_with_control_characters_is_refused():
    assert reasons_of(order(customer=Customer(name="Bob\x00"))) == {("customer.name", "VALUE_REFUSED")}


@pytest.mark.parametrize("contact", [
    Contact(name="王小明", phone="13800138000"),
    Contact(name="王小明", email="buyer@example.com"),
])
def test_a_phone_or_an_email_is_enough(contact):
    assert reasons_of(order(contact=contact)) == set()


def test_the_recipients_phone_is_enough_when_the_contact_has_none():
    assert reasons_of(order(contact=Contact(name="王小明"))) == set()


def test_some_way_to_reach_the_customer_is_required():
    assert reasons_of(order(contact=Contact(name="王小明"), shipping_address=shanghai_address(phone=""))) == {
        ("contact", "REQUIRED_FIELD_MISSING")}


def test_bad_phones_and_emails_are_named():
    bad = order(contact=Contact("王小明", "12345", "nobody@"), shipping_address=shanghai_address(phone="+861012345678"))
    assert reasons_of(bad) == {
        ("contact.phone", "INVALID_PHONE"), ("contact.email", "INVALID_EMAIL"),
        ("shipping_address.phone", "INVALID_PHONE"),
    }


# -- addresses -------------------------------------------------------------------------------------

def test_a_delivery_address_is_required():
    assert reasons_of(order(shipping_address=None)) == {("shipping_address", "INVALID_ADDRESS")}


@pytest.mark.parametrize(("changes", "field"), [
    ({"country_code": ""}, "country_code"),
    ({"country_code": "CHN"}, "country_code"),
    ({"province": ""}, "province"),
    ({"city": " "}, "city"),
    ({"district": ""}, "district"),
    ({"street_lines": ("  ",)}, "street_lines"),
    ({"postcode": "20012"}, "postcode"),
    ({"postcode": "2001200"}, "postcode"),
])
def test_an_incomplete_chinese_address_is_refused(changes, field):
    assert reasons_of(order(shipping_address=shanghai_address(**changes))) == {
        (f"shipping_address.{field}", "INVALID_ADDRESS")}


def test_a_chinese_postcode_is_optional():
    assert reasons_of(order(shipping_address=shanghai_address(postcode=""))) == set()


def test_address_parts_are_trimmed_and_the_recipient_defaults_to_the_customer():
    address = shanghai_address(recipient_name="", country_code=" cn ", city=" 上海市 ", street_lines=(" 世纪大道 ", ""))
    normalised = validate_order(order(shipping_address=address), CATALOGUE).order.shipping_address
    assert (normalised.recipient_name, normalised.country_code, normalised.city, normalised.street_lines) == (
        "王小明", "CN", "上海市", ("世纪大道",))


def us_address(**changes):
    return shanghai_address(country_code="US", province="CA", city="San Francisco", district="",
                            street_lines=("500 Howard Street",), postcode="94105", phone="+1 415 555 0134", **changes)


def test_outside_china_the_district_is_optional_but_the_state_is_not():
    assert reasons_of(order(shipping_address=us_address())) == set()
    assert reasons_of(order(shipping_address=replace(us_address(), province=""))) == {
        ("shipping_address.province", "INVALID_ADDRESS")}


@pytest.mark.parametrize("country", ["DE", "SG", "HK"])
def test_countries_without_provinces_need_none(country):
    address = replace(us_address(), country_code=country, province="", postcode="")
    assert reasons_of(order(shipping_address=address)) == set()


def test_a_foreign_postcode_must_look_like_one():
    assert reasons_of(order(shipping_address=replace(us_address(), postcode="94105!!"))) == {
        ("shipping_address.postcode", "INVALID_ADDRESS")}


def test_a_billing_address_when_given_is_checked_like_the_delivery_address():
    assert reasons_of(order(billing_address=shanghai_address(city=""))) == {("billing_address.city", "INVALID_ADDRESS")}


# -- lines, SKUs, quantities, prices -------------------------------------------------------------------

def test_an_order_needs_lines():
    assert reasons_of(order(lines=())) == {("lines", "NO_LINES")}


@pytest.mark.parametrize(("sku", "expected"), [
    ("TEA-250", set()),
    ("NOT-LISTED", {("lines[0].sku", "UNKNOWN_SKU")}),
    ("KETTLE-1L", {("lines[0].sku", "UNKNOWN_SKU")}),  # withdrawn from sale
    ("", {("lines[0].sku", "REQUIRED_FIELD_MISSING")}),
])
def test_skus_must_be_listed_and_active(sku, expected):
    price = CATALOGUE[sku].unit_price if sku in CATALOGUE else Money("CNY", 100)
    assert reasons_of(order(lines=(line("1", sku, price=price),))) == expected


@pytest.mark.parametrize(("quantity", "valid"), [(1, True), (9999, True), (0, False), (-1, False), (10000, False)])
def test_quantities_are_between_1_and_9999(quantity, valid):
    expected = set() if valid else {("lines[0].quantity", "INVALID_QUANTITY")}
    assert reasons_of(order(lines=(line(quantity=quantity),), payment=None)) == expected


@pytest.mark.parametrize(("price", "expected"), [
    (Money("CNY", 12900), set()),
    (Money("CNY", 12800), {("lines[0].unit_price", "PRICE_MISMATCH")}),
    (None, {("lines[0].unit_price", "REQUIRED_FIELD_MISSING")}),
])
def test_unit_prices_equal_the_catalogue_price(price, expected):
    assert reasons_of(order(lines=(line(price=price),), payment=None)) == expected


def test_a_price_in_another_currency_than_the_listing_is_a_mismatch():
    assert reasons_of(order(lines=(line(price=Money("USD", 12900)),), payment=None)) == {
        ("lines[0].unit_price", "PRICE_MISMATCH")}


def test_lines_without_ids_are_numbered_in_order():
    lines = (line(""), line("", "MUG-350", price=Money("CNY", 4900)))
    assert [ln.line_id for ln in validate_order(order(lines=lines), CATALOGUE).order.lines] == ["1", "2"]


def test_line_ids_are_unique():
    lines = (line("A"), line("A", "MUG-350", price=Money("CNY", 4900)))
    assert reasons_of(order(lines=lines)) == {("lines[1].line_id", "DUPLICATE_LINE_ID")}


# -- currencies --------------------------------------------------------------------------------------

def test_an_order_priced_in_a_supported_foreign_currency_is_valid():
    usd = order(lines=(line(sku="GL-SAMPLER", price=Money("USD", 2999)),), shipping_address=us_address(),
                payment=Payment("paid", "online", Money("USD", 2999)))
    assert reasons_of(usd) == set()


def test_unsupported_currencies_are_refused_wherever_they_appear():
    bad = order(payment=Payment("paid", "online", Money("BTC", 1)),
                reported_totals=ReportedTotals(grand_total=Money("XYZ", 22700)))
    assert reasons_of(bad) == {("payment.paid_amount", "UNSUPPORTED_CURRENCY"),
                               ("reported_totals.grand_total", "UNSUPPORTED_CURRENCY")}


# An amount whose currency is no ISO 4217 code is no Money: the edge reads it as no amount and
# hands it over as unreadable, to be refused with every other reason, where it was.

def test_an_unreadable_amount_is_refused_as_an_unsupported_currency_where_it_was():
    bad = order(reported_totals=ReportedTotals(), payment=Payment("paid", "online", None))
    unreadable = (UnreadableAmount("reported_totals.grand_total", "", 22700),
                  UnreadableAmount("payment.paid_amount", "US$", -1))

    validation = validate_order(bad, CATALOGUE, unreadable)

    assert {(r.field_path, r.code) for r in validation.reasons} == {
        ("reported_totals.grand_total", "UNSUPPORTED_CURRENCY"), ("payment.paid_amount", "UNSUPPORTED_CURRENCY"),
        ("payment.paid_amount", "INVALID_FORMAT")}  # negative, as for any amount
    assert "'US$' is not one of CNY" in validation.reasons[1].message


def test_an_unreadable_unit_price_is_not_missing_but_differs_from_the_catalogue():
    lines = (line(price=None), line("2", "NOT-LISTED", price=None))
    unreadable = (UnreadableAmount("lines[0].unit_price", "¥", 12900), UnreadableAmount("lines[1].unit_price", "", 1))
    assert reasons_of(order(lines=lines, payment=None), unreadable) == {
        ("lines[0].unit_price", "PRICE_MISMATCH"), ("lines[0].unit_price", "UNSUPPORTED_CURRENCY"),
        ("lines[1].sku", "UNKNOWN_SKU"), ("lines[1].unit_price", "UNSUPPORTED_CURRENCY")}


def test_an_unreadable_amount_is_refused_even_where_the_order_has_no_such_amount():
    assert reasons_of(order(), (UnreadableAmount("reported_totals.tax_total", "", 5),)) == {
        ("reported_totals.tax_total", "UNSUPPORTED_CURRENCY")}


def test_one_order_uses_one_currency():
    mixed = order(lines=(line(), line("2", "MUG-350", price=Money("CNY", 4900), discount=Money("USD", 100))),
                  reported_totals=ReportedTotals(shipping_fee=Money("EUR", 500)))
    assert reasons_of(mixed) == {("lines[1].discount", "CURRENCY_MISMATCH"),
                                 ("reported_totals.shipping_fee", "CURRENCY_MISMATCH")}


def test_amounts_may_not_be_negative():
    assert reasons_of(order(lines=(line(discount=Money("CNY", -100)),), payment=None)) == {
        ("lines[0].discount", "INVALID_FORMAT")}


def test_overlong_notes_are_refused():
    assert reasons_of(order(buyer_note="x" * 2001)) == {("buyer_note", "VALUE_REFUSED")}


# -- updates -----------------------------------------------------------------------------------------

def update_reasons(update, currency="CNY", unreadable=()):
    return {(reason.field_path, reason.code) for reason in validate_update(update, currency, unreadable).reasons}


def test_a_payment_in_the_orders_currency_is_a_valid_update():
    assert update_reasons(ChannelOrderUpdate("u1", Payment("paid", "online", Money("CNY", 22700)))) == set()


def test_a_payment_in_another_currency_is_refused():
    assert update_reasons(ChannelOrderUpdate("u1", Payment("paid", "online", Money("USD", 100)))) == {
        ("payment.paid_amount", "CURRENCY_MISMATCH")}


def test_a_payment_of_an_unreadable_amount_is_refused():
    paid = ChannelOrderUpdate("u1", Payment("paid", "online", None))
    assert update_reasons(paid, unreadable=(UnreadableAmount("payment.paid_amount", "RMB¥", 100),)) == {
        ("payment.paid_amount", "UNSUPPORTED_CURRENCY")}


def test_a_cancellation_is_a_valid_update():
    assert update_reasons(ChannelOrderUpdate("u1", Cancellation("buyer changed mind", True))) == set()


def test_an_address_change_is_validated_and_normalised_like_intake():
    change = AddressChange(shanghai_address(phone="139 1012 3456"), Contact("王小明", "139-1012-3456"))
    validation = validate_update(ChannelOrderUpdate("u1", change), "CNY")
    assert validation.reasons == ()
    assert validation.update.change.shipping_address.phone == "+8613910123456"
    assert validation.update.change.contact.phone == "+8613910123456"


def test_an_invalid_address_change_names_each_field():
    change = AddressChange(shanghai_address(district="", postcode="abc"), Contact(email="nope"))
    assert update_reasons(ChannelOrderUpdate("u1", change)) == {
        ("address_change.shipping_address.district", "INVALID_ADDRESS"),
        ("address_change.shipping_address.postcode", "INVALID_ADDRESS"),
        ("address_change.contact.email", "INVALID_EMAIL"),
    }


def test_an_update_needs_an_id_and_a_change():
    assert update_reasons(ChannelOrderUpdate(" ", None)) == {
        ("update_id", "REQUIRED_FIELD_MISSING"), ("", "REQUIRED_FIELD_MISSING")}

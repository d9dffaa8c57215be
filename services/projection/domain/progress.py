"""How far an order and its shipments got, in the order the seeds describe."""

from __future__ import annotations

# T2: the nine checkpoints of an order's timeline, in the order a customer lives them.
CHECKPOINTS: tuple[tuple[str, str], ...] = (
    ("order_confirmed", "Order confirmed"),
    ("payment_completed", "Payment completed"),
    ("review_passed", "Review passed"),
    ("picking_started", "Picking started"),
    ("outbound_scan", "Outbound scan"),
    ("carrier_pickup", "Carrier pickup"),
    ("transit_arrival", "Transit arrival"),
    ("out_for_delivery", "Out for delivery"),
    ("delivered", "Delivered"),
)
_CHECKPOINT_RANK = {code: rank for rank, (code, _label) in enumerate(CHECKPOINTS, start=1)}
_CHECKPOINT_LABEL = dict(CHECKPOINTS)

# A shipment only moves forward; messages from fulfillment and tracking may arrive in any order
# (different topics), so a later stage never gives way to an earlier one that arrives late.
# Ranks are stored with each row; a stage inserted later ("picking") only raises the ranks after
# it, so a stored rank is never above the new rank of its stage and rows need no migration.
SHIPMENT_STAGES = ("created", "pick_list_issued", "picking", "picked", "packed", "dispatched", "delivered", "cancelled")
_SHIPMENT_RANK = {stage: rank for rank, stage in enumerate(SHIPMENT_STAGES, start=1)}


def checkpoint_rank(code: str) -> int:
    """1..9 for the T2 checkpoints, 0 for anything else."""
    return _CHECKPOINT_RANK.get(code, 0)


def checkpoint_label(code: str) -> str:
    return _CHECKPOINT_LABEL.get(code, code.replace("_", " ").capitalize())


def shipment_rank(stage: str) -> int:
    return _SHIPMENT_RANK[stage]

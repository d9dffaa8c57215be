"""How a rebuild splits the topics' partitions between its worker processes."""

from __future__ import annotations

from aiokafka import TopicPartition

from services.projection.entrypoints.rebuild import _shares


def test_partitions_are_split_into_shares_of_like_size_each_partition_once():
    sizes = {TopicPartition("oms.order.events.v1", p): size for p, size in enumerate([900, 500, 400, 300, 0])}
    starts = dict.fromkeys(sizes, 10)
    ends = {tp: 10 + size for tp, size in sizes.items()}

    shares = _shares(starts, ends, 2)

    assert sorted(tp for share in shares for tp in share) == sorted(ends)
    assert all(share[tp] == ends[tp] for share in shares for tp in share)
    # greedy: largest first, to the lighter share
    assert sorted(sum(sizes[tp] for tp in share) for share in shares) == [900, 1200]


def test_partition_p_of_every_topic_goes_to_the_same_share():
    ends = {TopicPartition(topic, p): 100 for topic in ("oms.order.events.v1", "oms.tracking.events.v1")
            for p in range(6)}
    shares = _shares(dict.fromkeys(ends, 0), ends, 2)
    assert len(shares) == 2
    for share in shares:
        numbers = {tp.partition for tp in share}
        assert all(TopicPartition(topic, p) in share for p in numbers
                   for topic in ("oms.order.events.v1", "oms.tracking.events.v1"))


def test_never_more_shares_than_partitions_and_never_an_empty_one():
    ends = {TopicPartition("oms.order.events.v1", 0): 5}
    assert _shares(dict.fromkeys(ends, 0), ends, 4) == [ends]
    assert _shares({}, {}, 2) == []

"""Kafka side of the runtime: envelopes, the outbox relay, the tracked consumer, dead letters."""

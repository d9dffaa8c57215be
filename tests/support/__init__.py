"""Test infrastructure: a real Kafka-protocol broker, a real PostgreSQL, store backends, processes.

The fixtures in `tests/conftest.py` are thin; what they start and how they fall back lives here.
"""

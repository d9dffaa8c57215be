"""The shared kernel: value types every service's domain uses, with no infrastructure behind them.

Domain code may import from here and nowhere else outside its own service (no oms_platform,
protobuf, Kafka or HTTP); a test holds every domain package to that.
"""

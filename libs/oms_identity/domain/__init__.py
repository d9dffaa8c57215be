"""Users, machine clients and sign-in sessions; imports nothing from oms_platform, protobuf,
Kafka or HTTP."""

"""The inventory domain: aggregates and rules, free of Kafka, HTTP and storage."""

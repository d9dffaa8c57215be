"""How the order service is reached: HTTP routes, and the Kafka entrypoint of the messages it consumes."""

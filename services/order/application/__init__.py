"""The order use cases: commands on the store and handlers of incoming messages."""

"""The shared runtime every OMS service is built on.

One mechanism, used the same way by all seven services: settings from the environment, an
event-sourced store, a relay that publishes the store to Kafka, a consumer that records the
upstream position with the events it writes, dead-letter publishing and the HTTP shell.
"""

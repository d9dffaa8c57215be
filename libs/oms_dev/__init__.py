"""Development and test tooling: the embedded broker and the dev stack (`make run`). Not part of
the product: its dependencies are in requirements-dev.lock, never in a service image."""

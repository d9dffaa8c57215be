"""The seven OMS services; each is its own process with its own store."""

"""Demo traffic for a newcomer: channel adapters, warehouse operators and a carrier, simulated.

None of it is part of the product; it drives the product through the same public interfaces a real
channel adapter, warehouse terminal or carrier would use.
"""

from oms_platform.store import ServiceApplication


class LedgerApplication(ServiceApplication):
    """The ledger service's event-sourced store and its commands."""

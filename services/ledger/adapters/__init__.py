"""Translation between the ledger domain and the published contracts."""

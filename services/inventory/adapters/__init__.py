"""Translation between the inventory domain and the published contracts."""

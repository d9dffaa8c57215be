"""Translation between the fulfillment domain and the published contracts."""

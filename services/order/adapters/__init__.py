"""Translation between the order domain and the published contracts."""

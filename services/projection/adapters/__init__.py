"""Translation between the projection domain and the published contracts."""

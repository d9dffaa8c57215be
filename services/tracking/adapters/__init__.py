"""Translation between the tracking domain and the published contracts."""

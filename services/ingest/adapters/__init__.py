"""Translation between the ingest domain and the published contracts."""

"""How the ingest service is reached: HTTP routes and command-line tools."""

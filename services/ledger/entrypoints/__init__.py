"""How the ledger service is reached: HTTP routes and command-line tools."""

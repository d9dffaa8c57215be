"""How the inventory service is reached: HTTP routes and command-line tools."""

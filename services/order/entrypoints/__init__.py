"""How the order service is reached: HTTP routes and command-line tools."""

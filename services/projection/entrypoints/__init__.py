"""How the projection service is reached: HTTP routes and command-line tools."""

"""How the tracking service is reached: HTTP routes and command-line tools."""

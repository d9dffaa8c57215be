"""How the fulfillment service is reached: HTTP routes and command-line tools."""

"""The read side: what the query API and the dashboard ask of the views."""

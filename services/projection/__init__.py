"""The projection service."""

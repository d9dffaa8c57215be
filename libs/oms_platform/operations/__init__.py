"""Operator work on the running system: dead letters, offsets, lag, republishing, status.

The functions here are what `omsctl` calls; they talk to Kafka, the stores and the services'
HTTP endpoints, and return plain data for the command line to print.
"""

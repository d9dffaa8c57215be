"""Generated from contracts/proto by contracts/tools/generate.py. Do not edit."""

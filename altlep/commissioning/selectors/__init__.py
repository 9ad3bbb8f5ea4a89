"""Reads for commissioning pages, split by subject."""

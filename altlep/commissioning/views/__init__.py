"""Commissioning pages, split by subject."""

"""Resilience principles and the scorecard: pure arithmetic (arithmetic.py), the computed
indicators' registry (registry.py, computed.py), services, selectors, views."""

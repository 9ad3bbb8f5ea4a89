"""Impact reports of organisations and networks: pure aggregation (aggregate.py), services,
selectors and views (web, PDF, CSV, JSON)."""

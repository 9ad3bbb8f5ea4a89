"""Sector evidence: definitions by SIC 2007, official counts from Nomis, and sizing in an area."""

"""Governance reads: eligibility and composition checks, flags, registers, feeds and pages."""

"""Counting rules: greedy utilitarian, Method of Equal Shares, sequential Phragmén."""

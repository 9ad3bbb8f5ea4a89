"""Follows, email digests of what changed in what a member follows, and their last visit."""

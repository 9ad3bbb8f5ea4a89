"""Every write in commissioning, split by subject: rounds, ideas, pledges, ballots, results,
pabulib import/export, delivery."""

"""ENGINE, no Django: UK postcodes located with the ONS Postcode Directory."""

"""Everything the pages ask for: data access, filters, reshaping, figures, shared state."""

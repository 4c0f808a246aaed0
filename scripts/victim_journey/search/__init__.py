"""Search: the words people use, how search is tuned, and the search index."""

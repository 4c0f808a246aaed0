"""Checks on content that span files: references, the route, review dates, plain English."""

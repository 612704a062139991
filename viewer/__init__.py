"""Earnings Call Viewer: bilingual earnings-call transcripts, read well."""

__version__ = "0.1.0"

"""Installed as the package ``viewer._resources`` (see setup.py); data files only, no code."""

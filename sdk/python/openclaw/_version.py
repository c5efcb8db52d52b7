"""The SDK's version: the gateway release it was built with."""
__version__ = "2026.11.0"

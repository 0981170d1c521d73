"""thidua: Vietnamese emulation-meeting articles -> structured, grounded records."""
__version__ = "0.1.0"

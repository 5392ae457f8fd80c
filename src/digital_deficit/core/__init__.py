"""Pure metric functions: no I/O, no xlwings, no pandas."""

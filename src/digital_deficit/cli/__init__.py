"""The command line: `digital-deficit metrics | brief | fetch | import`."""

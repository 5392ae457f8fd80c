"""Dataset model, embedded figures, dataset files, importers and the BoJ client."""

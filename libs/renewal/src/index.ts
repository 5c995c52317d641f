// The renewal library's public surface.

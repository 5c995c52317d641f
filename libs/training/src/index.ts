// The training library's public surface.

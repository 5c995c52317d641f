// The assessment library's public surface.

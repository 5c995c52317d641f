// The reporting library's public surface.

// The supervision library's public surface.

# protocol: viewer

operations-nav = Operations

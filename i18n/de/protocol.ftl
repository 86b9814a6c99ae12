protocol-nav = Protokolle

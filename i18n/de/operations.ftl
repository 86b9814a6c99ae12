operations-nav = Betrieb

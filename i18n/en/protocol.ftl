protocol-nav = Logs

# protocol: retention

# protocol: alerts

# protocol: programme_end

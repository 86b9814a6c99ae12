# Home feature: start page. English.
home-nav = Start page
home-title = Start page
home-welcome = Welcome, { $name }.
home-tiles-heading = Current notices
home-no-tiles = There are no notices for you at the moment.

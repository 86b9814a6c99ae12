# Home feature: start page. English.
home-nav = Start page
home-title = Start page
home-welcome = Welcome, { $name }.
home-tiles-heading = Current notices
home-no-tiles = There are no notices for you at the moment.
home-search-title = Search
home-search-too-short = Please enter at least two characters in the search box.
home-search-summary = { $count ->
    [0] No hits for “{ $q }” in the data you may see.
    [one] 1 hit for “{ $q }”.
   *[other] { $count } hits for “{ $q }”.
}
home-search-show-all = { $count ->
    [one] Show the hit in the list
   *[other] Show all { $count } hits in the list
}

## Key figures (programme targets within the user's scope)
home-figures-heading = Key figures
home-figures-intro = Progress towards the project targets within your remit, including deleted records in anonymous form – the same figures as in the statistics.
home-figure-of-target = { $value } of { $target }
home-figure-percent = { $percent } %

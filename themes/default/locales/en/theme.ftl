# Default theme – English interface strings.

## Navigation

nav-home = Home
nav-investment = Investment
nav-tourism = Tourism
nav-culture = Culture
nav-news = News
skip-to-content = Skip to content
language-switcher = Languages

## Article metadata

published = Published
updated = Updated
tags = Tags
all-tags = All tags
tag-title = Tag: { $name }
read-more = Read more
toc = Contents
reading-time = { $minutes ->
    [one] { $minutes } minute read
   *[other] { $minutes } minutes read
}
articles-count = { $count ->
    [one] { $count } article
   *[other] { $count } articles
}
untranslated-notice = This article is not yet available in { $language }; it is shown in its original language, { $source }.

## Pagination

previous-page = Previous page
next-page = Next page
page-of = Page { $current } of { $total }

## Errors and redirects

not-found-title = Page not found
not-found-text = Sorry, the page you are looking for does not exist or has been moved.
back-home = Back to the home page
redirect-notice = This page has moved. If you are not redirected, follow this link.

## Feeds

feed-title = { $site } – latest news
footer-feeds = News feeds

## Investment projects

project-sector = Sector
project-location = Location
project-area = Area
project-capital = Investment capital
project-status = Status
project-contact = Contact
status-open = Open for investment
status-licensed = Licensed
status-operating = Operating
sector-industry = Industry
sector-agriculture = Agriculture
sector-energy = Energy
sector-logistics = Logistics
sector-tourism = Tourism
sector-urban = Urban development
sector-services = Services

## Places and events

place-map = Open in OpenStreetMap
place-opening-hours = Opening hours
place-address = Address
event-dates = Dates
event-venue = Venue
upcoming-events = Upcoming events
latest-news = Latest news

## Search

search-label = Search
search-placeholder = Search the portal…
search-no-results = No results found.
search-more = More results

## Layout and home page

nav-main = Main menu
menu = Menu
breadcrumb = You are here
hero-cta-invest = Investment opportunities
hero-cta-visit = Plan your visit
featured-projects = Featured investment opportunities
destinations = Destinations
cultural-stories = Cultural stories
see-all = See all
more-in-section = More in { $section }
no-articles = No articles yet.
no-events = No upcoming events at the moment.
events-calendar = Add to your calendar (.ics)
open-data = Open data
project-filters = Filter projects
print-source = Source
not-found-search = Or search the portal:
not-found-explore = Explore the portal

## Screens: beside the QR code of a slide.
screen-scan = Scan to read on

## Open data page (/data/): the datasets' own titles and descriptions
## come from mekong (the same words as data/catalog.jsonld).
data-reuse = Free to download and reuse. The files are updated every time the portal is published.
data-license = Licence
data-rows = { $count ->
    [one] { $count } row
   *[other] { $count } rows
}
data-empty = No entries yet: the files are published with their columns and no rows.
data-file = File
data-format = Format
data-size = Size
data-kb = { $size } kB
data-catalogs = Catalogues for harvesters
data-catalogs-text = A DCAT-AP catalogue of these datasets (JSON-LD), for the national database's harvester, and CSV on the Web metadata describing the columns of every CSV file.

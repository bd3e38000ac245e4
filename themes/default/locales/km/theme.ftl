nav-home = Home
nav-investment = Investment
nav-tourism = Tourism
nav-culture = Culture
nav-news = News
skip-to-content = Skip to content
language-switcher = Languages
published = Published
updated = Updated
tags = Tags
all-tags = All tags
tag-title = Tag: { $name }
read-more = Read more
toc = Contents
previous-page = Previous page
next-page = Next page
page-of = Page { $current } of { $total }
reading-time = { $minutes ->
    [one] { $minutes } minute read
   *[other] { $minutes } minutes read
}
articles-count = { $count ->
    [one] { $count } article
   *[other] { $count } articles
}
untranslated-notice = This article is not yet available in { $language }; it is shown in its original language, { $source }.
not-found-title = Page not found
not-found-text = The page you are looking for does not exist or has moved.
back-home = Back to the home page
feed-title = { $site } – latest news
redirect-notice = This page has moved. If you are not redirected, follow this link.
site-description = Investment, tourism and culture
footer-address = Provincial portal
footer-contact = Contact
footer-feeds = News feed (Atom)
site-slogan = Welcome

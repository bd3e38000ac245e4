# Links and images in an article's text, and `#anchor`s.
link_backslash = the path has a backslash `\`: write / instead of \ (web addresses use /)
link_with-backslash = link `{ $dest }`: { $why }
link_write = write `{ $dest }`
link_leaves-content = broken internal link `{ $dest }`: the path leaves the content folder
link_leaves-content_hint = name the article's file under content/, like `@/tourism/nui-ba-ra.md`
link_nothing-published = broken link `{ $dest }`: the site publishes nothing at `{ $path }`
link_nothing-published_did-you-mean = did you mean `{ $path }`? A link starting with / names a page or file of this site
link_nothing-published_hint = a link starting with / names a page or file of this site; link articles by their file, like `@/tourism/nui-ba-ra.md`
link_relative-nothing-published = broken link `{ $dest }`: from this page's address `{ $page }` it leads to `{ $path }`, where the site publishes nothing
link_relative-nothing-published_did-you-mean = did you mean `{ $path }`? A relative link starts from the page's address, not from its file; a link starting with / names a page or file of the whole site
link_relative-nothing-published_hint = a relative link starts from the page's address, not from its file; a link starting with / names a page or file of the whole site, and `@/tourism/nui-ba-ra.md` an article by its file
link_relative-nothing-published_from-file = a relative link starts from the page's address, not from its file: to name what is at that place in content/, write `{ $path }`
link_no-article = broken internal link `{ $dest }`: there is no such article
link_no-article_did-you-mean = did you mean `@/{ $path }`? Internal links name the article's file under content/
link_no-article_hint = internal links name the article's file under content/, like `@/tourism/nui-ba-ra.md`

anchor_own_missing = broken anchor `#{ $anchor }`: this page has no such heading
anchor_own_did-you-mean = did you mean `#{ $anchor }`? Headings of this page: { $headings }
anchor_own_no-headings = this page has no headings to link to
anchor_own_headings = headings of this page: { $headings }
anchor_other_missing = broken anchor `#{ $anchor }`: { $target } has no such heading in `{ $lang }`
anchor_other_did-you-mean = did you mean `#{ $anchor }`? Headings of that page: { $headings }
anchor_other_no-headings = that page has no headings; link to the page without `#...`
anchor_other_headings = headings of that page: { $headings }

image_no-alt = image `{ $src }` has no alt text
image_no-alt_hint = describe the photo for readers who cannot see it: ![Bà Rá mountain at dawn](photo.jpg)
image_cannot-use = image `{ $src }`: { $why }
image_cannot-use_hint = put the image beside the article (content/SECTION/SLUG/index.md + photo.jpg) or under static/, and check the spelling
image_lead_hint = give a path beside the article (`photo.jpg` in content/SECTION/SLUG/) or under static/ (`/images/photo.jpg`)
image_leaves-site = the path leaves the site
image_leaves-content = the path leaves the content folder
image_no-static = there is no static/{ $path }
image_no-file = there is no file { $path }
image_symlink-outside = the file is a symlink that points outside the site
link_path-with-space = `{ $written }` is not a link: its path `{ $path }` has a space, so Markdown shows it as text
link_path-with-space_hint = write the path in angle brackets, `{ $fixed }`, or write each space as `%20`, or rename the file without spaces

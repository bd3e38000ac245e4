# The front matter of an article: the `key: value` lines between `---`.
front-matter_wrong-type = `{ $key }` should be { $expected }, but is { $actual }
front-matter_wrong-type_hint = write { $expected }
front-matter_bad-date = `{ $key }: { $value }` is not a date
front-matter_bad-date_hint = write dates as YYYY-MM-DD, for example 2026-12-01 (a time may follow: 2026-12-01T09:30:00+07:00)
front-matter_not-a-block = `{ $key }` should be a block of keys, but is { $actual }
front-matter_not-a-block_hint = write `{ $key }:` followed by indented keys
front-matter_did-you-mean = did you mean `{ $key }`?
front-matter_known-keys = known keys: { $keys }
front-matter_unknown-block-key = unknown key `{ $key }`
front-matter_not-closed = the front matter is not closed
front-matter_not-closed_hint = add a line with only `---` after the last front matter line, before the article text
front-matter_not-key-value = the front matter should be `key: value` lines, but is { $actual }
front-matter_not-key-value_hint = write one `key: value` per line, for example `title: Núi Bà Rá`
front-matter_key-not-text = a front matter key is not text
front-matter_key-not-text_hint = keys are words such as `title` or `date`
front-matter_section-only-key = `{ $key }` only applies to a section's `_index.md`; it is ignored here
front-matter_section-only-key_hint = move it to the section's _index.md
front-matter_unknown-key = unknown front matter key `{ $key }`
front-matter_unknown-key_did-you-mean = did you mean `{ $key }`? The key is ignored
front-matter_unknown-key_hint = remove it, or put free data under `extra:`
front-matter_paginate-by-zero = `paginate_by` must be at least 1
front-matter_paginate-by-zero_hint = write e.g. `paginate_by: 10`
front-matter_empty-image = `image` is empty
front-matter_empty-image_hint = write the image's file name, like `image: le-hoi.jpg`, or remove the line
front-matter_empty-tag = tag { $tag } has no letters or digits to make its URL from
front-matter_empty-tag_hint = write the tag with letters or digits, like `le-hoi`, or remove it
front-matter_bad-slug = `slug: { $slug }` is not a single URL segment
front-matter_bad-slug_hint = write a slug without `/`, like `nui-ba-ra`
front-matter_slug-no-letters = `slug: { $slug }` has no letters or digits to make a URL from
front-matter_slug-no-letters_hint = write the slug with letters or digits, like `nui-ba-ra`, or remove the `slug:` line to use the file name
front-matter_long-slug = `slug: { $slug }` makes a URL segment of { $bytes } bytes: a segment is a folder name, limited to 255 bytes in the file system (in UTF-8 each Vietnamese, Lao or Khmer letter takes 2–3 bytes)
front-matter_long-slug_hint = write a shorter slug: a few words (at most about 80 Lao or Khmer letters), or remove the `slug:` line to use the file name
front-matter_long-tag = tag `{ $tag }` makes a URL segment of { $bytes } bytes: a segment is a folder name, limited to 255 bytes in the file system (in UTF-8 each Vietnamese, Lao or Khmer letter takes 2–3 bytes)
front-matter_long-tag_hint = write a shorter tag: a few words (at most about 80 Lao or Khmer letters)

# What a value should be ("`weight` should be …").
expected_text = text
expected_tags = a list of words, like [cashew, fdi]
expected_bool = true or false
expected_whole-number = a whole number, like 10
expected_aliases = a list of old URLs, like ["/old/page/"]
expected_plan = a list of task ids, like [ban-tin-doi-ngoai]
expected_sort-by = one of date, weight, title
expected_project-status = one of open, licensed, operating
expected_hectares = a number of hectares, like 120
expected_dollars = a number of US dollars, like 45000000
expected_contact = a block with agency, email and phone
expected_coordinates = [latitude, longitude] in degrees, like [11.85, 106.97]

# What a value is ("… but is a list").
value_empty = empty
value_bool = `{ $value }` (true/false)
value_number = the number `{ $value }`
value_text = the text `{ $value }`
value_list = a list
value_block = a block of keys
value_tagged = a tagged value

# The typed blocks: `project:`, `place:`, `event:`.
project_missing-key = `project.{ $key }` is missing
project_missing-key_hint = add `{ $key }:` under `project:`
project_missing-status = `project.status` is missing
project_missing-status_hint = add `status: open` (or licensed, operating) under `project:`
project_negative = `project.{ $key }` cannot be negative
project_negative_hint = write a positive number
project_unknown-sector = `{ $sector }` is not a sector of this site
project_unknown-sector_did-you-mean = did you mean `{ $sector }`? Sectors are: { $sectors }
project_unknown-sector_hint = use one of: { $sectors } (or add it to `sectors:` in site.yaml)
place_not-on-earth = coordinates [{ $lat }, { $lon }] are not on Earth
place_not-on-earth_hint = write [latitude, longitude]: latitude first, between -90 and 90
event_missing-start = `event.start` is missing
event_missing-start_hint = add `start: YYYY-MM-DD` under `event:`
event_ends-before-start = the event ends ({ $end }) before it starts ({ $start })
event_ends-before-start_hint = check the dates: `end` is the last day, on or after `start`

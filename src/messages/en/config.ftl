# site.yaml: the site's configuration.
config_cannot-read = cannot read the site configuration: { $error }
config_cannot-read_hint = run mekong in the folder that holds site.yaml, or pass --root DIR; `mekong init DIR` writes a new site
config_bad-base-url = `base_url: { $value }` is not a URL
config_bad-base-url_hint = write a full URL such as https://portal.example.org/ or https://example.org/portal/
config_bad-license = `license: { $value }` is not a full URL
config_bad-license_hint = write the address of the licence, for example https://creativecommons.org/licenses/by/4.0/
config_bad-timezone = `timezone: { $value }` is not a time zone offset
config_bad-timezone_hint = write the offset from UTC in quotes, for example `timezone: "+07:00"` (Vietnam, Laos, Cambodia) or `timezone: UTC`
config_no-languages = no languages are configured
config_no-languages_hint = add `languages:` with at least one entry: `- { "{" } code: vi, name: Tiếng Việt { "}" }`
config_bad-language-code = `{ $code }` is not a language code
config_bad-language-code_hint = use a BCP 47 code such as vi, en, lo, km or zh-Hans
config_language-twice = language `{ $code }` is listed twice
config_language-twice_hint = remove one of the entries
config_unknown-fallback = language `{ $code }` falls back to `{ $fallback }`, which is not configured
config_unknown-fallback_did-you-mean = did you mean `{ $code }`? Fallbacks must be languages of the site
config_unknown-fallback_hint = fallbacks must be languages of the site: { $codes }
config_unknown-default-language = the default language `{ $code }` is not in `languages`
config_use-one-of = use one of: { $values }
config_paginate-by-zero = `paginate_by` must be at least 1
config_paginate-by-zero_hint = write e.g. `paginate_by: 10`
config_unknown-taxonomy = taxonomy `{ $taxonomy }` is not supported
config_unknown-taxonomy_hint = only `tags` is supported: `taxonomies: [tags]`
config_bad-image-quality = `images.quality` must be between 1 and 100
config_bad-image-quality_hint = 80 is a good default
config_bad-image-format = `{ $format }` is not an image format mekong writes
config_bad-image-format_hint = use webp, jpeg or png, best first: `formats: [webp, jpeg]`
config_no-image-formats = `images.formats` is empty
config_no-image-formats_hint = list at least one format: `formats: [webp, jpeg]`
config_bad-image-widths = `images.widths` must list widths between 16 and 8192 pixels
config_bad-image-widths_hint = for example `widths: [480, 960, 1600]`
config_theme-not-found = theme `{ $theme }` not found: there is no folder { $folder }
config_theme-not-found_hint = put the theme in themes/NAME, or use the built-in `theme: default`

# cms: the editing app.
config_bad-media-folder = `cms.media_folder: { $value }` is not a folder under static/
config_bad-media-folder_hint = write a folder of static/, such as `media_folder: static/images`
config_unknown-cms-backend = `cms.backend.name: { $value }` is not a git server the editing app knows
config_unknown-cms-backend_hint = use one of: { $values } (Forgejo is `gitea`)

# units: the departments that write for the portal.
config_bad-unit-id = unit id `{ $id }` is not a short id
config_bad-unit-id_hint = use lowercase letters, digits and dashes, like `so-tttt` or `ban-dan-toc`
config_unit-name-language = unit `{ $id }` has a name in `{ $code }`, which is not a language of the site
config_unit-name-language_did-you-mean = did you mean `{ $code }`? Unit names are given per language of the site
config_unit-name-language_hint = give names in the site's languages: { $codes }
config_unit-without-default-name = unit `{ $id }` has no name in the default language `{ $code }`
config_unit-without-default-name_hint = write it as `{ $id }: { "{" } { $code }: …, en: … { "}" }`
config_unit-name-not-id = write the unit's id: `{ $key }: { $id }` (its names per language come from `units:` in site.yaml)
config_unknown-unit_did-you-mean = did you mean `{ $id }`?
config_unknown-unit_hint = use one of the units declared in site.yaml: { $ids }

# fonts: Lao and Khmer fonts published with the site.
config_bad-fonts = `fonts: { $value }` is not known
config_bad-fonts_did-you-mean = did you mean `fonts: { $value }`?
config_bad-fonts_hint = write `fonts: embed` to publish the Lao and Khmer fonts with the site, or `fonts: system` (the default) to use the reader's own
config_fonts-unneeded = `fonts: embed` has nothing to embed: no language of the site is written in Lao or Khmer script
config_fonts-unneeded_hint = remove `fonts: embed`; the site's languages are drawn with the reader's own fonts

# screens: the border-gate screens.
screens_bad-name = screen name `{ $name }` is not a folder name
screens_bad-name_hint = use lowercase letters, digits and hyphens: `name: hoa-lu`
screens_twice = screen `{ $name }` is configured twice
screens_twice_hint = give each screen its own name
screens_no-languages = screen `{ $name }` has no languages
screens_no-languages_hint = list the languages it rotates through: `languages: [vi, en, km]`
screens_did-you-mean = did you mean `{ $value }`?
screens_unknown-language = screen `{ $name }` shows `{ $code }`, which is not a language of the site
screens_unknown-language_hint = use languages of the site: { $codes }
screens_bad-size = `size: { $value }` is not a screen size
screens_bad-size_hint = write width×height in pixels, between 64 and 8192: `size: 1920x1080`
screens_bad-seconds = `seconds: { $value }` is not a slide duration
screens_bad-seconds_hint = seconds per slide, between 2 and 3600: `seconds: 10`
screens_bad-refresh = `refresh_minutes: { $value }` is out of range
screens_bad-refresh_hint = between 1 and 1440 minutes: `refresh_minutes: 10`
screens_shows-nothing = screen `{ $name }` shows nothing
screens_shows-nothing_hint = add `show:` with e.g. `- section: tourism` or `- projects: open`
screens_unknown-events = `events: { $value }` is not known
screens_unknown-events_hint = write `events: upcoming` (each event plays until its last day)
screens_unknown-projects = `projects: { $value }` is not known
screens_unknown-projects_hint = write `projects: open` (the projects looking for investors)
screens_show-picks = a `show:` entry must pick one thing; this one picks { $count }
screens_show-picks_hint = one of `section: NAME`, `tag: NAME`, `article: PATH`, `events: upcoming`, `projects: open` per entry
screens_bad-day = `{ $key }: { $value }` is not a date
screens_bad-day_hint = write the day as YYYY-MM-DD: `from: 2026-04-10`
screens_window-ends-before-start = the window ends ({ $to }) before it starts ({ $from })
screens_window-ends-before-start_hint = swap `from` and `to`
screens_bad-weekday = `{ $value }` is not a day of the week
screens_bad-weekday_hint = write mon, tue, wed, thu, fri, sat or sun: `weekdays: [sat, sun]`
screens_bad-hours = `hours: { $value }` is not a time range
screens_bad-hours_hint = write HH:MM-HH:MM in the screen's local time: `hours: "07:00-19:00"`
screens_sections-are = sections: { $sections }
screens_no-section = screen `{ $screen }` shows section `{ $section }`, which does not exist
screens_not-an-article = screen `{ $screen }` shows `{ $path }`, which is not an article
screens_not-an-article_hint = name the article's file below content/: `news/x.md`
screens_picks-nothing = screen `{ $screen }`: `show: { $show }` picks no article in { $languages }
screens_picks-nothing_hint = check the section, tag or article it names, or remove the entry
screens_photo-left-out = screen `{ $screen }`: the photo is left out: { $why }
screens_photo-left-out_hint = replace it with a complete JPEG, PNG or WebP file
screens_no-qr = screen `{ $screen }` has no QR codes: `base_url` has no host
screens_no-qr_hint = set `base_url: https://portal.example.org/` so a QR code can name the article's page
screens_font-whole = screen `{ $screen }`: a font is published whole, not cut down to the letters shown ({ $why })
screens_font-whole_hint = the screen still plays; report this with the font named
screens_no-ticker = screen `{ $screen }`: the ticker message `{ $key }` is missing in `{ $lang }`
screens_no-ticker_hint = add `{ $key } = …` to locales/{ $lang }/*.ftl
screens_cannot-zip = cannot make screens/{ $name }.zip: { $error }
screens_cannot-zip_hint = check the disk space and the image cache (.mekong-cache/)

# site.yaml: the site's configuration.
config_cannot-read = cannot read the site configuration: { $error }
config_cannot-read_hint = run mekong in the folder that holds site.yaml, or pass --root DIR; `mekong init DIR` writes a new site
config_bad-base-url = `base_url: { $value }` is not a URL
config_bad-base-url_hint = write a full URL such as https://portal.example.org/ or https://example.org/portal/
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

# Text as editors save it, YAML mistakes.
source_not-utf8 = the file is not valid UTF-8 text
source_not-utf8_hint = save the file as UTF-8 in your editor (in Notepad: File > Save as > Encoding: UTF-8)
yaml_unknown-key = unknown key `{ $key }`
yaml_did-you-mean = did you mean `{ $key }`?
yaml_known-keys = known keys are: { $keys }
yaml_tab = a tab is used for indentation; YAML allows only spaces ({ $error })
yaml_tab_hint = replace the tab at the start of the line with spaces
yaml_number-too-big = { $key } must be a whole number between { $min } and { $max }, but is { $number }
yaml_number-too-big_hint = write a smaller number, like `{ $key }: 10`
yaml_invalid = invalid YAML: { $error }
yaml_invalid-type_hint = check the value's type: text, a number, a date (YYYY-MM-DD), a list [a, b] or true/false
yaml_colon_hint = a value containing `: ` must be quoted: title: "Bình Phước: tiềm năng"
yaml_not-closed_hint = check the indentation and that quotes and brackets are closed
yaml_syntax_hint = check the syntax near this line; quote values that contain `:` or `#`
# site.yaml without an address.
config_no-origin = { $what }, so sitemap.xml, the Sitemap line of robots.txt and the open-data catalogues (data/catalog.jsonld, data/csv-metadata.json) are left out, and canonical links and feed ids are relative (search engines and feed readers need full URLs)
config_no-origin_path-only = `base_url` is a path without a host
config_no-origin_missing = site.yaml has no `base_url`
config_no-origin_hint = set `base_url:` to the address the site will be served from, e.g. `base_url: https://portal.example.org/`, or pass --base-url
options_base-url-not-url = --base-url { $url } is not a URL
options_base-url-not-url_hint = write a full URL such as https://example.org/portal/
# Templates.
template_error = template error: { $error }
template_missing = the template `{ $name }` is missing
template_missing_hint = add it to templates/ or to the theme, or use the built-in theme (`theme: default`)
template_unknown-function_hint = mekong's functions are t(), url(), pages(), events(), projects() and asset(); check the spelling
template_unknown-filter_hint = mekong adds the filters date(), number() and json; check the spelling
template_while-rendering_hint = this happened while rendering { $page }; check the template near this line
template_syntax_hint = check the template syntax near this line: {"{{"} ... {"}}"} for values, {"{%"} ... {"%}"} for tags
template_fluent-failed = Fluent message `{ $id }` in `{ $lang }`: { $error }
template_fluent-failed_hint-at = it was asked for while rendering { $page } by the template { $template }:{ $line }; the template passes the variables (`t(key=..., name=value)`) and the message must use the same names
template_fluent-failed_hint-page = it was asked for while rendering { $page }; the template passes the variables (`t(key=..., name=value)`) and the message must use the same names
template_fluent-failed_hint = the template passes the variables (`t(key=..., name=value)`) and the message must use the same names
# Photos the site publishes.
image_cannot-publish = this image cannot be published: { $why }
image_cannot-publish_hint = replace it with a complete JPEG, PNG or WebP file, or remove it
# The editing app (/admin/).
cms_no-field = `{ $key }` has no field in the editing app (/admin/): an editor there cannot see or change it
cms_no-field_hint = keep `{ $key }` only where a web-team member edits the file by hand, or move the value into a field the app has ({ $fields })
template_fluent-unknown-variable = Fluent message `{ $id }` in `{ $lang }` uses the variable `${ $variable }`, which the template does not pass
options_base-url-not-http = `{ $url }` is not an http(s) URL or a path: write the address the site will be served from, such as https://example.org/portal/ (or a path such as /portal/ for a preview)

# `mekong new`: a new article, or the translation of one.
new_not-section-slug = `{ $path }` is not SECTION/SLUG
new_not-section-slug_hint = write e.g. `mekong new tourism/thac-mo`
new_bad-path = `{ $path }` is not a valid article path
new_bad-path_hint = use lowercase words joined by dashes, e.g. `{ $path }`
new_exists = the file already exists
new_exists_hint = choose another slug, or edit the existing file
new_translation-exists_hint = edit it; `mekong i18n --lang { $lang }` lists what is left to translate, and a new article needs another slug
new_cannot-read = cannot read: { $error }
new_cannot-write = cannot write: { $error }
new_unknown-language = `{ $lang }` is not a language of the site
new_unknown-language_hint = The site's languages are { $codes }; to add a language, list it under `languages:` in site.yaml (`- code: { $lang }`, its `name:` and a `fallback:`), then run `mekong i18n --init { $lang }` for its messages
new_unknown-language_did-you-mean = did you mean `{ $code }`? The site's languages are { $codes }; to add a language, list it under `languages:` in site.yaml (`- code: { $lang }`, its `name:` and a `fallback:`), then run `mekong i18n --init { $lang }` for its messages
new_no-section = there is no section `{ $section }` (no folder content/{ $section }/)
new_no-section_hint = to start a new section, create content/{ $section }/_index.md first
new_no-section_did-you-mean = did you mean `{ $guess }`? To start a new section, create content/{ $section }/_index.md first
new_no-article = there is no article `{ $path }` in any language, so nothing to translate into `{ $lang }`
new_no-article_hint = a translation starts from an article that exists: write it in `{ $default }` first with `{ $start }`, then translate it with `--lang`
new_no-article_did-you-mean = did you mean `{ $command }`? A translation starts from an article that exists; a new article is written in `{ $default }` first with `{ $start }`
new_wrote = wrote { $file } (a draft: preview it with `mekong serve --drafts`; remove `draft: true` to publish it)
new_wrote-translation = wrote { $file }, a copy of { $source } to translate; it is a draft until translated: preview it with `mekong serve --drafts`, then remove `draft: true` to publish it
# The new article's starting text (Markdown; the last line is an HTML comment).
new_body_first = Write the article here. The first paragraph is the summary in lists.
new_body_heading = A heading
new_body_more = More text.
new_body_links = Link to another article: [its title](@/SECTION/SLUG.md); to a heading: (@/SECTION/SLUG.md#heading-id)
# The comment at the top of a new translation (each line becomes a `# ` line).
new_translation-note =
    Translated from { $source }: translate the title, the description and the text;
    dates, the image and the project, place and event data stay as they are.
# `mekong init`.
init_not-empty = { $folder } is not empty: it holds { $name }
init_not-empty_hint = run `mekong init` in an empty folder (hidden files such as .git may be there), or choose a new folder: `mekong init my-portal`
init_current-folder = the current folder
init_folder = { $folder }
init_wrote = wrote a new portal in { $folder } ({ $files } files); build it with { $build }
# `mekong report` on the command line.
report_from-after-to = `--from { $from }` is after `--to { $to }`
report_from-after-to_hint = swap them: --from { $to } --to { $from }
report_bad-period = the report's period is not valid
report_bad-period_hint = write { $forms }
report_xlsx-to-terminal = a workbook cannot be printed to the terminal
report_xlsx-to-terminal_hint = name the file: `mekong report --format xlsx -o report.xlsx`
report_unknown-unit = `--unit { $unit }` is not a unit of site.yaml
report_unknown-unit_did-you-mean = did you mean `{ $unit }`?
report_unknown-unit_hint = units of site.yaml: { $units }
report_cannot-make-workbook = cannot write the workbook: { $error }
report_cannot-write = cannot write the report: { $error }
report_cannot-write_hint = check that the folder exists and can be written
# `mekong i18n`: the table for people (JSON and CSV keep English codes).
i18n_unknown-language_hint = use one of the codes under `languages:` in site.yaml
i18n_column_language = language
i18n_column_translated = translated
i18n_column_missing = missing
i18n_column_stale = stale
i18n_column_missing-messages = missing messages
i18n_column_unused = unused
i18n_kind_missing-article = missing article
i18n_kind_stale = stale
i18n_kind_missing-message = missing message
i18n_kind_unused-message = unused message
i18n_missing-article = { $file } (from { $source })
i18n_stale = { $file } (its source { $source } changed { $source_changed }, the translation { $changed })
i18n_new-hint = `{ $command }` starts this missing article as a draft copy of its source; for another, give its SECTION/NAME as its file or its URL names it
# Messages a language takes from its fallbacks (`check`, `build`).
i18n_gaps = `{ $lang }` lacks { $count ->
    [one] { $count } message
   *[other] { $count } messages
}: { $ids }, … ({ $instead })
i18n_gaps_shown-instead = { $langs } is shown instead
i18n_gaps_no-fallback = and its fallbacks lack them too
i18n_gaps_hint = `mekong i18n --lang { $lang }` lists them with their source text; for a new language, `mekong i18n --init { $lang }` writes them all into locales/{ $lang }/site.ftl to translate
i18n_gap = message `{ $id }` is missing in `{ $lang }` and in its fallbacks
i18n_gap_shown-instead = message `{ $id }` is missing in `{ $lang }`; `{ $from }` is shown instead
i18n_gap_hint = add `{ $id } = ...` to a .ftl file in locales/{ $lang }/
# `mekong i18n --init LANG`: the file for the translator.
i18n_init-exists_hint = `mekong i18n --lang { $lang }` lists the messages it lacks, each with its source text
i18n_init_header =
    Messages in { $name } ({ $lang }), from the { $default } messages of the site and its theme.
    Each is commented out with its { $default } text: remove the `# ` of its lines,
    translate the text after `=`, and keep `{"{"} $variables {"}"}` and ids as they are.
    A message still commented out is shown in { $fallback } instead.
i18n_init_fallback = `{ $lang }`
i18n_init_no-fallback = nothing
i18n_init_from-theme = From the theme
i18n_init_from-site = From the site
i18n_init_wrote = wrote { $file } with { $count ->
    [one] { $count } message
   *[other] { $count } messages
} to translate, commented out with their { $default } text
report_not-a-period = `{ $value }` is not a period: write { $forms }
report_not-a-day = `{ $value }` is not a day: write YYYY-MM-DD, like 2026-05-20
report_period-forms = a year (2026), a half (2026-H1), a quarter (2026-Q3), a month (2026-03), or `--from 2026-01-01 --to 2026-06-30` instead of `--period`

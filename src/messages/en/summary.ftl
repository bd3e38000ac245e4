# The closing lines of a command.
summary_errors = { $count ->
    [one] { $count } error
   *[other] { $count } errors
}
summary_warnings = { $count ->
    [one] { $count } warning
   *[other] { $count } warnings
}
summary_failed = mekong: { $errors }, { $warnings }; nothing was written
summary_warned = mekong: { $warnings }
# `build`, `check`: what was made. Pages per language, then the rest.
summary_what-was-built = { $pages ->
    [one] { $pages } page
   *[other] { $pages } pages
} ({ $per_language }), { $more_pages ->
    [one] { $more_pages } list, tag, 404, open-data or redirect page
   *[other] { $more_pages } list, tag, 404, open-data and redirect pages
} and { $files ->
    [one] { $files } other file
   *[other] { $files } other files
}
summary_built = built { $what } in { $seconds } s into { $folder } ({ $written } written, { $unchanged } unchanged)
summary_checked = checked { $what }: no errors
summary_report-written = wrote { $file } ({ $period })

# The output folder: one writer at a time.
output_cannot-lock = cannot lock { $path } for writing: { $error }
output_cannot-lock_hint = check the permissions of the folder that holds the output folder
output_since = , since { $time } UTC, { $seconds } s ago
output_holder_command = `{ $command }` (pid { $pid }
output_holder_mekong = mekong (pid { $pid }
output_holder_unknown = another mekong (
output_busy = { $out } is being written by { $who }{ $since }); one writer at a time
output_busy_serve-pid = that preview server writes here until it stops: stop it (Ctrl-C in its terminal or `kill { $pid }`), or write elsewhere with --output DIR
output_busy_serve = that preview server writes here until it stops: stop it (Ctrl-C in its terminal), or write elsewhere with --output DIR
output_busy_hint = wait until it has finished and run again (the folder then holds its complete site), or write elsewhere with --output DIR
# One path, one file: two outputs that want the same path.
claims_alias-redirect = the redirect of alias { $alias } in { $file }
claims_copied-file = { $file }
claims_theme-file = the built-in theme file /{ $path }
claims_generated-page = the page /{ $url } that mekong generates
claims_generated-file = the file /{ $path } that mekong generates
claims_alias-taken = alias { $alias } is already taken by { $owner }
claims_alias-taken_hint = remove the alias, or change it to an old URL that nothing else on the site uses
claims_same-path = two files would be written to /{ $path }: { $first } and { $second }
claims_file-and-folder = /{ $path } would be both a file ({ $first }) and a folder holding { $second }
claims_clash_hint = rename one of them, or change the page's `slug` or `aliases`

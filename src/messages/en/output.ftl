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

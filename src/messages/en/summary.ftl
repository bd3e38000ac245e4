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

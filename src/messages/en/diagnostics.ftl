# How a diagnostic is printed: the words around the message.
diagnostic_error = error
diagnostic_warning = warning
diagnostic_fix = fix
diagnostic_hint = hint: { $hint }
diagnostic_and-in = and in { $places }
diagnostic_same-in = the same in { $places }
diagnostic_more-files = { $count ->
    [one] { $count } more file
   *[other] { $count } more files
}
diagnostic_more-places = { $count ->
    [one] { $count } more place
   *[other] { $count } more places
}

# The site's own translations: the Fluent files of locales/LANG/.
translation_not-a-language = messages for `{ $lang }`, which is not a language of the site, are ignored
translation_not-a-language_hint = add the language to site.yaml or remove the folder
translation_syntax = Fluent syntax error: { $error }
translation_syntax_default-variant = one variant must be the default, marked with `*`: `*[other] ...`
translation_syntax_close-brace = close the `{"{"}` with `{"}"}` on the same line
translation_syntax_hint = a message is `id = text` on one line; continuation lines and variants must be indented with spaces
translation_defined-twice = message `{ $id }` is defined twice: here and at { $first }
translation_defined-twice_hint = remove one of the two definitions; only the first would be used
translation_unknown-id = message `{ $id }` is not a message of the default language `{ $lang }`, so no page shows it
translation_unknown-id_did-you-mean = did you mean `{ $id }`?
translation_unknown-id_hint = the ids are those of locales/{ $lang }/; a message no template asks for is never shown
translation_unknown-variable = message `{ $id }` uses `${ $var }`, which the `{ $lang }` message does not have, so it cannot be filled in
translation_unknown-variable_did-you-mean = did you mean `${ $var }`?
translation_unknown-variable_none = the `{ $lang }` message uses no variables; write the text without `${ $var }`
translation_unknown-variable_hint = the variables are { $vars }

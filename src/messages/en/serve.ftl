# `mekong serve`: what it says while it runs, and its words in the browser.
serve_serving = serving { $root } on { $url } (Ctrl-C to stop)
serve_stopped = stopped
serve_visible-to-network = warning: serving on { $address } makes the preview (drafts included) visible to your network
serve_built = built in { $ms } ms: { $files ->
    [one] { $files } file
   *[other] { $files } files
} written
serve_rebuilt = rebuilt in { $ms } ms: { $files ->
    [one] { $files } file
   *[other] { $files } files
} written
serve_failed = build failed in { $ms } ms: { $errors ->
    [one] { $errors } error
   *[other] { $errors } errors
} (the server keeps running; fix and save)
serve_cannot-listen = cannot listen on { $address }: { $error }
serve_cannot-listen_hint = choose another port with --port N
serve_cannot-watch = cannot watch the site: { $error }
serve_watch-warning = warning: file watching: { $error }
serve_overlay-heading = mekong: the build failed
serve_not-found = 404 not found
serve_forbidden = 403 forbidden: this path is outside the site
# The editing app (/admin/): a save the build finds mistakes in.
serve_saved-with-problems = saved; the build reports (fix and save again):
# The note in the preview's output folder (.mekong-preview).
serve_preview-note =
    This folder is the output of `mekong serve` (pages link to { $url }).
    Do not deploy it: run `mekong build` for the site to publish.

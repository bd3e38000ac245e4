# The output folder: what mekong refuses to write into, and why.
write_serve-over-build = refusing to serve into { $folder }: it holds a build (from `mekong build`), and preview pages link to the preview server, so they must never be mistaken for it
write_serve-over-build_hint = leave out --output (serve then writes into a temporary folder), or give serve a folder of its own, like --output preview
write_refuse = refusing to build into { $folder }: { $why }
write_refuse_hint = choose another folder with --output DIR (the default is public/ in the site)
write_refuse_root = it is the root of the file system
write_refuse_home = it is your home folder
write_refuse_site = it contains the site itself
write_refuse_inside = it is inside the site's { $folder }/ folder
write_refuse_file = it is a file
write_not-mekongs = refusing to build into { $folder }: it holds files mekong did not write
write_not-mekongs_hint = empty the folder, choose another with --output, or pass --force to replace it
write_strangers = refusing to build into { $folder }: it holds files mekong did not write: { $files }
write_strangers_hint = put files that must be published into static/ (they are copied on every build), or pass --force to replace the folder
write_leaves-output = output path { $path } leaves the output folder
write_leaves-output_hint = check aliases and slugs for `..`
write_cannot = cannot { $action ->
    [read] read
    [create] create
    [move] move
   *[write] write
} { $path }: { $error }
write_cannot_hint = check the disk space and the folder's permissions
# The search index's documents, kept in a temporary file while pages render.
search_spill-unreadable = cannot read back the search index's documents from their temporary file: { $error }
search_spill-unreadable_hint = check the free space of the temporary folder (TMPDIR, or /tmp), or set TMPDIR to a folder with room, and build again

# Images: why a photo cannot be used ("image `x.jpg`: …"), and the image cache.
image_unreadable = cannot read it: { $error }
image_unsupported = it is a { $ext } image; mekong makes responsive images from JPEG, PNG and WebP
image_not-an-image = it is not an image (neither JPEG, PNG nor WebP)
image_truncated = the file is truncated (its end is missing)
image_undecodable = it cannot be read as an image: { $error }
image_empty = the image is empty (0 pixels)
image_not-found = there is no image `{ $path }` in static/ or content/
image_cannot-create-cache = cannot create the image cache { $path }: { $error }
image_cannot-create-cache_hint = check the permissions of the site folder
image_cannot-read = cannot read the image: { $error }
image_cannot-decode = cannot decode the image: { $error }
image_cannot-make = cannot make { $path }: { $error }
image_cannot-make_hint = open the image in an image editor and save it again as JPEG or PNG
image_cannot-write = cannot write { $path }: { $error }
image_cannot-write_hint = check the disk space and the permissions of .mekong-cache/
image_path-with-space = `{ $written }` is not an image: its path `{ $path }` has a space, so Markdown shows it as text

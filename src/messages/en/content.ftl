# Articles and sections under content/: where they are, what they hold.
content_unknown-unit = `unit: { $value }` is not a unit declared in site.yaml

# Các bài viết và chuyên mục trong thư mục content/: vị trí và nội dung.
content_unknown-unit = `unit: { $value }` không phải là đơn vị đã khai báo trong site.yaml

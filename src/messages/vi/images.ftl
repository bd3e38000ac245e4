# Ảnh: lý do một ảnh không dùng được ("ảnh `x.jpg`: …"), và thư mục lưu tạm ảnh.
image_unreadable = không đọc được tệp: { $error }
image_unsupported = đây là ảnh { $ext }; mekong chỉ tạo ảnh nhiều cỡ từ ảnh JPEG, PNG và WebP
image_not-an-image = tệp này không phải là ảnh (không phải JPEG, PNG hay WebP)
image_truncated = tệp bị thiếu (mất phần cuối)
image_undecodable = không đọc được tệp này như một ảnh: { $error }
image_empty = ảnh trống (0 điểm ảnh)
image_not-found = không có ảnh `{ $path }` trong static/ hay content/
image_cannot-create-cache = không tạo được thư mục lưu tạm ảnh { $path }: { $error }
image_cannot-create-cache_hint = hãy kiểm tra quyền ghi vào thư mục của trang
image_cannot-read = không đọc được ảnh: { $error }
image_cannot-decode = không giải mã được ảnh: { $error }
image_cannot-make = không tạo được { $path }: { $error }
image_cannot-make_hint = hãy mở ảnh bằng một phần mềm chỉnh sửa ảnh rồi lưu lại dưới dạng JPEG hoặc PNG
image_cannot-write = không ghi được { $path }: { $error }
image_cannot-write_hint = hãy kiểm tra dung lượng đĩa còn trống và quyền ghi vào thư mục .mekong-cache/
image_path-with-space = `{ $written }` không phải là ảnh: đường dẫn `{ $path }` có dấu cách, nên Markdown hiện nó thành chữ

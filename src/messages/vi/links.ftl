# Liên kết và ảnh trong nội dung bài, và các `#neo` trỏ tới đề mục.
link_backslash = đường dẫn có dấu gạch ngược `\`: hãy viết / thay cho \ (địa chỉ web dùng dấu /)
link_with-backslash = liên kết `{ $dest }`: { $why }
link_write = hãy viết `{ $dest }`
link_leaves-content = liên kết nội bộ `{ $dest }` bị hỏng: đường dẫn đi ra ngoài thư mục content
link_leaves-content_hint = hãy ghi tên tệp bài viết trong thư mục content/, ví dụ `@/tourism/nui-ba-ra.md`
link_nothing-published = liên kết `{ $dest }` bị hỏng: trang không có gì ở địa chỉ `{ $path }`
link_nothing-published_did-you-mean = có phải ý bạn là `{ $path }`? Liên kết bắt đầu bằng / phải trỏ tới một trang hoặc một tệp của chính trang này
link_nothing-published_hint = liên kết bắt đầu bằng / phải trỏ tới một trang hoặc một tệp của chính trang này; để liên kết tới bài viết, hãy ghi tên tệp của bài, ví dụ `@/tourism/nui-ba-ra.md`
link_relative-nothing-published = liên kết `{ $dest }` bị hỏng: từ địa chỉ của trang này `{ $page }`, liên kết dẫn tới `{ $path }`, nơi trang không có gì
link_relative-nothing-published_did-you-mean = có phải ý bạn là `{ $path }`? Liên kết tương đối tính từ địa chỉ của trang, không tính từ tệp của bài; liên kết bắt đầu bằng / trỏ tới một trang hoặc một tệp của cả trang web
link_relative-nothing-published_hint = liên kết tương đối tính từ địa chỉ của trang, không tính từ tệp của bài; liên kết bắt đầu bằng / trỏ tới một trang hoặc một tệp của cả trang web, còn `@/tourism/nui-ba-ra.md` trỏ tới bài viết theo tên tệp
link_relative-nothing-published_from-file = liên kết tương đối tính từ địa chỉ của trang, không tính từ tệp của bài: để trỏ tới nội dung ở vị trí đó trong content/, hãy ghi `{ $path }`
link_no-article = liên kết nội bộ `{ $dest }` bị hỏng: không có bài viết này
link_no-article_did-you-mean = có phải ý bạn là `@/{ $path }`? Liên kết nội bộ ghi tên tệp của bài viết trong thư mục content/
link_no-article_hint = liên kết nội bộ ghi tên tệp của bài viết trong thư mục content/, ví dụ `@/tourism/nui-ba-ra.md`

anchor_own_missing = liên kết tới đề mục `#{ $anchor }` bị hỏng: trang này không có đề mục đó
anchor_own_did-you-mean = có phải ý bạn là `#{ $anchor }`? Các đề mục của trang này: { $headings }
anchor_own_no-headings = trang này không có đề mục nào để liên kết tới
anchor_own_headings = các đề mục của trang này: { $headings }
anchor_other_missing = liên kết tới đề mục `#{ $anchor }` bị hỏng: { $target } không có đề mục đó trong bản `{ $lang }`
anchor_other_did-you-mean = có phải ý bạn là `#{ $anchor }`? Các đề mục của trang đó: { $headings }
anchor_other_no-headings = trang đó không có đề mục nào; hãy liên kết tới trang mà không ghi `#...`
anchor_other_headings = các đề mục của trang đó: { $headings }

image_no-alt = ảnh `{ $src }` chưa có chú thích thay thế (alt)
image_no-alt_hint = hãy mô tả ảnh cho người đọc không nhìn thấy ảnh: ![Núi Bà Rá lúc bình minh](photo.jpg)
image_cannot-use = ảnh `{ $src }`: { $why }
image_cannot-use_hint = hãy đặt ảnh cạnh bài viết (content/CHUYÊN-MỤC/TÊN-BÀI/index.md + photo.jpg) hoặc trong static/, và kiểm tra lại tên tệp
image_lead_hint = hãy ghi đường dẫn tới ảnh đặt cạnh bài viết (`photo.jpg` trong content/CHUYÊN-MỤC/TÊN-BÀI/) hoặc trong static/ (`/images/photo.jpg`)
image_leaves-site = đường dẫn đi ra ngoài thư mục của trang
image_leaves-content = đường dẫn đi ra ngoài thư mục content
image_no-static = không có tệp static/{ $path }
image_no-file = không có tệp { $path }
image_symlink-outside = tệp là một liên kết tượng trưng (symlink) trỏ ra ngoài thư mục của trang
link_path-with-space = `{ $written }` không phải là liên kết: đường dẫn `{ $path }` có dấu cách, nên Markdown hiện nó thành chữ
link_path-with-space_hint = hãy viết đường dẫn trong dấu ngoặc nhọn, `{ $fixed }`, hoặc viết mỗi dấu cách thành `%20`, hoặc đổi tên tệp không có dấu cách

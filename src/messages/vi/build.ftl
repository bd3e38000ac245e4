# Văn bản do người biên tập lưu, lỗi YAML.
source_not-utf8 = tệp không phải văn bản UTF-8 hợp lệ
source_not-utf8_hint = hãy lưu tệp dưới dạng UTF-8 trong trình soạn thảo (trong Notepad: File > Save as > Encoding: UTF-8)
yaml_unknown-key = khóa `{ $key }` không có trong danh sách khóa được dùng
yaml_did-you-mean = có phải bạn định viết `{ $key }`?
yaml_known-keys = các khóa được dùng: { $keys }
yaml_tab = dòng này thụt lề bằng phím Tab; YAML chỉ cho phép dấu cách ({ $error })
yaml_tab_hint = hãy thay dấu Tab ở đầu dòng bằng dấu cách
yaml_number-too-big = { $key } phải là số nguyên từ { $min } đến { $max }, nhưng đang là { $number }
yaml_number-too-big_hint = hãy ghi một số nhỏ hơn, ví dụ `{ $key }: 10`
yaml_invalid = YAML không hợp lệ: { $error }
yaml_invalid-type_hint = hãy kiểm tra kiểu giá trị: văn bản, số, ngày (YYYY-MM-DD), danh sách [a, b] hoặc true/false
yaml_colon_hint = giá trị có chứa `: ` phải đặt trong dấu ngoặc kép: title: "Bình Phước: tiềm năng"
yaml_not-closed_hint = hãy kiểm tra thụt lề, và xem các dấu ngoặc kép, ngoặc vuông đã được đóng chưa
yaml_syntax_hint = hãy kiểm tra cú pháp gần dòng này; giá trị có `:` hoặc `#` phải đặt trong dấu ngoặc kép
# site.yaml chưa có địa chỉ trang.
config_no-origin = { $what }, nên sitemap.xml, dòng Sitemap của robots.txt và danh mục dữ liệu mở (data/catalog.jsonld, data/csv-metadata.json) sẽ không được tạo, còn liên kết chuẩn (canonical) và mã định danh trong bản tin RSS/Atom là địa chỉ tương đối (công cụ tìm kiếm và trình đọc tin cần địa chỉ đầy đủ)
config_no-origin_path-only = `base_url` chỉ là đường dẫn, chưa có tên miền
config_no-origin_missing = site.yaml chưa có `base_url`
config_no-origin_hint = hãy đặt `base_url:` là địa chỉ sẽ đăng trang, ví dụ `base_url: https://portal.example.org/`, hoặc dùng --base-url
options_base-url-not-url = --base-url { $url } không phải là một địa chỉ web
options_base-url-not-url_hint = hãy ghi địa chỉ đầy đủ, ví dụ https://example.org/portal/
# Mẫu trang (template).
template_error = mẫu trang có lỗi: { $error }
template_missing = thiếu mẫu trang `{ $name }`
template_missing_hint = hãy thêm mẫu này vào templates/ hoặc vào giao diện, hoặc dùng giao diện có sẵn (`theme: default`)
template_unknown-function_hint = các hàm của mekong là t(), url(), pages(), events(), projects() và asset(); hãy kiểm tra chính tả
template_unknown-filter_hint = mekong có thêm các bộ lọc date(), number() và json; hãy kiểm tra chính tả
template_while-rendering_hint = lỗi xảy ra khi tạo trang { $page }; hãy kiểm tra mẫu trang gần dòng này
template_syntax_hint = hãy kiểm tra cú pháp mẫu trang gần dòng này: {"{{"} ... {"}}"} cho giá trị, {"{%"} ... {"%}"} cho thẻ lệnh
template_fluent-failed = thông điệp Fluent `{ $id }` của ngôn ngữ `{ $lang }`: { $error }
template_fluent-failed_hint-at = thông điệp này được dùng khi tạo trang { $page }, tại mẫu trang { $template }:{ $line }; mẫu trang truyền các biến (`t(key=..., name=value)`) và thông điệp phải dùng đúng các tên biến đó
template_fluent-failed_hint-page = thông điệp này được dùng khi tạo trang { $page }; mẫu trang truyền các biến (`t(key=..., name=value)`) và thông điệp phải dùng đúng các tên biến đó
template_fluent-failed_hint = mẫu trang truyền các biến (`t(key=..., name=value)`) và thông điệp phải dùng đúng các tên biến đó
# Ảnh được đăng lên trang.
image_cannot-publish = không đăng được ảnh này: { $why }
image_cannot-publish_hint = hãy thay bằng một tệp JPEG, PNG hoặc WebP đầy đủ, hoặc xóa ảnh này
# Ứng dụng biên tập (/admin/).
cms_no-field = `{ $key }` không có ô nhập trong ứng dụng biên tập (/admin/): người biên tập ở đó không xem hay sửa được
cms_no-field_hint = chỉ giữ `{ $key }` ở những tệp do cán bộ kỹ thuật sửa trực tiếp, hoặc chuyển giá trị sang một ô mà ứng dụng có ({ $fields })
template_fluent-unknown-variable = thông điệp Fluent `{ $id }` của ngôn ngữ `{ $lang }` dùng biến `${ $variable }`, nhưng mẫu trang không truyền biến này
options_base-url-not-http = `{ $url }` không phải là địa chỉ http(s) hay một đường dẫn: hãy ghi địa chỉ sẽ đăng trang, ví dụ https://example.org/portal/ (hoặc một đường dẫn như /portal/ khi xem trước)

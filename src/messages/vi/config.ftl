# site.yaml: tệp cấu hình của trang.
config_cannot-read = không đọc được tệp cấu hình của trang: { $error }
config_cannot-read_hint = hãy chạy mekong trong thư mục có tệp site.yaml, hoặc ghi thêm --root THƯ-MỤC; lệnh `mekong init THƯ-MỤC` sẽ tạo một trang mới
config_bad-base-url = `base_url: { $value }` không phải là một địa chỉ URL
config_bad-base-url_hint = hãy ghi địa chỉ đầy đủ, ví dụ https://portal.example.org/ hoặc https://example.org/portal/
config_bad-license = `license: { $value }` không phải là một địa chỉ URL đầy đủ
config_bad-license_hint = hãy ghi địa chỉ của giấy phép, ví dụ https://creativecommons.org/licenses/by/4.0/
config_bad-timezone = `timezone: { $value }` không phải là một độ lệch múi giờ
config_bad-timezone_hint = hãy ghi độ lệch so với giờ UTC trong dấu nháy, ví dụ `timezone: "+07:00"` (Việt Nam, Lào, Campuchia) hoặc `timezone: UTC`
config_no-languages = chưa khai báo ngôn ngữ nào
config_no-languages_hint = hãy thêm `languages:` với ít nhất một ngôn ngữ: `- { "{" } code: vi, name: Tiếng Việt { "}" }`
config_bad-language-code = `{ $code }` không phải là mã ngôn ngữ
config_bad-language-code_hint = hãy dùng mã BCP 47, ví dụ vi, en, lo, km hoặc zh-Hans
config_language-twice = ngôn ngữ `{ $code }` được khai báo hai lần
config_language-twice_hint = hãy xóa một trong hai dòng khai báo
config_unknown-fallback = ngôn ngữ `{ $code }` dự phòng bằng `{ $fallback }`, nhưng ngôn ngữ này chưa được khai báo
config_unknown-fallback_did-you-mean = có phải ý bạn là `{ $code }`? Ngôn ngữ dự phòng phải là một ngôn ngữ của trang
config_unknown-fallback_hint = ngôn ngữ dự phòng phải là một ngôn ngữ của trang: { $codes }
config_unknown-default-language = ngôn ngữ mặc định `{ $code }` không có trong `languages`
config_use-one-of = hãy dùng một trong các giá trị: { $values }
config_paginate-by-zero = `paginate_by` phải từ 1 trở lên
config_paginate-by-zero_hint = ví dụ: `paginate_by: 10`
config_unknown-taxonomy = mekong chưa hỗ trợ cách phân loại `{ $taxonomy }`
config_unknown-taxonomy_hint = hiện chỉ hỗ trợ `tags`: `taxonomies: [tags]`
config_bad-image-quality = `images.quality` phải nằm trong khoảng từ 1 đến 100
config_bad-image-quality_hint = nên dùng giá trị 80
config_bad-image-format = mekong không xuất được ảnh theo định dạng `{ $format }`
config_bad-image-format_hint = hãy dùng webp, jpeg hoặc png, định dạng tốt nhất ghi trước: `formats: [webp, jpeg]`
config_no-image-formats = `images.formats` đang để trống
config_no-image-formats_hint = hãy ghi ít nhất một định dạng: `formats: [webp, jpeg]`
config_bad-image-widths = `images.widths` phải liệt kê các chiều rộng từ 16 đến 8192 điểm ảnh
config_bad-image-widths_hint = ví dụ: `widths: [480, 960, 1600]`
config_theme-not-found = không tìm thấy giao diện `{ $theme }`: không có thư mục { $folder }
config_theme-not-found_hint = hãy đặt giao diện vào thư mục themes/TÊN, hoặc dùng giao diện có sẵn `theme: default`

# cms: ứng dụng biên tập.
config_bad-media-folder = `cms.media_folder: { $value }` không phải là một thư mục nằm trong static/
config_bad-media-folder_hint = hãy ghi một thư mục trong static/, ví dụ `media_folder: static/images`
config_unknown-cms-backend = `cms.backend.name: { $value }` không phải là máy chủ git mà ứng dụng biên tập hỗ trợ
config_unknown-cms-backend_hint = hãy dùng một trong các giá trị: { $values } (Forgejo ghi là `gitea`)

# units: các đơn vị viết bài cho cổng thông tin.
config_bad-unit-id = mã đơn vị `{ $id }` không phải là một mã ngắn hợp lệ
config_bad-unit-id_hint = hãy dùng chữ thường không dấu, chữ số và dấu gạch ngang, ví dụ `so-tttt` hoặc `ban-dan-toc`
config_unit-name-language = đơn vị `{ $id }` có tên bằng ngôn ngữ `{ $code }`, nhưng đây không phải là ngôn ngữ của trang
config_unit-name-language_did-you-mean = có phải ý bạn là `{ $code }`? Tên đơn vị được ghi theo từng ngôn ngữ của trang
config_unit-name-language_hint = hãy ghi tên theo các ngôn ngữ của trang: { $codes }
config_unit-without-default-name = đơn vị `{ $id }` chưa có tên bằng ngôn ngữ mặc định `{ $code }`
config_unit-without-default-name_hint = hãy ghi theo dạng `{ $id }: { "{" } { $code }: …, en: … { "}" }`
config_unit-name-not-id = hãy ghi mã của đơn vị: `{ $key }: { $id }` (tên đơn vị theo từng ngôn ngữ lấy từ mục `units:` trong site.yaml)
config_unknown-unit_did-you-mean = có phải ý bạn là `{ $id }`?
config_unknown-unit_hint = hãy dùng một trong các đơn vị đã khai báo trong site.yaml: { $ids }

# fonts: phông chữ Lào và Khmer xuất bản cùng trang.
config_bad-fonts = không có giá trị `fonts: { $value }`
config_bad-fonts_did-you-mean = có phải ý bạn là `fonts: { $value }`?
config_bad-fonts_hint = hãy ghi `fonts: embed` để xuất bản phông chữ Lào và Khmer cùng trang, hoặc `fonts: system` (mặc định) để dùng phông chữ có sẵn trên máy người đọc
config_fonts-unneeded = `fonts: embed` không có gì để nhúng: không ngôn ngữ nào của trang viết bằng chữ Lào hay chữ Khmer
config_fonts-unneeded_hint = hãy bỏ `fonts: embed`; các ngôn ngữ của trang được hiển thị bằng phông chữ có sẵn trên máy người đọc

# screens: màn hình tại cửa khẩu.
screens_bad-name = tên màn hình `{ $name }` không dùng làm tên thư mục được
screens_bad-name_hint = hãy dùng chữ thường không dấu, chữ số và dấu gạch ngang: `name: hoa-lu`
screens_twice = màn hình `{ $name }` được khai báo hai lần
screens_twice_hint = hãy đặt cho mỗi màn hình một tên riêng
screens_no-languages = màn hình `{ $name }` chưa có ngôn ngữ nào
screens_no-languages_hint = hãy liệt kê các ngôn ngữ màn hình lần lượt hiển thị: `languages: [vi, en, km]`
screens_did-you-mean = có phải ý bạn là `{ $value }`?
screens_unknown-language = màn hình `{ $name }` hiển thị `{ $code }`, nhưng đây không phải là ngôn ngữ của trang
screens_unknown-language_hint = hãy dùng các ngôn ngữ của trang: { $codes }
screens_bad-size = `size: { $value }` không phải là kích thước màn hình hợp lệ
screens_bad-size_hint = hãy ghi rộng×cao tính bằng điểm ảnh, từ 64 đến 8192: `size: 1920x1080`
screens_bad-seconds = `seconds: { $value }` không phải là thời gian hiển thị hợp lệ
screens_bad-seconds_hint = số giây cho mỗi trang chiếu, từ 2 đến 3600: `seconds: 10`
screens_bad-refresh = `refresh_minutes: { $value }` nằm ngoài khoảng cho phép
screens_bad-refresh_hint = từ 1 đến 1440 phút: `refresh_minutes: 10`
screens_shows-nothing = màn hình `{ $name }` chưa có gì để hiển thị
screens_shows-nothing_hint = hãy thêm `show:`, ví dụ `- section: tourism` hoặc `- projects: open`
screens_unknown-events = không có lựa chọn `events: { $value }`
screens_unknown-events_hint = hãy ghi `events: upcoming` (mỗi sự kiện được chiếu đến hết ngày cuối cùng)
screens_unknown-projects = không có lựa chọn `projects: { $value }`
screens_unknown-projects_hint = hãy ghi `projects: open` (các dự án đang kêu gọi đầu tư)
screens_show-picks = mỗi mục `show:` chỉ được chọn một nội dung; mục này đang chọn { $count }
screens_show-picks_hint = mỗi mục ghi một trong các dạng `section: TÊN`, `tag: TÊN`, `article: ĐƯỜNG-DẪN`, `events: upcoming`, `projects: open`
screens_bad-day = `{ $key }: { $value }` không phải là một ngày hợp lệ
screens_bad-day_hint = hãy ghi ngày theo dạng NĂM-THÁNG-NGÀY: `from: 2026-04-10`
screens_window-ends-before-start = thời gian chiếu kết thúc ({ $to }) sớm hơn thời gian bắt đầu ({ $from })
screens_window-ends-before-start_hint = hãy đổi chỗ `from` và `to`
screens_bad-weekday = `{ $value }` không phải là một ngày trong tuần
screens_bad-weekday_hint = hãy ghi mon, tue, wed, thu, fri, sat hoặc sun: `weekdays: [sat, sun]`
screens_bad-hours = `hours: { $value }` không phải là một khoảng giờ hợp lệ
screens_bad-hours_hint = hãy ghi GG:PP-GG:PP theo giờ địa phương của màn hình: `hours: "07:00-19:00"`
screens_sections-are = các chuyên mục: { $sections }
screens_no-section = màn hình `{ $screen }` hiển thị chuyên mục `{ $section }`, nhưng chuyên mục này không có
screens_not-an-article = màn hình `{ $screen }` hiển thị `{ $path }`, nhưng đây không phải là bài viết
screens_not-an-article_hint = hãy ghi tên tệp bài viết tính từ content/: `news/x.md`
screens_picks-nothing = màn hình `{ $screen }`: `show: { $show }` không chọn được bài nào bằng { $languages }
screens_picks-nothing_hint = hãy kiểm tra chuyên mục, thẻ hoặc bài viết được ghi, hoặc xóa mục này
screens_photo-left-out = màn hình `{ $screen }`: ảnh bị bỏ qua: { $why }
screens_photo-left-out_hint = hãy thay bằng một tệp JPEG, PNG hoặc WebP đầy đủ
screens_no-qr = màn hình `{ $screen }` không có mã QR: `base_url` chưa có tên miền
screens_no-qr_hint = hãy đặt `base_url: https://portal.example.org/` để mã QR trỏ được tới trang của bài viết
screens_font-whole = màn hình `{ $screen }`: một phông chữ được đăng nguyên cả tệp, không cắt gọn theo các chữ được hiển thị ({ $why })
screens_font-whole_hint = màn hình vẫn chạy bình thường; hãy báo lỗi này kèm tên phông chữ
screens_no-ticker = màn hình `{ $screen }`: thông điệp chữ chạy `{ $key }` chưa có bằng `{ $lang }`
screens_no-ticker_hint = hãy thêm `{ $key } = …` vào locales/{ $lang }/*.ftl
screens_cannot-zip = không tạo được screens/{ $name }.zip: { $error }
screens_cannot-zip_hint = hãy kiểm tra dung lượng ổ đĩa và thư mục lưu ảnh tạm (.mekong-cache/)

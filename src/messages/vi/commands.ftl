# `mekong new`: bài viết mới, hoặc bản dịch của một bài.
new_not-section-slug = `{ $path }` không có dạng CHUYÊN-MỤC/TÊN-BÀI
new_not-section-slug_hint = hãy viết, ví dụ: `mekong new tourism/thac-mo`
new_bad-path = `{ $path }` không phải là đường dẫn bài viết hợp lệ
new_bad-path_hint = hãy dùng chữ thường không dấu, nối các từ bằng dấu gạch ngang, ví dụ `{ $path }`
new_exists = tệp này đã có
new_exists_hint = hãy chọn tên bài (slug) khác, hoặc sửa tệp đã có
new_translation-exists_hint = hãy sửa tệp đó; `mekong i18n --lang { $lang }` liệt kê những gì còn phải dịch, còn bài viết mới thì cần một tên bài (slug) khác
new_cannot-read = không đọc được tệp: { $error }
new_cannot-write = không ghi được tệp: { $error }
new_unknown-language = `{ $lang }` không phải là ngôn ngữ của trang
new_unknown-language_hint = các ngôn ngữ của trang là { $codes }; muốn thêm một ngôn ngữ, hãy khai báo trong mục `languages:` của site.yaml (`- code: { $lang }`, kèm `name:` và `fallback:`), rồi chạy `mekong i18n --init { $lang }` để tạo các thông điệp cần dịch
new_unknown-language_did-you-mean = có phải bạn định viết `{ $code }`? Các ngôn ngữ của trang là { $codes }; muốn thêm một ngôn ngữ, hãy khai báo trong mục `languages:` của site.yaml (`- code: { $lang }`, kèm `name:` và `fallback:`), rồi chạy `mekong i18n --init { $lang }` để tạo các thông điệp cần dịch
new_no-section = không có chuyên mục `{ $section }` (không có thư mục content/{ $section }/)
new_no-section_hint = muốn mở chuyên mục mới, trước hết hãy tạo tệp content/{ $section }/_index.md
new_no-section_did-you-mean = có phải bạn định viết `{ $guess }`? Muốn mở chuyên mục mới, trước hết hãy tạo tệp content/{ $section }/_index.md
new_no-article = không có bài `{ $path }` ở ngôn ngữ nào, nên không có gì để dịch sang `{ $lang }`
new_no-article_hint = bản dịch được tạo từ một bài đã có: hãy viết bài bằng `{ $default }` trước với `{ $start }`, rồi dịch bằng `--lang`
new_no-article_did-you-mean = có phải bạn định viết `{ $command }`? Bản dịch được tạo từ một bài đã có; bài mới thì viết bằng `{ $default }` trước với `{ $start }`
new_wrote = đã tạo { $file } (bản nháp: xem trước bằng `mekong serve --drafts`; xóa dòng `draft: true` để đăng bài)
new_wrote-translation = đã tạo { $file }, bản sao của { $source } để dịch; bài là bản nháp cho tới khi dịch xong: xem trước bằng `mekong serve --drafts`, rồi xóa dòng `draft: true` để đăng bài
# Nội dung ban đầu của bài mới (Markdown; dòng cuối là chú thích HTML).
new_body_first = Viết nội dung bài ở đây. Đoạn đầu tiên là phần tóm tắt hiện trong danh sách bài.
new_body_heading = Tiêu đề mục
new_body_more = Nội dung tiếp theo.
new_body_links = Liên kết tới bài khác: [tên bài](@/CHUYÊN-MỤC/TÊN-BÀI.md); tới một mục trong bài: (@/CHUYÊN-MỤC/TÊN-BÀI.md#ma-muc)
# Ghi chú ở đầu bản dịch mới (mỗi dòng thành một dòng `# `).
new_translation-note =
    Dịch từ { $source }: hãy dịch tiêu đề (title), phần mô tả (description) và nội dung;
    ngày tháng, ảnh và thông tin dự án, địa điểm, sự kiện giữ nguyên.
# `mekong init`.
init_not-empty = { $folder } không trống: đang có { $name }
init_not-empty_hint = hãy chạy `mekong init` trong một thư mục trống (được phép có tệp ẩn như .git), hoặc chọn thư mục mới: `mekong init my-portal`
init_current-folder = thư mục hiện tại
init_folder = { $folder }
init_wrote = đã tạo cổng thông tin mới trong { $folder } ({ $files } tệp); tạo trang web bằng lệnh { $build }
# `mekong report` trên dòng lệnh.
report_from-after-to = `--from { $from }` nằm sau `--to { $to }`
report_from-after-to_hint = hãy đổi chỗ hai ngày: --from { $to } --to { $from }
report_bad-period = kỳ báo cáo không hợp lệ
report_bad-period_hint = hãy ghi { $forms }
report_xlsx-to-terminal = không thể in bảng tính ra cửa sổ lệnh
report_xlsx-to-terminal_hint = hãy đặt tên tệp: `mekong report --format xlsx -o bao-cao.xlsx`
report_unknown-unit = `--unit { $unit }` không phải là đơn vị có trong site.yaml
report_unknown-unit_did-you-mean = có phải bạn định viết `{ $unit }`?
report_unknown-unit_hint = các đơn vị trong site.yaml: { $units }
report_cannot-make-workbook = không tạo được bảng tính: { $error }
report_cannot-write = không ghi được báo cáo: { $error }
report_cannot-write_hint = hãy kiểm tra thư mục có tồn tại và có quyền ghi không
# `mekong i18n`: bảng cho người đọc (JSON và CSV giữ mã tiếng Anh).
i18n_unknown-language_hint = hãy dùng một trong các mã ngôn ngữ ở mục `languages:` của site.yaml
i18n_column_language = ngôn ngữ
i18n_column_translated = đã dịch
i18n_column_missing = chưa dịch
i18n_column_stale = cần cập nhật
i18n_column_missing-messages = thông điệp còn thiếu
i18n_column_unused = không dùng
i18n_kind_missing-article = bài chưa dịch
i18n_kind_stale = cần cập nhật
i18n_kind_missing-message = thông điệp thiếu
i18n_kind_unused-message = thông điệp không dùng
i18n_missing-article = { $file } (dịch từ { $source })
i18n_stale = { $file } (bài gốc { $source } sửa ngày { $source_changed }, bản dịch sửa ngày { $changed })
i18n_new-hint = `{ $command }` tạo bài còn thiếu này thành bản nháp sao từ bài gốc; với bài khác, ghi CHUYÊN-MỤC/TÊN-BÀI theo tên tệp hoặc theo địa chỉ URL của bài
# Thông điệp một ngôn ngữ phải lấy từ ngôn ngữ dự phòng (`check`, `build`).
i18n_gaps = `{ $lang }` còn thiếu { $count } thông điệp: { $ids }, … ({ $instead })
i18n_gaps_shown-instead = đang hiển thị { $langs } thay thế
i18n_gaps_no-fallback = các ngôn ngữ dự phòng cũng không có
i18n_gaps_hint = `mekong i18n --lang { $lang }` liệt kê các thông điệp này kèm văn bản gốc; với ngôn ngữ mới, `mekong i18n --init { $lang }` ghi tất cả vào locales/{ $lang }/site.ftl để dịch
i18n_gap = thông điệp `{ $id }` chưa có bằng `{ $lang }` và cả ở các ngôn ngữ dự phòng
i18n_gap_shown-instead = thông điệp `{ $id }` chưa có bằng `{ $lang }`; đang hiển thị bản `{ $from }` thay thế
i18n_gap_hint = hãy thêm `{ $id } = ...` vào một tệp .ftl trong locales/{ $lang }/
# `mekong i18n --init LANG`: tệp cho người dịch.
i18n_init-exists_hint = `mekong i18n --lang { $lang }` liệt kê các thông điệp còn thiếu, kèm văn bản gốc
i18n_init_header =
    Thông điệp bằng { $name } ({ $lang }), lấy từ các thông điệp { $default } của trang và giao diện.
    Mỗi thông điệp được để dưới dạng chú thích kèm văn bản { $default }: hãy xóa `# ` ở đầu các dòng,
    dịch phần văn bản sau dấu `=`, và giữ nguyên các biến `{"{"} $... {"}"}` và mã thông điệp.
    Thông điệp nào còn để dạng chú thích sẽ hiển thị bằng { $fallback }.
i18n_init_fallback = `{ $lang }`
i18n_init_no-fallback = (không có ngôn ngữ dự phòng)
i18n_init_from-theme = Của giao diện
i18n_init_from-site = Của trang
i18n_init_wrote = đã ghi { $file } với { $count } thông điệp cần dịch, để dưới dạng chú thích kèm văn bản { $default }
report_not-a-period = `{ $value }` không phải là một kỳ báo cáo: hãy ghi { $forms }
report_not-a-day = `{ $value }` không phải là một ngày: hãy ghi theo dạng NĂM-THÁNG-NGÀY, ví dụ 2026-05-20
report_period-forms = một năm (2026), nửa năm (2026-H1), một quý (2026-Q3), một tháng (2026-03), hoặc `--from 2026-01-01 --to 2026-06-30` thay cho `--period`

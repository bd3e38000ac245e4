# Dòng kết thúc của một lệnh.
summary_errors = { $count } lỗi
summary_warnings = { $count } cảnh báo
summary_failed = mekong: { $errors }, { $warnings }; chưa ghi tệp nào
summary_warned = mekong: { $warnings }
# `build`, `check`: những gì đã tạo. Số trang theo ngôn ngữ, rồi phần còn lại.
summary_what-was-built = { $pages } trang ({ $per_language }), { $more_pages } trang danh sách, thẻ, 404, dữ liệu mở và chuyển hướng, cùng { $files } tệp khác
summary_built = đã tạo { $what } trong { $seconds } giây vào thư mục { $folder } ({ $written } tệp ghi mới, { $unchanged } tệp không đổi)
summary_checked = đã kiểm tra { $what }: không có lỗi
summary_report-written = đã ghi { $file } (kỳ { $period })

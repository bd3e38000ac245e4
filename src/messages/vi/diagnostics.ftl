# Cách in một thông báo lỗi: các từ quanh nội dung.
diagnostic_error = lỗi
diagnostic_warning = cảnh báo
diagnostic_fix = cách sửa
diagnostic_hint = gợi ý: { $hint }
diagnostic_and-in = và ở { $places }
diagnostic_same-in = cũng gặp ở { $places }
diagnostic_more-files = { $count } tệp khác
diagnostic_more-places = { $count } chỗ khác

# Dòng kết thúc của một lệnh.
summary_errors = { $count } lỗi
summary_warnings = { $count } cảnh báo
summary_failed = mekong: { $errors }, { $warnings }; chưa ghi tệp nào
summary_warned = mekong: { $warnings }

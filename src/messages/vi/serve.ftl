# `mekong serve`: những gì lệnh báo khi chạy, và chữ hiện trong trình duyệt.
serve_serving = đang phục vụ { $root } tại { $url } (bấm Ctrl-C để dừng)
serve_stopped = đã dừng
serve_visible-to-network = cảnh báo: phục vụ trên { $address } thì mọi máy trong mạng của bạn đều xem được bản xem trước (kể cả bản nháp)
serve_built = đã tạo trang web trong { $ms } ms: ghi { $files } tệp
serve_rebuilt = đã tạo lại trong { $ms } ms: ghi { $files } tệp
serve_failed = tạo trang web không thành công sau { $ms } ms: { $errors } lỗi (máy chủ vẫn chạy; hãy sửa rồi lưu lại)
serve_cannot-listen = không mở được cổng { $address }: { $error }
serve_cannot-listen_hint = hãy chọn cổng khác bằng --port SỐ-CỔNG
serve_cannot-watch = không theo dõi được thư mục trang: { $error }
serve_watch-warning = cảnh báo: theo dõi tệp: { $error }
serve_overlay-heading = mekong: không tạo được trang web
serve_not-found = 404: không tìm thấy trang
serve_forbidden = 403: đường dẫn này nằm ngoài trang
# Ứng dụng biên tập (/admin/): bài đã lưu nhưng còn lỗi.
serve_saved-with-problems = đã lưu; khi tạo trang web phát hiện các lỗi sau (hãy sửa rồi lưu lại):
# Ghi chú trong thư mục kết quả của bản xem trước (.mekong-preview).
serve_preview-note =
    Thư mục này là kết quả của `mekong serve` (các trang trỏ tới { $url }).
    Không đăng thư mục này lên mạng: hãy chạy `mekong build` để tạo trang cần đăng.

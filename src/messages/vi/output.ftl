# Thư mục kết quả: mỗi lúc chỉ một tiến trình được ghi.
output_cannot-lock = không khóa được { $path } để ghi: { $error }
output_cannot-lock_hint = hãy kiểm tra quyền ghi vào thư mục chứa thư mục kết quả
output_since = , từ { $time } UTC, cách đây { $seconds } giây
output_holder_command = `{ $command }` (pid { $pid }
output_holder_mekong = mekong (pid { $pid }
output_holder_unknown = một tiến trình mekong khác (
output_busy = { $out } đang được ghi bởi { $who }{ $since }); mỗi lúc chỉ một tiến trình được ghi
output_busy_serve-pid = máy chủ xem trước đó ghi vào đây cho tới khi dừng: hãy dừng nó (bấm Ctrl-C trong cửa sổ lệnh của nó hoặc chạy `kill { $pid }`), hoặc ghi sang chỗ khác bằng --output THƯ-MỤC
output_busy_serve = máy chủ xem trước đó ghi vào đây cho tới khi dừng: hãy dừng nó (bấm Ctrl-C trong cửa sổ lệnh của nó), hoặc ghi sang chỗ khác bằng --output THƯ-MỤC
output_busy_hint = hãy chờ tiến trình đó chạy xong rồi chạy lại (khi đó thư mục sẽ chứa đầy đủ trang), hoặc ghi sang chỗ khác bằng --output THƯ-MỤC

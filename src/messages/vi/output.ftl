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
# Mỗi đường dẫn chỉ một tệp: hai kết quả cùng muốn một đường dẫn.
claims_alias-redirect = trang chuyển hướng của địa chỉ cũ { $alias } trong { $file }
claims_copied-file = { $file }
claims_theme-file = tệp /{ $path } của giao diện có sẵn
claims_generated-page = trang /{ $url } do mekong tạo ra
claims_generated-file = tệp /{ $path } do mekong tạo ra
claims_alias-taken = địa chỉ cũ { $alias } đã được dùng cho { $owner }
claims_alias-taken_hint = hãy xóa địa chỉ cũ này trong `aliases`, hoặc đổi sang một địa chỉ cũ mà chưa trang nào khác trên trang web dùng
claims_same-path = có hai tệp cùng được ghi vào /{ $path }: { $first } và { $second }
claims_file-and-folder = /{ $path } vừa là một tệp ({ $first }) vừa là thư mục chứa { $second }
claims_clash_hint = hãy đổi tên một trong hai, hoặc đổi `slug` hay `aliases` của trang

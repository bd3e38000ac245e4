# Thư mục kết quả: những chỗ mekong không ghi vào, và lý do.
write_serve-over-build = không ghi bản xem trước vào { $folder }: thư mục này chứa trang web chính thức (do `mekong build` tạo), còn các trang xem trước trỏ tới máy chủ xem trước, nên không được để lẫn với bản chính thức
write_serve-over-build_hint = hãy bỏ --output (khi đó serve ghi vào một thư mục tạm), hoặc dành cho serve một thư mục riêng, ví dụ --output preview
write_refuse = không tạo trang web vào { $folder }: { $why }
write_refuse_hint = hãy chọn thư mục khác bằng --output THƯ-MỤC (mặc định là public/ trong thư mục trang)
write_refuse_root = đây là thư mục gốc của hệ thống tệp
write_refuse_home = đây là thư mục cá nhân của bạn
write_refuse_site = thư mục này chứa chính trang web
write_refuse_inside = thư mục này nằm trong thư mục { $folder }/ của trang
write_refuse_file = đây là một tệp, không phải thư mục
write_not-mekongs = không tạo trang web vào { $folder }: thư mục này có tệp không do mekong ghi ra
write_not-mekongs_hint = hãy làm trống thư mục, chọn thư mục khác bằng --output, hoặc thêm --force để thay thế thư mục
write_strangers = không tạo trang web vào { $folder }: thư mục này có tệp không do mekong ghi ra: { $files }
write_strangers_hint = tệp nào cần đăng lên trang thì hãy đặt vào static/ (mỗi lần tạo trang đều được chép sang), hoặc thêm --force để thay thế thư mục
write_leaves-output = đường dẫn kết quả { $path } nằm ra ngoài thư mục kết quả
write_leaves-output_hint = hãy kiểm tra `aliases` và `slug` xem có `..` không
write_cannot = không { $action ->
    [read] đọc
    [create] tạo
    [move] chuyển
   *[write] ghi
} được { $path }: { $error }
write_cannot_hint = hãy kiểm tra dung lượng ổ đĩa và quyền ghi của thư mục
# Các tài liệu của chỉ mục tìm kiếm, giữ trong một tệp tạm khi các trang được tạo.
search_spill-unreadable = không đọc lại được các tài liệu của chỉ mục tìm kiếm từ tệp tạm của chúng: { $error }
search_spill-unreadable_hint = hãy kiểm tra dung lượng còn trống của thư mục tạm (TMPDIR, hoặc /tmp), hoặc đặt TMPDIR là một thư mục còn chỗ, rồi tạo lại trang

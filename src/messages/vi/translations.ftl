# Bản dịch của trang: các tệp Fluent trong locales/NGÔN-NGỮ/.
translation_not-a-language = các câu chữ cho `{ $lang }` bị bỏ qua, vì đây không phải là một ngôn ngữ của trang
translation_not-a-language_hint = hãy thêm ngôn ngữ này vào site.yaml, hoặc xóa thư mục này
translation_syntax = lỗi cú pháp Fluent: { $error }
translation_syntax_default-variant = phải có một phương án mặc định, đánh dấu bằng `*`: `*[other] ...`
translation_syntax_close-brace = hãy đóng dấu `{"{"}` bằng dấu `{"}"}` ngay trên cùng dòng
translation_syntax_hint = mỗi câu chữ được viết là `id = nội dung` trên một dòng; các dòng tiếp theo và các phương án phải thụt lề bằng dấu cách
translation_defined-twice = câu chữ `{ $id }` được khai báo hai lần: ở đây và ở { $first }
translation_defined-twice_hint = hãy xóa một trong hai chỗ khai báo; chỉ chỗ đầu tiên được dùng
translation_unknown-id = câu chữ `{ $id }` không có trong ngôn ngữ mặc định `{ $lang }`, nên không trang nào hiển thị
translation_unknown-id_did-you-mean = có phải ý bạn là `{ $id }`?
translation_unknown-id_hint = các mã câu chữ là các mã trong locales/{ $lang }/; câu chữ không được mẫu trang nào dùng thì sẽ không bao giờ hiển thị
translation_unknown-variable = câu chữ `{ $id }` dùng biến `${ $var }`, nhưng câu chữ tương ứng trong `{ $lang }` không có biến này, nên không điền được
translation_unknown-variable_did-you-mean = có phải ý bạn là `${ $var }`?
translation_unknown-variable_none = câu chữ trong `{ $lang }` không dùng biến nào; hãy viết nội dung mà không có `${ $var }`
translation_unknown-variable_hint = các biến được dùng là { $vars }

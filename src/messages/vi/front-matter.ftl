# Phần thông tin đầu bài: các dòng `khóa: giá trị` nằm giữa hai dòng `---`.
front-matter_wrong-type = `{ $key }` cần là { $expected }, nhưng hiện đang là { $actual }
front-matter_wrong-type_hint = hãy ghi { $expected }
front-matter_bad-date = `{ $key }: { $value }` không phải là một ngày hợp lệ
front-matter_bad-date_hint = hãy ghi ngày theo dạng NĂM-THÁNG-NGÀY, ví dụ 2026-12-01 (có thể ghi thêm giờ: 2026-12-01T09:30:00+07:00)
front-matter_not-a-block = `{ $key }` cần là một nhóm khóa, nhưng hiện đang là { $actual }
front-matter_not-a-block_hint = hãy ghi `{ $key }:` rồi xuống dòng, viết các khóa bên dưới và thụt lề vào
front-matter_did-you-mean = có phải ý bạn là `{ $key }`?
front-matter_known-keys = các khóa được dùng: { $keys }
front-matter_unknown-block-key = khóa `{ $key }` không có trong danh sách khóa được dùng
front-matter_not-closed = phần thông tin đầu bài chưa được đóng lại
front-matter_not-closed_hint = hãy thêm một dòng chỉ có `---` ngay sau dòng thông tin cuối cùng, trước phần nội dung bài
front-matter_not-key-value = phần thông tin đầu bài cần gồm các dòng `khóa: giá trị`, nhưng hiện đang là { $actual }
front-matter_not-key-value_hint = mỗi dòng ghi một `khóa: giá trị`, ví dụ `title: Núi Bà Rá`
front-matter_key-not-text = có một khóa trong phần thông tin đầu bài không phải là chữ
front-matter_key-not-text_hint = khóa là các từ như `title` hoặc `date`
front-matter_section-only-key = `{ $key }` chỉ dùng trong tệp `_index.md` của chuyên mục; ở đây khóa này bị bỏ qua
front-matter_section-only-key_hint = hãy chuyển dòng này sang tệp _index.md của chuyên mục
front-matter_unknown-key = khóa `{ $key }` không có trong danh sách khóa được dùng
front-matter_unknown-key_did-you-mean = có phải ý bạn là `{ $key }`? Khóa này đang bị bỏ qua
front-matter_unknown-key_hint = hãy xóa dòng này, hoặc đưa dữ liệu riêng vào mục `extra:`
front-matter_paginate-by-zero = `paginate_by` phải từ 1 trở lên
front-matter_paginate-by-zero_hint = ví dụ: `paginate_by: 10`
front-matter_empty-image = `image` đang để trống
front-matter_empty-image_hint = hãy ghi tên tệp ảnh, ví dụ `image: le-hoi.jpg`, hoặc xóa dòng này
front-matter_empty-tag = thẻ { $tag } không có chữ cái hay chữ số nào để tạo địa chỉ trang
front-matter_empty-tag_hint = hãy viết thẻ bằng chữ hoặc số, ví dụ `le-hoi`, hoặc xóa thẻ này
front-matter_bad-slug = `slug: { $slug }` phải là một đoạn địa chỉ duy nhất
front-matter_bad-slug_hint = hãy viết slug không có dấu `/`, ví dụ `nui-ba-ra`
front-matter_slug-no-letters = `slug: { $slug }` không có chữ cái hay chữ số nào để tạo địa chỉ trang
front-matter_slug-no-letters_hint = hãy viết slug bằng chữ hoặc số, ví dụ `nui-ba-ra`, hoặc xóa dòng `slug:` để dùng tên tệp
front-matter_long-slug = `slug: { $slug }` tạo ra một đoạn địa chỉ dài { $bytes } byte: mỗi đoạn là tên một thư mục, hệ thống tệp chỉ cho phép tối đa 255 byte (trong UTF-8 mỗi chữ tiếng Việt, Lào hay Khmer chiếm 2–3 byte)
front-matter_long-slug_hint = hãy viết slug ngắn hơn: vài từ (tối đa khoảng 80 chữ Lào hay Khmer), hoặc xóa dòng `slug:` để dùng tên tệp
front-matter_long-tag = thẻ `{ $tag }` tạo ra một đoạn địa chỉ dài { $bytes } byte: mỗi đoạn là tên một thư mục, hệ thống tệp chỉ cho phép tối đa 255 byte (trong UTF-8 mỗi chữ tiếng Việt, Lào hay Khmer chiếm 2–3 byte)
front-matter_long-tag_hint = hãy viết thẻ ngắn hơn: vài từ (tối đa khoảng 80 chữ Lào hay Khmer)

# Giá trị cần ghi ("`weight` cần là …").
expected_text = chữ
expected_tags = một danh sách từ khóa, ví dụ [cashew, fdi]
expected_bool = true (có) hoặc false (không)
expected_whole-number = một số nguyên, ví dụ 10
expected_aliases = một danh sách địa chỉ cũ, ví dụ ["/old/page/"]
expected_plan = một danh sách mã nhiệm vụ, ví dụ [ban-tin-doi-ngoai]
expected_sort-by = một trong các giá trị date, weight, title
expected_project-status = một trong các giá trị open, licensed, operating
expected_hectares = diện tích tính bằng héc-ta, ví dụ 120
expected_dollars = số tiền tính bằng đô-la Mỹ, ví dụ 45000000
expected_contact = một nhóm khóa gồm agency, email và phone
expected_coordinates = [vĩ độ, kinh độ] tính bằng độ, ví dụ [11.85, 106.97]

# Giá trị hiện có ("… nhưng hiện đang là một danh sách").
value_empty = để trống
value_bool = `{ $value }` (đúng/sai)
value_number = số `{ $value }`
value_text = chữ `{ $value }`
value_list = một danh sách
value_block = một nhóm khóa
value_tagged = một giá trị có gắn nhãn

# Các nhóm thông tin riêng: `project:`, `place:`, `event:`.
project_missing-key = còn thiếu `project.{ $key }`
project_missing-key_hint = hãy thêm dòng `{ $key }:` bên dưới `project:`
project_missing-status = còn thiếu `project.status`
project_missing-status_hint = hãy thêm dòng `status: open` (hoặc licensed, operating) bên dưới `project:`
project_negative = `project.{ $key }` không được là số âm
project_negative_hint = hãy ghi một số dương
project_unknown-sector = `{ $sector }` không phải là lĩnh vực của trang này
project_unknown-sector_did-you-mean = có phải ý bạn là `{ $sector }`? Các lĩnh vực gồm: { $sectors }
project_unknown-sector_hint = hãy dùng một trong các lĩnh vực: { $sectors } (hoặc thêm lĩnh vực mới vào mục `sectors:` trong site.yaml)
place_not-on-earth = tọa độ [{ $lat }, { $lon }] không nằm trên Trái Đất
place_not-on-earth_hint = hãy ghi [vĩ độ, kinh độ]: vĩ độ trước, trong khoảng từ -90 đến 90
event_missing-start = còn thiếu `event.start`
event_missing-start_hint = hãy thêm dòng `start: NĂM-THÁNG-NGÀY` bên dưới `event:`
event_ends-before-start = sự kiện kết thúc ({ $end }) trước khi bắt đầu ({ $start })
event_ends-before-start_hint = hãy xem lại ngày: `end` là ngày cuối cùng, phải trùng hoặc sau ngày `start`

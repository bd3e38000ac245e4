# Giao diện mặc định – chuỗi giao diện tiếng Việt.

## Điều hướng

nav-home = Trang chủ
nav-investment = Đầu tư
nav-tourism = Du lịch
nav-culture = Văn hóa
nav-news = Tin tức
skip-to-content = Chuyển đến nội dung chính
language-switcher = Ngôn ngữ

## Thông tin bài viết

published = Ngày đăng
updated = Cập nhật
tags = Thẻ
all-tags = Tất cả các thẻ
tag-title = Thẻ: { $name }
read-more = Xem tiếp
toc = Mục lục
reading-time = { $minutes ->
   *[other] { $minutes } phút đọc
}
articles-count = { $count ->
   *[other] { $count } bài viết
}
untranslated-notice = Bài viết này chưa có bản { $language }; nội dung được hiển thị bằng ngôn ngữ gốc, { $source }.

## Phân trang

previous-page = Trang trước
next-page = Trang sau
page-of = Trang { $current } / { $total }

## Lỗi và chuyển hướng

not-found-title = Không tìm thấy trang
not-found-text = Rất tiếc, trang bạn tìm không tồn tại hoặc đã được chuyển sang địa chỉ khác.
back-home = Về trang chủ
redirect-notice = Trang này đã chuyển sang địa chỉ mới. Nếu trình duyệt không tự chuyển, vui lòng bấm vào liên kết này.

## Nguồn tin

feed-title = { $site } – tin mới nhất
footer-feeds = Nguồn tin RSS/Atom

## Dự án đầu tư

project-sector = Lĩnh vực
project-location = Địa điểm
project-area = Diện tích
project-capital = Vốn đầu tư
project-status = Tình trạng
project-contact = Liên hệ
status-open = Đang kêu gọi đầu tư
status-licensed = Đã cấp phép
status-operating = Đang hoạt động
sector-industry = Công nghiệp
sector-agriculture = Nông nghiệp
sector-energy = Năng lượng
sector-logistics = Logistics
sector-tourism = Du lịch
sector-urban = Đô thị
sector-services = Dịch vụ

## Địa điểm và sự kiện

place-map = Xem trên OpenStreetMap
place-opening-hours = Giờ mở cửa
place-address = Địa chỉ
event-dates = Thời gian
event-venue = Địa điểm tổ chức
upcoming-events = Sự kiện sắp diễn ra
latest-news = Tin mới nhất

## Tìm kiếm

search-label = Tìm kiếm
search-placeholder = Tìm trên cổng thông tin…
search-no-results = Không tìm thấy kết quả phù hợp.
search-more = Thêm kết quả

## Bố cục và trang chủ

nav-main = Menu chính
menu = Danh mục
breadcrumb = Bạn đang ở
hero-cta-invest = Cơ hội đầu tư
hero-cta-visit = Khám phá du lịch
featured-projects = Dự án kêu gọi đầu tư nổi bật
destinations = Điểm đến
cultural-stories = Câu chuyện văn hóa
see-all = Xem tất cả
more-in-section = Cùng chuyên mục { $section }
no-articles = Chưa có bài viết.
no-events = Hiện chưa có sự kiện sắp diễn ra.
events-calendar = Thêm vào lịch (.ics)
open-data = Dữ liệu mở
project-filters = Lọc dự án
print-source = Nguồn
not-found-search = Hoặc tìm kiếm trên cổng thông tin:
not-found-explore = Khám phá cổng thông tin

## Screens: beside the QR code of a slide.
screen-scan = Quét để đọc tiếp

## Trang dữ liệu mở (/data/): tên và mô tả của từng bộ dữ liệu do mekong
## cung cấp (giống data/catalog.jsonld).
data-reuse = Được tải về và sử dụng lại miễn phí. Các tệp được cập nhật mỗi lần cổng thông tin được xuất bản.
data-license = Giấy phép
data-rows = { $count ->
   *[other] { $count } dòng
}
data-empty = Chưa có mục nào: các tệp vẫn được xuất bản với đủ cột nhưng chưa có dòng.
data-file = Tệp
data-format = Định dạng
data-size = Dung lượng
data-kb = { $size } kB
data-catalogs = Danh mục cho hệ thống thu thập
data-catalogs-text = Danh mục DCAT-AP của các bộ dữ liệu này (JSON-LD), để hệ thống thu thập của cơ sở dữ liệu quốc gia đọc, và siêu dữ liệu CSV on the Web mô tả các cột của từng tệp CSV.

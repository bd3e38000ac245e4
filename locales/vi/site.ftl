# Thông điệp riêng của cổng thông tin (ghi đè thông điệp của giao diện).

site-title = Cổng thông tin đối ngoại tỉnh Bình Phước
site-slogan = Bình Phước – Cửa ngõ xanh của miền Đông Nam Bộ
site-description = Thông tin chính thức về đầu tư, du lịch, văn hóa và hợp tác quốc tế của tỉnh Bình Phước, dành cho nhà đầu tư, du khách và các tỉnh bạn Lào, Campuchia.
footer-address = Sở Ngoại vụ tỉnh Bình Phước, Trung tâm Hành chính tỉnh, đường Trần Hưng Đạo, phường Tân Phú, thành phố Đồng Xoài, tỉnh Bình Phước
footer-contact = Điện thoại: (0271) 3 800 000 · Email: doingoai@binhphuoc.example.org

## Border-gate screens (site.yaml `screens:`): the ticker line under the slides.
screen-ticker-hoa-lu = Chào mừng quý khách đến Bình Phước qua cửa khẩu quốc tế Hoa Lư · Quét mã QR để đọc tiếp trên điện thoại
screen-ticker-lao = Bình Phước – Lào: hữu nghị, hợp tác nông nghiệp và thương mại hạt điều

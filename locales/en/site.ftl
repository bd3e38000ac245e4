# Portal-specific messages (override the theme's messages).

site-title = Binh Phuoc Province External Information Portal
site-slogan = Binh Phuoc – the green gateway of Southeast Vietnam
site-description = Official information on investment, tourism, culture and international cooperation in Binh Phuoc province, for investors, visitors and partner provinces in Laos and Cambodia.
footer-address = Department of Foreign Affairs of Binh Phuoc, Provincial Administrative Centre, Tran Hung Dao street, Tan Phu ward, Dong Xoai city, Binh Phuoc province, Vietnam
footer-contact = Phone: +84 271 3 800 000 · Email: doingoai@binhphuoc.example.org

## Border-gate screens (site.yaml `screens:`): the ticker line under the slides.
screen-ticker-hoa-lu = Welcome to Binh Phuoc through the Hoa Lu international border gate · Scan the QR code to read on your phone
screen-ticker-lao = Binh Phuoc – Laos: friendship, farming cooperation and the cashew trade

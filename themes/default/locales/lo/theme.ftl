# ທີມເລີ່ມຕົ້ນ – ຂໍ້ຄວາມສ່ວນຕິດຕໍ່ພາສາລາວ.

## ການນຳທາງ

nav-home = ໜ້າຫຼັກ
nav-investment = ການລົງທຶນ
nav-tourism = ການທ່ອງທ່ຽວ
nav-culture = ວັດທະນະທຳ
nav-news = ຂ່າວສານ
skip-to-content = ໄປຫາເນື້ອໃນຫຼັກ
language-switcher = ພາສາ

## ຂໍ້ມູນບົດຄວາມ

published = ເຜີຍແຜ່
updated = ປັບປຸງ
tags = ປ້າຍກຳກັບ
all-tags = ປ້າຍກຳກັບທັງໝົດ
tag-title = ປ້າຍກຳກັບ: { $name }
read-more = ອ່ານຕໍ່
toc = ສາລະບານ
reading-time = { $minutes ->
   *[other] ອ່ານ { $minutes } ນາທີ
}
articles-count = { $count ->
   *[other] { $count } ບົດຄວາມ
}
untranslated-notice = ບົດຄວາມນີ້ຍັງບໍ່ມີເປັນ{ $language }; ຈຶ່ງສະແດງເປັນພາສາຕົ້ນສະບັບ, { $source }.

## ການແບ່ງໜ້າ

previous-page = ໜ້າກ່ອນ
next-page = ໜ້າຕໍ່ໄປ
page-of = ໜ້າ { $current } ຈາກ { $total }

## ຂໍ້ຜິດພາດ ແລະ ການປ່ຽນເສັ້ນທາງ

not-found-title = ບໍ່ພົບໜ້ານີ້
not-found-text = ຂໍອະໄພ, ໜ້າທີ່ທ່ານຊອກຫາບໍ່ມີ ຫຼື ຖືກຍ້າຍໄປແລ້ວ.
back-home = ກັບຄືນໜ້າຫຼັກ
redirect-notice = ໜ້ານີ້ໄດ້ຍ້າຍໄປແລ້ວ. ຖ້າບໍ່ຖືກນຳໄປອັດຕະໂນມັດ, ກະລຸນາກົດລິ້ງນີ້.

## ຟີດຂ່າວ

feed-title = { $site } – ຂ່າວລ່າສຸດ
footer-feeds = ຟີດຂ່າວ

## ໂຄງການລົງທຶນ

project-sector = ຂະແໜງ
project-location = ທີ່ຕັ້ງ
project-area = ເນື້ອທີ່
project-capital = ທຶນລົງທຶນ
project-status = ສະຖານະ
project-contact = ຕິດຕໍ່
status-open = ເປີດຮັບການລົງທຶນ
status-licensed = ໄດ້ຮັບອະນຸຍາດແລ້ວ
status-operating = ກຳລັງດຳເນີນງານ
sector-industry = ອຸດສາຫະກຳ
sector-agriculture = ກະສິກຳ
sector-energy = ພະລັງງານ
sector-logistics = ໂລຈິສຕິກ
sector-tourism = ການທ່ອງທ່ຽວ
sector-urban = ພັດທະນາຕົວເມືອງ
sector-services = ການບໍລິການ

## ສະຖານທີ່ ແລະ ເຫດການ

place-map = ເປີດໃນ OpenStreetMap
place-opening-hours = ເວລາເປີດ
place-address = ທີ່ຢູ່
event-dates = ວັນທີ
event-venue = ສະຖານທີ່ຈັດງານ
upcoming-events = ເຫດການທີ່ຈະມາເຖິງ
latest-news = ຂ່າວລ່າສຸດ

## ຄົ້ນຫາ

search-label = ຄົ້ນຫາ
search-placeholder = ຄົ້ນຫາໃນເວັບໄຊ…
search-no-results = ບໍ່ພົບຜົນການຄົ້ນຫາ.
search-more = ຜົນການຄົ້ນຫາເພີ່ມເຕີມ

## ໂຄງຮ່າງ ແລະ ໜ້າຫຼັກ

nav-main = ເມນູຫຼັກ
menu = ເມນູ
breadcrumb = ທ່ານຢູ່ທີ່
hero-cta-invest = ໂອກາດການລົງທຶນ
hero-cta-visit = ວາງແຜນການທ່ອງທ່ຽວ
featured-projects = ໂຄງການລົງທຶນທີ່ໂດດເດັ່ນ
destinations = ຈຸດໝາຍປາຍທາງ
cultural-stories = ເລື່ອງລາວທາງວັດທະນະທຳ
see-all = ເບິ່ງທັງໝົດ
more-in-section = ເພີ່ມເຕີມໃນໝວດ { $section }
no-articles = ຍັງບໍ່ມີບົດຄວາມ.
no-events = ຕອນນີ້ຍັງບໍ່ມີເຫດການທີ່ຈະມາເຖິງ.
events-calendar = ເພີ່ມໃສ່ປະຕິທິນ (.ics)
open-data = ຂໍ້ມູນເປີດ
project-filters = ກັ່ນຕອງໂຄງການ
print-source = ແຫຼ່ງທີ່ມາ
not-found-search = ຫຼື ຄົ້ນຫາໃນເວັບໄຊ:
not-found-explore = ສຳຫຼວດເວັບໄຊ

## Screens: beside the QR code of a slide.
screen-scan = ສະແກນເພື່ອອ່ານຕໍ່

## Open data page (/data/). Not reviewed by a native reader.
data-reuse = ດາວໂຫຼດ ແລະ ນຳໃຊ້ຄືນໄດ້ໂດຍບໍ່ເສຍຄ່າ. ໄຟລ໌ຈະຖືກປັບປຸງທຸກຄັ້ງທີ່ເວັບໄຊຖືກເຜີຍແຜ່.
data-license = ໃບອະນຸຍາດ
data-rows = { $count ->
   *[other] { $count } ແຖວ
}
data-empty = ຍັງບໍ່ມີຂໍ້ມູນ: ໄຟລ໌ຖືກເຜີຍແຜ່ພ້ອມຖັນ ແຕ່ຍັງບໍ່ມີແຖວ.
data-file = ໄຟລ໌
data-format = ຮູບແບບ
data-size = ຂະໜາດ
data-kb = { $size } kB
data-catalogs = ລາຍການສຳລັບລະບົບເກັບກຳຂໍ້ມູນ
data-catalogs-text = ລາຍການ DCAT-AP ຂອງຊຸດຂໍ້ມູນເຫຼົ່ານີ້ (JSON-LD) ສຳລັບລະບົບເກັບກຳຂອງຖານຂໍ້ມູນແຫ່ງຊາດ, ແລະ ຂໍ້ມູນອະທິບາຍ CSV on the Web ທີ່ບອກຖັນຂອງທຸກໄຟລ໌ CSV.

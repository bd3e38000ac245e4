# ស្បែកលំនាំដើម – ខ្សែអក្សរចំណុចប្រទាក់ជាភាសាខ្មែរ។

## ការរុករក

nav-home = ទំព័រដើម
nav-investment = ការវិនិយោគ
nav-tourism = ទេសចរណ៍
nav-culture = វប្បធម៌
nav-news = ព័ត៌មាន
skip-to-content = រំលងទៅខ្លឹមសារ
language-switcher = ភាសា

## ព័ត៌មានអត្ថបទ

published = បានផ្សព្វផ្សាយ
updated = បានធ្វើបច្ចុប្បន្នភាព
tags = ស្លាក
all-tags = ស្លាកទាំងអស់
tag-title = ស្លាក៖ { $name }
read-more = អានបន្ត
toc = មាតិកា
reading-time = { $minutes ->
   *[other] អាន { $minutes } នាទី
}
articles-count = { $count ->
   *[other] អត្ថបទ { $count }
}
untranslated-notice = អត្ថបទនេះមិនទាន់មានជា{ $language }នៅឡើយទេ។ វាត្រូវបានបង្ហាញជាភាសាដើម គឺ{ $source }។

## ការបែងចែកទំព័រ

previous-page = ទំព័រមុន
next-page = ទំព័របន្ទាប់
page-of = ទំព័រ { $current } នៃ { $total }

## កំហុស និងការបញ្ជូនបន្ត

not-found-title = រកមិនឃើញទំព័រ
not-found-text = សូមអភ័យទោស ទំព័រដែលអ្នកកំពុងស្វែងរកមិនមាន ឬត្រូវបានផ្លាស់ទីហើយ។
back-home = ត្រឡប់ទៅទំព័រដើម
redirect-notice = ទំព័រនេះបានផ្លាស់ទីហើយ។ ប្រសិនបើអ្នកមិនត្រូវបានបញ្ជូនបន្តដោយស្វ័យប្រវត្តិ សូមចុចតំណនេះ។

## ព័ត៌មានតាមដាន

feed-title = { $site } – ព័ត៌មានថ្មីៗ
footer-feeds = ព័ត៌មានតាមដាន (Feed)

## គម្រោងវិនិយោគ

project-sector = វិស័យ
project-location = ទីតាំង
project-area = ផ្ទៃដី
project-capital = ទុនវិនិយោគ
project-status = ស្ថានភាព
project-contact = ទំនាក់ទំនង
status-open = កំពុងអញ្ជើញវិនិយោគ
status-licensed = បានទទួលអាជ្ញាប័ណ្ណ
status-operating = កំពុងដំណើរការ
sector-industry = ឧស្សាហកម្ម
sector-agriculture = កសិកម្ម
sector-energy = ថាមពល
sector-logistics = ភស្តុភារ
sector-tourism = ទេសចរណ៍
sector-urban = អភិវឌ្ឍន៍ទីក្រុង
sector-services = សេវាកម្ម

## ទីកន្លែង និងព្រឹត្តិការណ៍

place-map = បើកក្នុង OpenStreetMap
place-opening-hours = ម៉ោងបើក
place-address = អាសយដ្ឋាន
event-dates = កាលបរិច្ឆេទ
event-venue = ទីកន្លែងរៀបចំ
upcoming-events = ព្រឹត្តិការណ៍ខាងមុខ
latest-news = ព័ត៌មានថ្មីៗ

## ស្វែងរក

search-label = ស្វែងរក
search-placeholder = ស្វែងរកក្នុងវិបផតថល…
search-no-results = រកមិនឃើញលទ្ធផលទេ។
search-more = លទ្ធផលបន្ថែម

## ប្លង់ និងទំព័រដើម

nav-main = ម៉ឺនុយចម្បង
menu = ម៉ឺនុយ
breadcrumb = អ្នកនៅទីនេះ
hero-cta-invest = ឱកាសវិនិយោគ
hero-cta-visit = រៀបចំដំណើរកម្សាន្ត
featured-projects = គម្រោងវិនិយោគលេចធ្លោ
destinations = គោលដៅទេសចរណ៍
cultural-stories = រឿងរ៉ាវវប្បធម៌
see-all = មើលទាំងអស់
more-in-section = បន្ថែមទៀតក្នុងផ្នែក { $section }
no-articles = មិនទាន់មានអត្ថបទនៅឡើយទេ។
no-events = បច្ចុប្បន្នមិនទាន់មានព្រឹត្តិការណ៍ខាងមុខទេ។
events-calendar = បន្ថែមទៅប្រតិទិន (.ics)
open-data = ទិន្នន័យបើកចំហ
project-filters = ត្រងគម្រោង
print-source = ប្រភព
not-found-search = ឬស្វែងរកក្នុងវិបផតថល៖
not-found-explore = ស្វែងយល់ពីវិបផតថល

## Screens: beside the QR code of a slide.
screen-scan = ស្កេនដើម្បីអានបន្ត

## Open data page (/data/). Not reviewed by a native reader.
data-reuse = អាចទាញយក និងប្រើប្រាស់ឡើងវិញដោយឥតគិតថ្លៃ។ ឯកសារត្រូវបានធ្វើបច្ចុប្បន្នភាពរាល់ពេលដែលគេហទំព័រត្រូវបានផ្សព្វផ្សាយ។
data-license = អាជ្ញាប័ណ្ណ
data-rows = { $count ->
   *[other] { $count } ជួរ
}
data-empty = មិនទាន់មានទិន្នន័យនៅឡើយ៖ ឯកសារត្រូវបានផ្សព្វផ្សាយជាមួយជួរឈរ ប៉ុន្តែមិនទាន់មានជួរដេកទេ។
data-file = ឯកសារ
data-format = ទម្រង់
data-size = ទំហំ
data-kb = { $size } kB
data-catalogs = កាតាឡុកសម្រាប់ប្រព័ន្ធប្រមូលទិន្នន័យ
data-catalogs-text = កាតាឡុក DCAT-AP នៃសំណុំទិន្នន័យទាំងនេះ (JSON-LD) សម្រាប់ប្រព័ន្ធប្រមូលរបស់មូលដ្ឋានទិន្នន័យជាតិ និងទិន្នន័យមេតា CSV on the Web ដែលពិពណ៌នាអំពីជួរឈរនៃឯកសារ CSV នីមួយៗ។

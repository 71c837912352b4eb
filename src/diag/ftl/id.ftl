# Pesan warta untuk petugas, dalam bahasa Indonesia (bahasa utama).
#
# Setiap id pesan adalah kode diagnostik (`error[kolom-tidak-dikenal]`) dan
# sama di semua bahasa; en.ftl harus punya id dan argumen yang sama persis
# (diuji oleh `diag::catalog_tests`). Istilah tetap: berkas (file), baris
# (line), kolom (field of a record, like a column of a spreadsheet), folder,
# halaman (page),
# gambar (image), tautan (link), templat (template), catatan (record), nilai
# (value). Nama bidang dan nilai ditulis seperti di berkas, di antara `…`.

## Label dalam tampilan diagnostik

label-help = saran
label-note = catatan
more-not-shown = … dan { $rest } lagi ({ $errors } error, { $warnings } peringatan) tidak ditampilkan: perbaiki yang di atas dulu
did-you-mean = maksud Anda `{ $suggestion }`?
## YAML: kesalahan penulisan

yaml-second-document = dokumen kedua mulai di sini: baris `---` atau `...` mengakhiri data di atasnya
yaml-second-document-help = hapus baris itu; berkas data berisi satu daftar atau satu catatan, dan di berkas Markdown bagian depan (front matter) berakhir di `---` yang kedua
yaml-tab = baris ini menjorok dengan tab
yaml-tab-help = menjoroklah dengan spasi saja: YAML tidak menerima tab (atur editor Anda agar menulis spasi saat tombol Tab ditekan)
yaml-space-after-colon = `{ $key }:` harus diikuti spasi
yaml-space-after-colon-help = beri spasi sesudah titik dua
yaml-space-after-colon-not-tab = beri spasi sesudah titik dua, bukan tab
yaml-quote-not-closed = tanda kutip `{ $quote }` di sini tidak pernah ditutup
yaml-quote-not-closed-help = tambahkan `{ $quote }` penutup di akhir nilai (tanda kutip selalu berpasangan); jika teksnya berlanjut ke beberapa baris, buat baris-baris itu lebih menjorok daripada nama kolom
yaml-bad-escape = `{ $sequence }` tidak boleh ditulis di dalam tanda kutip ganda
yaml-bad-escape-help = di dalam tanda kutip ganda, garis miring terbalik memulai karakter khusus (`\n`, `\"`): tulis garis miring terbalik sebagai `\\`, atau gunakan tanda kutip tunggal
yaml-invisible-character = baris ini berisi karakter tak terlihat `{ $character }`
yaml-invisible-character-help = hapus karakter itu (biasanya ikut terbawa saat teks disalin dari pengolah kata atau halaman web)
yaml-glued-value = spasi tidak ada sesudah `{ $key }:`
yaml-glued-value-help = tulis `{ $key }: { $value }`: YAML memerlukan spasi antara titik dua dan nilainya
yaml-colon-in-value = nilai ini berisi `: `, yang dibaca YAML sebagai awal kolom lain
yaml-quote-whole-value = beri tanda kutip pada seluruh nilai: { $line }
yaml-stray-item = butir daftar (`- `) ini tidak berada di bawah kolom yang berisi daftar
yaml-stray-item-help = tulis nama kolom sendirian di barisnya (`tags:`), lalu setiap butir di bawahnya, menjorok (`  - plm`); kolom-kolom sebuah catatan tidak diawali `- `
yaml-flow-indent = baris-baris `{ $open }…{ $close }` yang dibuka di baris { $line } harus lebih menjorok daripada { $holder }
yaml-flow-indent-help = { $place }; atau tulis satu `- butir` per baris
yaml-list-not-closed = daftar yang dibuka dengan `[` di sini tidak pernah ditutup
yaml-list-not-closed-help = tutup dengan `]` di baris yang sama (misalnya `tags: [a, b]`); jika nilainya teks yang diawali `[`, beri tanda kutip
yaml-map-not-closed = `{"{"}` di sini tidak pernah ditutup
yaml-map-not-closed-help = tutup dengan `{"}"}` di baris yang sama; jika nilainya teks yang diawali `{"{"}`, beri tanda kutip
yaml-data-ended = data berakhir sebelum baris ini: baris `---` atau `...` mengakhirinya
yaml-data-ended-help = hapus baris `---` atau `...` di atas, atau beri tanda kutip pada nilai yang diawali `%`
yaml-unreadable-line = warta tidak dapat membaca baris ini (kata pembaca YAML: { $reader })
yaml-unreadable-line-help = periksa jarak menjorok (spasi, sama untuk setiap kolom satu catatan), beri spasi sesudah setiap `nama:`, dan beri tanda kutip pada nilai yang berisi `: ` atau diawali tanda baca
yaml-why-star = YAML membaca `*nama` sebagai salinan nilai yang ditandai `&nama`
yaml-why-ampersand = YAML membaca `&nama` sebagai nama untuk nilai itu dan tidak menyimpannya
yaml-why-bang = YAML membaca `!nama` sebagai penanda jenis
yaml-why-block = YAML membaca `|` dan `>` sebagai awal teks panjang di baris-baris berikutnya
yaml-why-dash = YAML membaca `- ` sebagai butir daftar
yaml-why-bracket = YAML membaca `[` sebagai awal daftar
yaml-why-brace = YAML membaca `{"{"}` sebagai awal catatan
yaml-why-question = YAML membaca `? ` sebagai kunci khusus
yaml-why-other = YAML memakai tanda ini untuk keperluannya sendiri
yaml-must-quote = teks yang diawali { $sign } harus diberi tanda kutip
yaml-must-quote-help = beri tanda kutip: { $line } ({ $why })
yaml-must-quote-block-help = beri tanda kutip: { $line } ({ $why }); untuk teks beberapa baris, tulis `{ $sign }` sendirian lalu teksnya di baris-baris berikutnya, menjorok
yaml-apostrophe-help = apostrof di dalam '…' ditulis dua kali (`''`); atau beri seluruh nilai tanda kutip ganda: `{ $line }`
yaml-single-quotes-help = beri seluruh nilai tanda kutip tunggal: `{ $line }`
yaml-quotes-help = beri tanda kutip pada seluruh nilai
yaml-after-quote = nilainya berlanjut sesudah tanda kutip penutup
yaml-this-item = `- ` ini
yaml-this-line = baris ini
yaml-label-key = `{ $key }:`
yaml-label-item = `- `
yaml-label-line = baris itu
yaml-item-above = `- ` di atasnya
yaml-above = { $what } di atasnya
yaml-indented-nothing-above = { $what } menjorok, tetapi tidak ada yang menampungnya di atas
yaml-start-at-margin = mulailah di tepi kiri
yaml-lined-up-with-items = { $what } sejajar dengan butir daftar (`- `) di atasnya, tetapi bukan butir
yaml-lined-up-with-items-help = awali dengan `- ` untuk menambah butir daftar, atau sejajarkan dengan kolom yang berisi daftar untuk menambah kolom catatan
yaml-not-lined-up = { $what } tidak sejajar dengan baris-baris kelompoknya
yaml-not-lined-up-help = setiap kolom sebuah catatan mulai di posisi yang sama, begitu pula setiap `- ` sebuah daftar
yaml-line-up-help = sejajarkan { $what } dengan { $other }: { $place }{ $new_record ->
    [yes] , atau mulai catatan baru dengan `- `
   *[no] {""}
}
yaml-misaligned = { $what } { $indent ->
    [0] mulai di tepi kiri
   *[other] menjorok { $indent } spasi
}, { $other } { $other_indent ->
    [0] mulai di tepi kiri
   *[other] menjorok { $other_indent } spasi
}
yaml-to-place = { $spaces ->
    [0] mulailah di tepi kiri
   *[other] beri { $spaces } spasi di depannya
}
yaml-key-too-long = nama kolom ini { $length } karakter; YAML membaca paling banyak 1024
yaml-key-too-long-help = nama kolom adalah kata pendek seperti `name`; jika ini nilai, tulis sesudah nama kolom (`note: …`)
yaml-block-not-indented = teks di bawah { $key } tidak menjorok
yaml-block-not-indented-help = buat setiap baris teks menjorok { $spaces } spasi, 2 lebih banyak daripada { $key }
yaml-no-colon = baris ini tidak punya `:` sesudah nama kolom
yaml-no-colon-help = tulis kolom sebagai `nama: nilai` (titik dua dan spasi sesudah nama); jika baris ini bagian dari teks kolom di atasnya, beri seluruh teks itu tanda kutip
yaml-alias-inside-anchor = `*{ $name }` dipakai di dalam nilai yang disalinnya
yaml-alias-inside-anchor-help = salinan `*{ $name }` hanya boleh muncul sesudah nilai bertanda `&{ $name }` selesai
field-written-twice = kolom `{ $field }` ditulis dua kali di catatan ini; simpan satu saja
field-written-twice-help = hapus salah satu dari dua baris `{ $field }:`, atau ganti namanya jika itu kolom lain
first-written-here = pertama kali ditulis di sini
yaml-too-deep = bersarang lebih dari { $depth } tingkat: warta membaca paling banyak { $depth } daftar dan catatan yang saling bersarang
yaml-too-deep-help = berkas warta paling banyak perlu 4 tingkat; cari `[` atau `{"{"}` yang tidak pernah ditutup, atau baris yang diawali `- ` makin lama makin banyak
yaml-value-too-long = nilai ini { $size }; satu nilai paling panjang { $limit }
yaml-value-longer-than = nilai ini lebih dari { $limit }; satu nilai paling panjang { $limit }
yaml-value-too-long-help = pendekkan; teks panjang tempatnya di isi halaman Markdown (di bawah `---` kedua), bukan di kolom. Jika nilainya seharusnya pendek, cari tanda kutip yang tidak pernah ditutup
yaml-too-many-values = berkas ini berisi lebih dari { $limit } nilai (kolom, teks, butir daftar); warta membaca paling banyak sejumlah itu dari satu berkas
yaml-too-many-values-help = pecah menjadi beberapa berkas (untuk perpustakaan: satu berkas per provinsi)
yaml-more-values-than = lebih dari { $limit } nilai
yaml-more-text-than = lebih dari { $limit } teks
yaml-copied-too-often = berkas ini terlalu sering memakai `*{ $name }`: jika ditulis lengkap, { $copies } salinannya menjadi { $what }, batas satu berkas
yaml-copied-too-often-help = tulis nilainya lengkap alih-alih menyalin dengan `*{ $name }`, atau kurangi salinannya (`&{ $name }` menandai nilai yang diulang setiap `*{ $name }`)
yaml-inline-list-too-long = daftar yang dibuka dengan `[` di sini tidak pernah ditutup, atau lebih panjang dari { $limit }
yaml-inline-map-too-long = catatan yang dibuka dengan `{"{"}` di sini tidak pernah ditutup, atau lebih panjang dari { $limit }
yaml-inline-too-long-help = tutup dengan `{ $close }`; daftar panjang lebih mudah dibaca sebagai satu `- butir` per baris

## Jenis nilai

expected-whole-number = bilangan bulat
expected-number = angka
expected-text = teks
expected-list = daftar
expected-boolean = `true` atau `false`
expected-record = catatan berisi kolom-kolom
expected-other = { $what }
found-something-else = nilai lain
missing-field = kolom wajib `{ $field }` tidak ada
missing-field-help = tambahkan baris `{ $field }: …` ke catatan ini
type-help-quotes = beri tanda kutip pada nilainya, misalnya `{ $field }: "…"`
type-help-list = tulis sebagai daftar, misalnya `{ $field }: [a, b]` atau satu `- butir` per baris
type-help-boolean = tulis `{ $field }: true` atau `{ $field }: false`
type-help-record = `{ $field }` berisi kolom-kolom bernama, satu `nama: nilai` per baris yang menjorok
type-help-number = tulis angka biasa tanpa tanda kutip, misalnya `{ $field }: 12`
type-help-check = periksa nilai `{ $field }`
wrong-type = jenis nilai `{ $field }` salah: seharusnya { $expected }, tertulis { $found }
invalid-value = nilai `{ $field }` tidak sah: seharusnya { $expected }, tertulis { $found }
wrong-length = jumlah butir di `{ $field }` salah: seharusnya { $expected }
field-problem = `{ $field }`: { $problem }
kind-nothing = kosong
kind-boolean = nilai benar/salah
found-empty = kosong (nilainya tidak diisi)
found-boolean = `{ $value }`
found-number = angka `{ $value }`
found-text = teks `{ $value }`
at-line = { $message } (baris { $line })
mapping-expected-lines = seharusnya baris-baris `judul kolom: kolom`, tertulis { $found }
mapping-header-not-text = judul kolom harus berupa teks, tertulis { $found }
mapping-expected-field-name = `{ $header }`: seharusnya nama kolom, tertulis { $found }
## Berkas

cannot-read-this-file = berkas ini tidak dapat dibaca: { $error }
text-file-too-large = berkas ini { $size }, lebih besar dari batas { $limit } untuk berkas teks
text-file-too-large-help = pecah menjadi berkas-berkas yang lebih kecil (untuk perpustakaan: satu berkas per provinsi), dan taruh unduhan besar di `static/`
not-utf8 = berkas ini bukan teks UTF-8: bita { $byte } tidak dapat dibaca
not-utf8-help = simpan berkas dengan pengodean UTF-8 (di Notepad atau Excel: Simpan Sebagai → Encoding: UTF-8); berkas yang diekspor sebagai Windows-1252 merusak huruf seperti `é`
## Catatan dan kolom

what-libraries = perpustakaan
what-provinces = provinsi
what-regencies = kabupaten/kota
what-awards = penghargaan
what-reports = laporan
what-site-settings = data/site.yaml
what-front-matter = bagian depan (front matter)
file-empty-list = berkas ini kosong; seharusnya berisi daftar { $what }
file-empty-list-help = tulis setiap { $what } sebagai butir yang diawali `- `, atau hapus berkas ini
expected-list-of = seharusnya daftar { $what }, tertulis { $found }
expected-list-of-help = awali setiap catatan dengan `- ` (tanda minus dan spasi) di tepi kiri
too-many-problems = berkas ini punya lebih dari { $limit } masalah; warta berhenti memeriksanya
checking-stopped-here = pemeriksaan berhenti di sini
too-many-problems-help = perbaiki masalah di atas dulu; biasanya penyebabnya satu, misalnya jarak menjorok yang salah atau nama kolom salah ketik yang berulang di setiap catatan
record-empty = { $what } kosong
record-empty-help = isi kolom-kolom { $what }, misalnya `title: …`
glued-key-help = spasi tidak ada sesudah `{ $key }:`: tulis `{ $key }: { $value }`
expected-record-help = tulis catatan sebagai baris-baris `nama: nilai` yang menjorok, misalnya `{ $field }: …`, satu kolom per baris
expected-record-found = seharusnya catatan berisi kolom-kolom, tertulis { $found }
fields-allowed-here = kolom yang boleh di sini: { $fields }
unknown-field = kolom `{ $field }` tidak dikenal
site-yaml-missing = data/site.yaml tidak ada: situs memerlukan pengaturannya
site-yaml-missing-help = buat data/site.yaml yang berisi paling sedikit `title: …` dan `base_url: https://…`
data-file-missing = { $file } tidak ada
data-file-missing-help = salin dari situs contoh: berkas itu berisi daftar wilayah resmi Kemendagri
folder-missing = folder `{ $folder }/` tidak ada di { $root }
folder-missing-help = jalankan warta di folder situs, atau beri `--root FOLDER`
cannot-read = { $path } tidak dapat dibaca: { $error }
file-in-no-section = { $file }: berkas ini tidak termasuk bagian mana pun
did-you-mean-data-file = maksud Anda `{ $file }`? (nama berkas data berakhiran `.yaml`)
data-files-read = warta hanya membaca { $files }
post-too-deep-help = taruh tulisan langsung di `content/{ $folder }/`, atau di bundel halaman `content/{ $folder }/<slug>/index.md`
did-you-mean-folder = maksud Anda folder `{ $folder }`?
markdown-folders-help = berkas Markdown tempatnya di `content/berita/`, `content/kisah/`, `content/plm/` atau langsung di `content/`
markdown-empty = berkas ini kosong
front-matter-missing = berkas ini tidak punya bagian depan (front matter)
front-matter-missing-help = awali berkas dengan baris `---`, lalu kolom-kolomnya (`title: …`, `date: YYYY-MM-DD`, …), lalu baris `---` lagi; `warta new` menuliskannya untuk Anda
front-matter-not-closed = bagian depan (front matter) tidak ditutup
front-matter-not-closed-help = tambahkan baris `---` sesudah kolom terakhir, sebelum teks halaman
## Tema

theme-not-found = tema `{ $theme }` tidak ditemukan: tidak ada folder themes/{ $theme }/
theme-not-found-help = tulis `theme: default` di data/site.yaml, atau buat folder temanya
theme-no-strings = tema `{ $theme }` tidak punya teks tampilan untuk bahasa `{ $language }` (themes/{ $theme }/i18n/{ $language }.yaml)
theme-no-strings-help = tulis `language: id` atau `language: en` di data/site.yaml, atau tambahkan berkas itu ke tema
template-not-utf8 = { $file } bukan teks UTF-8
template-not-utf8-help = simpan templat dengan pengodean UTF-8
## Gambar

image-not-found = gambar `{ $image }` tidak ditemukan (dipakai oleh { $page })
image-not-found-help = taruh berkas gambar di `{ $path }`, atau perbaiki namanya
image-cache-folder = folder simpanan gambar { $folder } tidak dapat dibuat: { $error }
social-card-failed = kartu media sosial { $card }: { $error }
image-named = gambar `{ $image }`
image-used-by = gambar `{ $image }` (dipakai oleh { $pages })
image-used-by-more = gambar `{ $image }` (dipakai oleh { $pages } dan { $more } lainnya)
image-missing = { $image } tidak ada
image-unreadable = { $image } tidak dapat dibaca: { $error }
image-not-an-image = { $image } bukan gambar: bukan berkas JPEG, PNG, atau WebP
image-unsupported = { $image } berformat yang tidak dapat diubah ukurannya oleh warta ({ $format })
image-too-large-pixels = { $image } berukuran { $width }×{ $height } piksel ({ $megapixels } megapiksel), terlalu besar untuk diolah dengan aman
image-too-large = { $image } terlalu besar untuk diolah dengan aman
image-damaged = { $image } rusak atau tidak lengkap: { $error }
image-changed = { $image } berubah saat situs sedang dibangun
image-missing-help = kembalikan berkasnya ke `{ $path }`, atau ubah rujukan ke berkas itu
image-unreadable-help = periksa izin akses berkas, lalu bangun lagi
image-format-help = simpan gambar sebagai JPEG (foto) atau PNG (gambar, logo) dan rujuk berkas itu
image-too-large-help = kecilkan menjadi paling besar 8000 piksel di sisi terpanjang (foto ponsel sekitar 4000×3000) lalu simpan lagi
image-damaged-help = buka gambarnya dan simpan lagi, atau salin lagi dari kamera atau ponsel
image-changed-help = bangun lagi setelah berkas selesai disimpan
also-used-here = juga dipakai di sini
## Halaman dan keluaran

page-address-too-long = alamat halaman `{ $url }` terlalu panjang untuk disimpan sebagai berkas
page-address-too-long-help = pendekkan nama berkas, slug, atau tag pembentuknya (paling banyak { $limit } bita untuk setiap bagian alamat)
page-address-collision = dua halaman akan diterbitkan di alamat yang sama `{ $url }`
page-address-collision-help = beri salah satunya nama berkas atau slug lain
cannot-write = `{ $path }` tidak dapat ditulis: { $error }
## Markdown: tautan dan HTML

unsafe-address = { $what ->
    [image] gambar
   *[link] tautan
} `{ $address }` tidak aman: warta tidak menerbitkan alamat `{ $scheme }:`
unsafe-address-help = tulis alamat web (`https://…`), `mailto:…`, `tel:…`, jalur di situs ini (`/berita/…`, `gambar/foto.jpg`), `#bagian`, atau tautan konten (`@/berita/slug.md`)
heading-attribute = atribut judul `{ $attribute }` tidak diizinkan
heading-attribute-help = judul hanya boleh diberi id dan kelas, misalnya `## Jadwal {"{"}#jadwal .penting{"}"}`
unsafe-html-address = alamat tidak aman di HTML `{ $attribute }="{ $value }"`: warta tidak menerbitkan alamat `{ $scheme }:`
html-script-attribute = atribut HTML `{ $attribute }` tidak diizinkan: atribut itu menjalankan skrip
html-script-attribute-help = hapus atribut itu: konten tidak boleh membawa skrip ke halaman atau umpan berita
html-element = elemen HTML `<{ $element }>` tidak diizinkan di konten
html-element-help = hapus elemen itu: konten tidak boleh membawa skrip ke halaman atau umpan berita, atau mengubah tujuan tautannya
broken-link = tautan internal `{ $link }` rusak: tidak ada halaman terbit dari berkas itu
broken-link-help = tautan internal menyebut berkas di bawah content/, misalnya `@/berita/slug.md`, `@/plm/slug.md` atau `@/tentang.md`
expected-one-of = seharusnya salah satu dari: { $values }
## Templat (untuk pembuat tema)

template-syntax-error-in = kesalahan penulisan templat di { $template }: { $error }
template-error-in = kesalahan templat di { $template }: { $error }
template-error = kesalahan templat: { $error }
in-template = { $template }: { $message }
extends-not-a-template = `{"{"}% extends %{"}"}` menyebut `{ $name }`, yang bukan templat
templates-circle = templat-templat saling { $how ->
    [extend] memperluas
   *[include] menyertakan
} secara melingkar: { $chain }
templates-circle-help = hapus salah satu tag `{"{"}% { $how } %{"}"}` di lingkaran itu
theme-has-no-template = tema `{ $theme }` tidak punya templat `{ $template }`
theme-has-no-template-help = tambahkan templates/{ $template } ke situs atau ke themes/{ $theme }/templates/
template-ends-inside-tag = templat berakhir di dalam `{"{{"} … {"}}"}` atau `{"{"}% … %{"}"}`
template-ends-inside-tag-help = tutup dengan `{"}}"}` atau `%{"}"}`
template-syntax-error = kesalahan penulisan templat: { $error }
template-syntax-error-help = setiap `{"{{"}` perlu `{"}}"}`-nya dan setiap `{"{"}%` perlu `%{"}"}`-nya; tag ditulis `{"{"}% if … %{"}"}`, `{"{"}% for x in … %{"}"}`, `{"{"}% include "…" %{"}"}`
template-tags-help = tag yang ada: `if`/`elif`/`else`, `for`, `block`, `extends`, `include`, `set`, `filter`, `raw`, `component`, `break` dan `continue`
unknown-tag = tag `{"{"}% { $tag } %{"}"}` tidak dikenal
tag-misplaced = `{"{"}% { $tag } %{"}"}` tidak pada tempatnya: tag yang terbuka di sini `{ $open }`
opened-here = dibuka di sini
tag-misplaced-help = `{ $tag }` tempatnya di dalam `{"{"}% if %{"}"}` … `{"{"}% endif %{"}"}`{ $tag ->
    [else] {" "}atau `for`
   *[other] {""}
}; tutup `{"{"}% { $open } %{"}"}` dulu dengan `{"{"}% { $close } %{"}"}`
tag-closes-nothing = `{"{"}% { $tag } %{"}"}` tidak menutup apa pun
tag-closes-nothing-help = hapus, atau tambahkan `{"{"}% { $open } … %{"}"}` yang ditutupnya sebelumnya
tag-not-closed = `{ $tag }` tidak ditutup
tag-comes-first = `{"{"}% { $tag } %{"}"}` muncul lebih dulu
tag-not-closed-before-help = tambahkan `{"{"}% { $end } %{"}"}` di akhir bagian `{ $tag }`, sebelum `{"{"}% { $other } %{"}"}` di baris { $line }
tag-not-closed-help = tambahkan `{"{"}% { $end } %{"}"}` di akhir bagian `{ $tag }`
variable-no-value = `{ $name }` tidak bernilai di sini
variable-no-value-help = periksa dulu: `{"{"}% if { $name } is defined %{"}"}…{"{"}% endif %{"}"}`
template-variables-help = templat halaman ini punya: { $names }
variable-not-defined = `{ $name }` tidak didefinisikan
template-fields-help = `{ $owner }` punya: { $fields }; periksa dulu kolom yang mungkin tidak ada: `{"{"}% if { $field } %{"}"}`
test-field-first-help = periksa dulu: `{"{"}% if { $field } %{"}"}`
missing-argument = `{ $function }` memerlukan argumen `{ $argument }`
missing-argument-help = tulis sebagai `{ $function }({ $argument }=…)`
filter-wrong-kind = `{ $value }` di sini berupa { $got }, padahal yang diperlukan { $want }
filter-wrong-kind-help = beri filter jenis nilai yang diterimanya, misalnya `| round` angka, `| upper` teks
check-values-help = periksa nilai-nilai yang dipakai di sini
template-error-in-call = kesalahan templat di `{ $call }`: { $error }
check-call-help = periksa apa yang diberikan kepada `{ $function }(…)` di sini
template-error-at = kesalahan templat di `{ $at }`: { $error }
check-values-filters-help = periksa nilai-nilai yang dipakai di sini dan filter yang dilaluinya: setiap filter menerima jenis nilai tertentu
included-from-here = disertakan dari sini
unknown-template-name = { $kind ->
    [filter] filter
    [function] fungsi
   *[test] uji
} `{ $name }` tidak dikenal
template-names-help = { $kind ->
    [filter] filter
    [function] fungsi
   *[test] uji
} yang ada: { $names }
include-not-a-template = `{"{"}% include %{"}"}` menyebut `{ $name }`, yang bukan templat
block-not-in-parent = blok `{ $block }` tidak ada di templat yang diperluas templat ini
block-not-in-parent-help = templat yang memperluas templat lain hanya dapat mengisi blok-bloknya
fix-template-here = perbaiki templat di sini
template-name-help = tambahkan templates/{ $template } ke situs, atau sebut salah satu templat tema (themes/{ $theme }/templates/)
or-delete-override = { $help }; atau hapus { $template } agar templat tema dipakai lagi
## Panjang teks

limit-id = id atau nama berkas
limit-id-hint = cukup beberapa kata yang disambung tanda hubung, misalnya `perpusdes-loram-wetan`
limit-page-name = nama berkas halaman
limit-page-name-hint = cukup beberapa kata dari judul yang disambung tanda hubung
limit-tag = tag atau tema
limit-tag-hint = tag cukup satu atau dua kata, misalnya `perpustakaan-desa`
limit-key = nama jejaring
limit-key-hint = tulis nama pendek jejaringnya, misalnya `facebook` atau `instagram`
limit-name = nama
limit-name-hint = tulis nama seperti biasa ditulis; rinciannya tempatnya di `summary`
limit-title = judul
limit-title-hint = buat judul singkat; sisanya di `summary` atau di teks
limit-alt = teks alternatif
limit-alt-hint = satu atau dua kalimat cukup; uraian panjang tempatnya di teks
limit-address = alamat
limit-address-hint = tulis jalan, nomor, desa, dan kecamatan; petunjuk arah tempatnya di `summary`
limit-summary = ringkasan
limit-summary-hint = dua atau tiga kalimat cukup; sisanya tempatnya di teks
limit-note = catatan
limit-note-hint = buat catatan sepanjang satu paragraf pendek
limit-url = alamat
limit-url-hint = pakai alamat pendek halaman itu, tanpa parameter pelacakan
limit-email = alamat surel
limit-email-hint = tulis satu alamat, misalnya `perpus@example.id`
limit-phone = nomor telepon
limit-phone-hint = tulis satu atau dua nomor, misalnya `(0291) 123456`
text-too-long = `{ $field }` panjangnya { $length } karakter; { $what } paling panjang { $limit }
text-too-long-help = pendekkan { $over } karakter: { $hint }
## Aturan catatan

thing-province-code = kode provinsi
thing-province-slug = slug provinsi
thing-regency-code = kode kabupaten/kota
thing-library-id = id perpustakaan
thing-alias = id lama (alias)
thing-award-place = peringkat penghargaan
thing-award-category = kategori penghargaan
thing-report-id = id laporan
thing-news-slug = slug berita
thing-story-slug = slug kisah
thing-event-slug = slug kegiatan
thing-page-slug = slug halaman
duplicate = { $what } `{ $key }` ganda
first-defined-here = pertama kali ditulis di sini
duplicate-help = setiap { $what } harus unik: ganti salah satunya
slug-help = pakai huruf kecil a–z, angka, dan tanda hubung, misalnya `perpusdes-loram-wetan`
slug-fixed-help = pakai huruf kecil, angka, dan tanda hubung saja: `{ $slug }`
not-a-slug = { $what } `{ $value }` bukan slug yang sah
tag-slug-help = tulis { $what ->
    [theme] tema
   *[tag] tag
} dengan huruf kecil a–z dan angka, kata-kata disambung tanda hubung, misalnya `perpustakaan-desa`
tag-slug-fixed-help = tulis `{ $slug }`: huruf kecil, angka, dan tanda hubung, supaya semua halaman dengan { $what ->
    [theme] tema
   *[tag] tag
} ini terdaftar di satu halaman
tag-not-a-slug = { $what ->
    [theme] tema
   *[tag] tag
} `{ $value }` bukan slug
not-a-web-address = `{ $field }` harus alamat web yang diawali https://, tertulis `{ $value }`
not-a-web-address-help = tulis alamat lengkapnya, misalnya `{ $field }: https://…`
image-no-alt = gambar tidak punya teks `{ $field }_alt`
image-no-alt-help = tambahkan `{ $field }_alt: …` yang menjelaskan gambar untuk pembaca yang tidak dapat melihatnya
unknown-key = kunci `{ $key }` di `{ $field }` tidak dikenal
allowed-keys = kunci yang boleh: { $keys }
language-not-supported = bahasa `{ $language }` tidak didukung
language-not-supported-help = tulis `language: id` (bahasa Indonesia) atau `language: en` (bahasa Inggris)
per-page-zero = `per_page` paling sedikit 1
per-page-zero-help = misalnya `per_page: 10`
province-code-shape = kode provinsi `{ $code }` bukan dua angka
province-code-shape-help = pakai kode Kemendagri dalam tanda kutip, misalnya `code: "33"`
regency-code-shape = kode kabupaten/kota `{ $code }` tidak berbentuk PP.RR
regency-code-shape-help = pakai kode Kemendagri dalam tanda kutip, misalnya `code: "33.19"`
regency-code-province = kabupaten/kota `{ $regency }` berkode { $code } tetapi provinsinya `{ $province }`
regency-code-province-help = kode provinsi adalah dua angka pertama: `province: "{ $code }"`
not-an-email = `{ $value }` bukan alamat surel
not-an-email-help = tulis seperti `perpus@example.id`
location-outside = lokasi { $lat }, { $lon } berada di luar Indonesia
location-swapped-help = lat dan lon tampaknya tertukar: `lat` angka yang kecil (misalnya -6.8), `lon` yang besar (misalnya 110.8)
location-outside-help = salin koordinat dari peta: `lat` sekitar -11 sampai 6, `lon` sekitar 95 sampai 141
kpi-not-public = riwayat KPI satu perpustakaan tidak diterbitkan oleh program
kpi-not-public-help = jika angka-angka ini bukan dari sumber terbuka, tambahkan `illustrative: true`
rank-zero = `rank` mulai dari 1
rank-zero-help = tulis `rank: 1` untuk pemenang
page-name-not-slug = nama { $kind ->
    [folder] folder
   *[file] berkas
} `{ $name }` bukan slug URL yang sah
page-rename-help = ganti nama { $kind ->
    [folder] folder
   *[file] berkas
} menjadi `{ $name }`
page-name-too-long = nama { $kind ->
    [folder] folder
   *[file] berkas
} ini { $length } karakter; nama halaman paling panjang { $limit }
page-rename-hint-help = ganti nama { $kind ->
    [folder] folder
   *[file] berkas
} menjadi `{ $name }`: { $hint }
event-needs-place = kegiatan perlu tempat: `venue`, `city`, atau `online: true`
event-needs-place-help = tambahkan `venue: Hotel …` dan `city: …`, atau `online: true`
## Karakter tak terlihat

invisible-reorders = karakter itu mengubah urutan tampilan teks di sekitarnya
invisible-differs = karakter itu tidak terlihat, tetapi membuat teks yang tampak sama dianggap berbeda
invisible-noncharacter = itu sama sekali bukan karakter: umpan berita (feed) yang memuatnya tidak dapat dibaca
invisible-hidden = { $count ->
    [1] ada karakter tak terlihat tersembunyi di sini: { $names }
   *[other] ada { $count } karakter tak terlihat tersembunyi di sini: { $names }
}
invisible-hidden-help = hapus { $count ->
    [1] karakter tak terlihat { $names }
   *[other] { $count } karakter tak terlihat ini
}: { $effect }; jika teksnya disalin dari halaman web atau dokumen, ketik ulang
invisible-written = `{ $source }` menulis karakter tak terlihat: { $name }
invisible-written-help = hapus `{ $source }`: { $effect }
## Tanggal dan rujukan

date-shape = `{ $date }` bukan tanggal berbentuk YYYY-MM-DD
date-month = `{ $date }` berbulan { $month }; bulan dari 01 sampai 12
date-day = `{ $date }` bukan hari yang ada: bulan itu tidak punya tanggal { $day }
in-draft = dalam draf: { $message }
invalid-date = `{ $field }` tidak sah: { $problem }
invalid-date-help = tulis tanggal sebagai `{ $field }: 2022-08-02` (tahun-bulan-tanggal)
reference-empty = `{ $field }` kosong
reference-empty-help = tulis { $what } yang dirujuk, atau hapus baris ini
reference-draft = { $what } `{ $key }` masih draf, jadi tidak diterbitkan
reference-draft-help = terbitkan (hapus `draft: true`) atau hapus rujukan ini
unknown-reference = { $what } `{ $key }` tidak dikenal
image-outside-site-help = sebut berkas di dalam situs: di samping halaman, atau di bawah `static/` dengan jalur yang diawali `/`
image-file-not-found = gambar `{ $image }` tidak ditemukan
future-date = tanggalnya { $date }, di masa depan, tetapi bukan draf
future-date-help = tulisan ini akan langsung terbit; tambahkan `draft: true` untuk menahannya, atau perbaiki tanggalnya
award-library-province = perpustakaan `{ $library }` tidak berada di provinsi `{ $province }`
award-library-province-help = penghargaan provinsi diberikan kepada perpustakaan di provinsi itu: periksa `library` dan `province`
unknown-event-level = tingkat kegiatan `{ $level }` tidak dikenal
event-ends-before-start = kegiatan berakhir ({ $end }) sebelum dimulai ({ $start })
event-ends-before-start-help = tukar `start` dan `end`, atau perbaiki salah satunya
unknown-regency-kind = jenis kabupaten/kota `{ $kind }` tidak dikenal
unknown-regency-kind-help = tulis `kind: kabupaten` atau `kind: kota`
unknown-library-level = tingkat perpustakaan `{ $level }` tidak dikenal
unknown-kpi-category = kategori KPI `{ $category }` tidak dikenal
kpi-category-help = { $suggestion } (tinggi = hijau, sedang = kuning, rendah = merah)
regency-in-other-province = { $regency } berada di provinsi `{ $other }`, bukan di { $province }
regency-in-other-province-help = perbaiki menjadi `province: { $other }`, atau sebut kabupaten/kota di { $province }
list-or = { $first } atau { $rest }
regency-ambiguous = `{ $regency }` bisa berarti { $choices }
regency-ambiguous-help = tulis nama resminya dengan `Kabupaten` atau `Kota`, atau tulis kodenya
regency-name-help = tulis nama resmi kabupaten atau kota di { $province }, misalnya `{ $example }`
unknown-regency = kabupaten/kota `{ $regency }` tidak dikenal di { $province }
ref-province = provinsi
ref-library = perpustakaan
ref-event = kegiatan
ref-regency = kabupaten/kota
## Perintah: check dan build

stage-reading = membaca konten dan data
stage-checking = memeriksa konten dan data
stage-planning-images = merencanakan gambar
stage-rendering = membuat halaman
stage-feeds = umpan berita dan berkas pendamping
stage-search = indeks pencarian
stage-images = membuat ukuran-ukuran gambar
stage-writing = menulis situs
site-summary = { $provinces } provinsi, { $regencies } kabupaten/kota, { $libraries } perpustakaan, { $posts } berita, { $stories } kisah, { $events } kegiatan, { $pages } halaman, { $awards } penghargaan, { $reports } laporan
check-failed = warta check: { $errors } error, { $warnings } peringatan di { $files } berkas; tidak ada yang diterbitkan
check-ok = warta check: baik, { $warnings } peringatan: { $site }, { $pages } halaman ({ $files } berkas, { $ms } md)
output-unchanged = { $folder } tidak berubah
output-not-made = { $folder } tidak dibuat
build-failed = warta build: { $errors } error; tidak ada yang ditulis, { $output }
build-nothing-published = warta build: tidak ada yang diterbitkan
build-not-published = warta build: tidak ada yang diterbitkan; { $output }
cannot-stage = folder sementara untuk hasil tidak dapat dibuat: { $error }
cannot-publish = hasil tidak dapat dipasang: { $error }
build-ok = warta build: { $pages } halaman ({ $kinds }), { $others } berkas lain, { $assets } aset, { $images } berkas gambar ({ $made } dibuat, { $cached } dari simpanan), { $megabytes } MB di { $output } ({ $ms } md)
## Folder hasil

output-refused = situs tidak akan ditulis ke `{ $folder }`: { $why }
output-pick-help = pilih folder baru untuk hasil situs, misalnya `--out public` (bawaan)
output-is-link = folder itu tautan simbolik
output-is-link-help = beri folder sebenarnya yang dituju tautan itu, atau folder baru
output-is-file = itu berkas yang sudah ada, bukan folder
output-is-site = itu folder situs sendiri
output-holds-site = folder itu berisi berkas-berkas situs sendiri
output-inside-source = folder itu berada di dalam folder `{ $folder }` situs
output-foreign = folder itu tidak kosong dan tidak dibuat oleh warta (build mengganti seluruh isi folder)
output-foreign-help = pilih folder baru atau kosong; jika itu hasil warta versi lama, hapus sekali lalu build lagi
## warta serve

overlay-title = warta: situs ini punya error
overlay-intro = Halaman ini hasil build terakhir yang berhasil. Perbaiki berkasnya lalu simpan: halaman akan dimuat ulang sendiri.
serve-bad-bind = `--bind { $bind }` bukan alamat IP; pakai 127.0.0.1 (hanya komputer ini) atau misalnya 0.0.0.0 (semua jaringan)
serve-port-in-use = port { $port } di { $ip } sudah dipakai (apakah ada `warta serve` lain yang berjalan?); hentikan atau pilih port lain dengan `--port`
serve-port-not-allowed = tidak diizinkan memakai port { $port } di { $ip }; port di bawah 1024 perlu hak khusus, pilih port lain dengan `--port`
serve-not-this-computer = { $ip } bukan alamat komputer ini; pakai `--bind 127.0.0.1`
serve-cannot-listen = tidak dapat mendengarkan di { $ip } port { $port }: { $error }
serve-cannot-watch = perubahan di { $folder } tidak dapat dipantau ({ $error }); situs tidak akan dibangun ulang sendiri
serve-public = mendengarkan di { $ip }, tidak hanya di komputer ini: siapa pun yang dapat menjangkaunya di port { $port } dapat melihat situs. Pakai `--bind 127.0.0.1` agar tetap pribadi.
serve-serving = warta serve: menyajikan { $folder } di { $url } (Ctrl+C untuk berhenti)
serve-watching = warta serve: memantau perubahan di { $folders }
serve-drafts = warta serve: draf ikut diterbitkan (--drafts); `warta build` tidak menyertakannya
serve-search-rebuilt = warta serve: indeks pencarian dibangun ulang dalam { $ms } md
serve-built = dibangun
serve-changed = { $files }{ $more ->
    [0] {""}
   *[other] {" "}dan { $more } lainnya
} berubah
serve-full-build = build penuh ({ $why })
serve-partial-build = build sebagian
serve-rebuilt = warta serve: { $what }: { $scope }, { $pages } halaman, { $changed } berkas berubah dalam { $ms } md ({ $detail })
serve-failed = warta serve: { $what }: { $errors } error; situs terakhir yang berhasil tetap disajikan ({ $ms } md)
## warta new

new-created = dibuat: { $file }
new-title-too-long = judulnya { $length } karakter; judul paling panjang { $limit }
new-title-too-long-help = pendekkan di { $file } sebanyak { $over } karakter: { $hint }
new-fill-in = isi kolom-kolomnya, lalu jalankan `warta check`
new-no-file-name = nama berkas tidak dapat dibuat dari judul `{ $title }`
new-no-file-name-help = pakai huruf atau angka di judul, misalnya `warta new berita "PLM Jawa Tengah 2022"`
new-no-content = { $root } tidak punya folder content/
new-file-in-the-way = { $file } adalah berkas, padahal di situ warta menyimpan folder { $folder }/
new-file-in-the-way-help = ganti nama atau pindahkan { $file }, lalu jalankan `warta new` lagi
new-title-invisible = judulnya berisi karakter tak terlihat, { $name } (karakter ke-{ $position } judul)
new-title-invisible-help = hapus karakter tak terlihat { $name }: ketik ulang judulnya, jangan ditempel
new-exists = { $file } sudah ada
new-exists-help = pilih judul lain, atau sunting berkas itu
new-cannot = { $doing ->
    [create] folder
   *[write] berkas
} { $file } tidak dapat { $doing ->
    [create] dibuat
   *[write] ditulis
}: { $why }
fs-not-allowed = Anda tidak diizinkan menulis di situ
fs-not-allowed-help = periksa bahwa folder situs milik Anda dan tidak hanya-baca
fs-disk-full = disk penuh
fs-disk-full-help = kosongkan sebagian disk, lalu coba lagi
fs-not-a-folder = ada berkas di tempat yang seharusnya folder
fs-not-a-folder-help = pindahkan berkas itu
fs-bad-name = nama itu tidak diizinkan di sini
fs-bad-name-help = pilih judul yang lebih pendek atau lebih sederhana
fs-other-help = periksa folder situs, lalu coba lagi
## warta import dan export

import-failed = warta import: { $problems } masalah di { $sheet }; tidak ada yang ditulis
import-written = warta import: { $files } berkas ditulis dalam { $ms } md; jalankan `warta check` untuk melihat situs dengan data itu
import-nothing-changed = warta import: tidak ada yang diubah di data/
import-fix-site-first = warta: perbaiki dulu masalah-masalah ini di data/ (`warta check` mendaftarnya); tidak ada yang ditulis
import-nothing-written = warta: tidak ada yang ditulis
export-cannot-make = lembar kerja tidak dapat dibuat: { $error }
export-xlsx-stdout = buku kerja XLSX tidak dapat dikirim ke keluaran standar; beri --out BERKAS.xlsx
export-written = warta export: { $libraries } perpustakaan ditulis ke { $file }{ $illustrative ->
    [0] {""}
   *[other] {" "}({ $illustrative } contoh ilustrasi tidak disertakan)
}
i18n-lines-help = setiap baris berbentuk `kunci: teks`; beri tanda kutip pada teks yang berisi `: `
yaml-tag-help = beri tanda kutip pada nilainya: { $line }; YAML membaca `!{ $tag }` sebagai penanda jenis, yang tidak dipakai di berkas warta
yaml-anchor-help = beri tanda kutip pada nilainya: { $line }; YAML membaca `&{ $name }` sebagai nama untuk nilai itu dan tidak memasukkannya ke teks
tera-kind-text = teks
tera-kind-boolean = benar atau salah (true/false)
tera-kind-map = peta kunci dan nilai (map)
tera-kind-none = kosong (none)

## Editor sign-in, site icon and colours, theme strings, `updated`,
## hashed folders, video links, nesting, blank names, long lists
cms-backend-unknown = backend editor `{ $backend }` tidak dikenal
cms-repo-missing = backend editor `{ $backend }` memerlukan `repo`: petugas tidak akan bisa masuk
cms-repo-missing-help = tambahkan repositori sumber situs di bawah `cms:`, misalnya `repo: { $example }` (lihat panduan, "Menyiapkan ruang redaksi")
cms-repo-shape = `repo` harus berbentuk `pemilik/nama`, tertulis `{ $repo }`
cms-repo-shape-help = tulis pemilik dan nama repositori seperti pada alamatnya: `repo: { $example }`
cms-app-id-missing = backend editor `{ $backend }` memerlukan `app_id`, nomor aplikasi OAuth yang dipakai petugas untuk masuk
cms-app-id-missing-help = buat aplikasinya (lihat panduan, "Menyiapkan ruang redaksi") lalu tambahkan `app_id: <Application ID>` di bawah `cms:`
cms-gitea-base-url = backend editor `gitea` memerlukan `base_url`, alamat server Gitea
cms-gitea-base-url-help = tambahkan misalnya `base_url: https://gitea.example.id` di bawah `cms:`
icon-too-small = ikon `{ $icon }` berukuran { $width }×{ $height } piksel: terlalu kecil
icon-not-square = ikon `{ $icon }` berukuran { $width }×{ $height } piksel: tidak persegi
icon-help = pakai gambar PNG atau JPEG persegi paling kecil { $min }×{ $min } piksel (misalnya logo di atas latar polos), atau hapus `icon:` agar memakai ikon tema
page-in-hashed-folder = halaman `{ $page }` akan berada di dalam `{ $folder }`, folder berkas yang disimpan peramban selama setahun
page-in-hashed-folder-help = beri halaman itu slug lain
icon-failed = ikon situs: { $error }
updated-before-date = `updated` ({ $updated }) lebih awal daripada `date` ({ $date })
updated-before-date-help = `updated` adalah hari teks terakhir diubah: sama dengan `date` atau sesudahnya; hapus baris itu bila teksnya tidak pernah diubah
colour-invalid = `{ $field }` `{ $value }` bukan warna
colour-invalid-help = tulis `#` diikuti enam angka heksadesimal, misalnya `{ $field }: "#0b5563"` (dalam tanda kutip: tanpa kutip YAML membaca `#` sebagai awal komentar)
short-name-empty = `short_name` kosong
short-name-empty-help = tulis nama satu atau dua kata (paling banyak 12 huruf muat di bawah ikon), atau hapus barisnya
theme-strings-unreadable = { $file } tidak dapat dibaca: { $error }
theme-string-unknown = kata tampilan `{ $key }` tidak dikenal: tema `{ $theme }` tidak punya kunci dengan nama itu
theme-string-unknown-help = situs hanya dapat mengganti kata-kata milik tema; daftarnya ada di themes/{ $theme }/i18n/{ $language }.yaml
video-copy-again = salin lagi tautannya dari tombol Bagikan di video itu, atau tulis sebagai tautan biasa
video-no-id = tidak ada nomor video (`{ $form }`)
video-vimeo-id = `{ $id }` bukan nomor video Vimeo (hanya angka)
video-vimeo-key = `{ $key }` bukan kunci video Vimeo
video-youtube-id = `{ $id }` bukan nomor video YouTube (11 huruf, angka, `-` atau `_`)
video-start-time = waktu mulai `{ $time }` bukan detik atau `1h2m3s`
video-start-time-help = tulis waktu mulai dalam detik (`t=90`) atau menit dan detik (`t=1m30s`)
video-link-invalid = tautan video `{ $link }`: { $problem }
markdown-too-deep = teks di sini bersarang lebih dari { $levels } tingkat (kutipan, daftar, atau huruf tebal/miring di dalam satu sama lain)
markdown-too-deep-help = hapus `>`, tanda daftar, atau jorokan yang berlebih: kutipan atau daftar beberapa tingkat saja sudah cukup bagi pembaca
list-too-long = `{ $field }` berisi lebih dari { $max } butir
list-too-long-help = sisakan paling banyak { $max } butir di `{ $field }`: { $max } yang pertama itulah yang dilihat pembaca
name-empty = `{ $field }` kosong
name-empty-help = tulis { $what }: tanpa isi, `{ $field }` akan tampil sebagai judul atau tautan kosong

## warta import: masalah di lembar, baris dan selnya, serta laporannya

import-no-regions = situs ini tidak punya data provinsi atau kabupaten/kota untuk mencocokkan nama
import-no-regions-help = salin data/provinces.yaml dan data/regencies.yaml dari situs contoh
import-map-unreadable = berkas pemetaan tidak dapat dibaca: { $error }
import-in-sheet = lembar `{ $sheet }`: { $message }
import-choose-sheet = buku kerja ini berisi lembar { $sheets }: pilih lembar yang memuat tabel dengan --sheet NAMA; { $help }
import-choose-sheet-only = buku kerja ini berisi lembar { $sheets }: pilih lembar yang memuat tabel dengan --sheet NAMA
import-header-unknown = tidak diimpor, judul kolom tidak dikenali: { $headers }
import-header-unknown-help = jika kolom itu penting, petakan dalam sebuah berkas (`Judul kolom: bidang`, bidang: { $fields }) lalu beri --map BERKAS
import-map-no-column = lembar ini tidak punya kolom `{ $header }`
import-file-too-big = berkas ini akan berukuran { $kb } KB, melebihi batas { $limit } KB yang dibaca warta
import-file-too-big-help = bagi perpustakaan provinsi ini ke beberapa berkas di data/libraries/ (misalnya per kabupaten/kota) sebelum mengimpor
import-report-sheet = , lembar `{ $sheet }`
import-report-tab = tab
import-report-csv = , pemisah { $separator }, { $encoding }
import-report-summary = { $source }: { $rows } baris: { $added } ditambah, { $updated } diubah, { $unchanged } tetap
import-report-once-fixed = (setelah masalah-masalah di bawah diperbaiki; sampai saat itu tidak ada yang ditulis)
import-report-row = baris { $row }
import-report-added = ditambah
import-report-updated = diubah
import-report-none = (kosong)
import-report-unchanged = tetap
import-report-missing = tidak ada di lembar (dibiarkan seperti semula)
import-report-nothing = tidak ada yang perlu diubah
import-report-would-write = akan menulis { $path }
import-report-wrote = menulis { $path }
import-report-dry-run = uji coba (--dry-run): tidak ada yang ditulis
import-cannot-read = { $file } tidak dapat dibaca: { $error }
import-workbook-is-text = { $file } bukan buku kerja Excel: isinya teks biasa (diawali `{ $start }`)
import-workbook-is-text-help = jika itu berkas CSV, ganti namanya agar berakhiran .csv; jika bukan, buka di Excel lalu simpan lagi sebagai .xlsx
import-not-workbook = { $file } bukan buku kerja Excel (berkasnya rusak atau berjenis lain)
import-save-again = buka di Excel atau LibreOffice lalu simpan lagi sebagai .xlsx, atau ekspor sebagai .csv
import-sheet-on-csv = --sheet hanya untuk buku kerja, sedangkan { $file } adalah berkas CSV
import-sheet-on-csv-help = hilangkan --sheet
import-workbook-unreadable = { $file } tidak dapat dibaca sebagai buku kerja: { $error }
import-no-worksheet = { $file } tidak punya lembar kerja
import-did-you-mean-sheet = maksud Anda `--sheet "{ $sheet }"`?
import-sheets-are = lembar-lembarnya: { $sheets }
import-no-such-sheet = { $file } tidak punya lembar bernama `{ $sheet }`
import-sheet-unreadable = lembar `{ $sheet }` di { $file } tidak dapat dibaca: { $error }
import-bad-csv = { $file }:{ $row }: ini bukan CSV yang sah: { $error }
import-bad-csv-help = nilai yang berisi pemisah, tanda kutip, atau ganti baris harus diapit tanda kutip ganda ("…")
import-list-one = `{ $item }`
import-list-or = { $items } atau `{ $last }`
import-unknown-province = provinsi `{ $province }` tidak dikenal
import-unknown-province-help = tulis nama provinsi seperti di data/provinces.yaml, misalnya `Jawa Tengah`
import-did-you-mean = maksud Anda { $names }?
import-regency-elsewhere = { $regency } ada di Provinsi { $elsewhere }, bukan di { $province }
import-regency-elsewhere-help = ubah provinsinya menjadi `{ $elsewhere }`, atau tulis kabupaten/kota yang ada di { $province }
import-regency-ambiguous = `{ $regency }` bisa berarti { $names }
import-regency-ambiguous-help = tulis `Kabupaten …` atau `Kota …` (atau kodenya, misalnya `{ $code }`)
import-unknown-regency = kabupaten/kota `{ $regency }` tidak dikenal
import-unknown-regency-in = kabupaten/kota `{ $regency }` tidak dikenal di { $province }
import-unknown-regency-help = tulis nama resmi kabupaten/kota, misalnya `{ $example }`
import-unknown-regency-in-help = tulis nama resmi kabupaten/kota di { $province }, misalnya `{ $example }`
import-map-bad = berkas pemetaan ini tidak dapat dibaca: { $error }
import-map-bad-help = tulis satu baris per kolom: `Judul kolom seperti di lembar: bidang`, misalnya `Nama Perpus Desa: name`
import-fields-are = bidang yang ada: { $fields }
import-map-unknown-field = bidang `{ $field }` untuk kolom `{ $header }` tidak dikenal
import-sheet-empty = lembar ini kosong: tidak ada baris judul berisi nama kolom
import-no-header = baris judul tidak ditemukan: tidak satu pun baris pertama menyebut nama perpustakaan dan tempatnya (baris pertama berisi { $first })
import-no-header-help = baris judul harus menamai kolom-kolomnya, misalnya `Nama Perpustakaan`, `Provinsi`, `Kabupaten/Kota`, `Desa/Kelurahan`; untuk judul lain tulis berkas pemetaan (`Judul kolom: bidang`) lalu beri dengan --map
import-row-width = baris ini berisi { $cells } sel, padahal baris judul berisi { $width }
import-row-width-help = nilai yang berisi pemisah { $separator } harus diapit tanda kutip ganda ("…"); periksa apakah baris ini kurang atau kelebihan { $separator }
import-same-library = baris { $first } dan baris ini adalah perpustakaan yang sama, `{ $id }`
import-row-unnamed = baris ini tidak berisi nama perpustakaan maupun id
import-row-unnamed-help = isi `{ $name }` (atau `{ $id }`), atau hapus baris ini
import-row-ambiguous = `{ $name }` cocok dengan { $count } perpustakaan: { $ids }
import-fill-id-which = dengan id perpustakaan yang dimaksud baris ini: { $ids }
import-same-library-one-row = sisakan satu baris untuk setiap perpustakaan
import-same-library-help = jika keduanya satu perpustakaan, sisakan satu baris; jika dua perpustakaan, isi { $place } agar keduanya dapat dibedakan, atau { $fill }
import-fill-id-own = dengan id tersendiri di setiap baris (kata-kata huruf kecil yang dihubungkan tanda hubung)
import-fill-id = isi kolom `{ $header }` ({ $column }) { $what }
import-add-id = tambahkan kolom `ID` lalu isi { $what }
import-needs-name = nama perpustakaan (`{ $header }`)
import-needs-regency = kabupaten/kotanya (`{ $header }`)
import-needs-level = tingkatnya (`{ $header }`: Desa, Kelurahan, Kabupaten, Kota, atau Provinsi)
import-list-comma = { $first }, { $rest }
import-new-needs = perpustakaan baru memerlukan { $what }
import-new-needs-help = isi sel-sel itu, atau beri `{ $id }` perpustakaan yang sudah ada di data/ untuk memperbaruinya
import-cell-error = sel ini berisi galat lembar kerja `{ $error }`
import-cell-error-help = perbaiki rumusnya, atau ketik nilainya langsung
import-columns-disagree = kolom { $first } dan { $second } sama-sama mengisi `{ $field }`, dengan nilai berbeda (`{ $one }` dan `{ $other }`)
import-columns-disagree-help = kosongkan salah satunya, atau petakan salah satu kolom ke `ignore` dengan --map
import-bad-id = `{ $id }` bukan id perpustakaan: id adalah kata-kata huruf kecil yang dihubungkan tanda hubung, misalnya `perpusdes-maju-jaya`
import-bad-id-help = tulis `{ $slug }`, atau kosongkan sel agar id dibuat dari nama dan desanya (jika kolom ini berisi kode dari sistem lain, petakan ke `ignore` dengan --map)
import-unknown-level = tingkat perpustakaan `{ $level }` tidak dikenal
import-unknown-level-help = tulis Desa, Kelurahan, Kabupaten, Kota, atau Provinsi (misalnya `Perpustakaan Desa`)
import-not-year = `{ $value }` bukan tahun
import-not-year-help = tulis tahun perpustakaan bergabung, misalnya 2019
import-phone-number = nomor telepon tersimpan sebagai angka; ditulis sebagai `{ $phone }`
import-phone-number-help = atur format kolom itu menjadi Teks di lembar kerja agar angka 0 di depan tidak hilang
import-not-email = `{ $value }` bukan alamat surel
import-not-email-help = tulis seperti `perpus@example.id`
import-no-https = `{ $value }` tidak diawali `https://`; ditulis sebagai `{ $url }`
import-not-web = `{ $value }` bukan alamat web
import-not-web-help = tulis alamat lengkap yang diawali https://, misalnya `https://perpusdes.example.id`
import-location-half = lokasi memerlukan garis lintang dan garis bujur sekaligus
import-location-half-help = isi kedua sel, atau kosongkan keduanya
import-location-not-numbers = koordinatnya bukan angka
import-location-not-numbers-help = tulis dalam derajat desimal, misalnya lintang -6.8 dan bujur 110.8
import-location-swapped = lintang dan bujur tampaknya tertukar: lintang adalah angka kecil (misalnya -6.8), bujur angka besar (misalnya 110.8)
import-location-outside-help = salin koordinat dari peta: lintang sekitar -11 sampai 6, bujur sekitar 95 sampai 141
import-location-outside = lokasi { $lat }, { $lon } berada di luar Indonesia
import-not-count = `{ $value }` bukan bilangan cacah
import-not-count-help = tulis jumlah kegiatan sebagai bilangan bulat, misalnya 12
import-unknown-kpi-category = kategori KPI `{ $category }` tidak dikenal
import-unknown-kpi-category-help = tulis Tinggi (hijau), Sedang (kuning), atau Rendah (merah)
import-kpi-no-period = angka KPI memerlukan periodenya
import-kpi-no-period-help = tambahkan kolom `Periode KPI` (misalnya 2024 atau 2024-S1) lalu isi di baris ini
import-move-no-regency = baris ini memindahkan `{ $id }` ke { $province }, tetapi tidak menyebut kabupaten/kotanya di sana
import-move-no-regency-help = isi `Kabupaten/Kota` untuk provinsi yang baru
import-kpi-no-category = KPI periode { $period } memerlukan kategorinya
import-kpi-no-category-help = isi `Kategori KPI`: Tinggi, Sedang, atau Rendah

## Baris perintah (`--help` dan kesalahan penggunaan)

cli-about = Pembuat situs statis untuk program perpustakaan TPBIS
cli-usage = Penggunaan
cli-commands = Perintah
cli-arguments = Argumen
cli-options = Pilihan
cli-help = Tampilkan bantuan
cli-version = Tampilkan versi
cli-root = Folder situs (berisi data/, content/, static/, themes/).
cli-messages = Cara menampilkan masalah: rich (cuplikan sumber, berwarna) atau plain (`berkas:baris:kolom: error: …`). Bawaan: rich di terminal.
cli-lang = Bahasa pesan warta: id (Indonesia) atau en (Inggris). Bawaan: `language` situs di data/site.yaml, selain itu id.
cli-build = Bangun situs ke folder keluaran.
cli-build-out = Folder keluaran, diganti seluruhnya hanya jika pembangunan berhasil.
cli-drafts = Terbitkan juga draf.
cli-build-base-url = Pakai alamat ini, bukan `base_url` dari data/site.yaml (untuk pratinjau: `--base-url "$DEPLOY_PRIME_URL"`).
cli-check = Periksa situs dan laporkan setiap masalah; tidak menulis apa pun.
cli-check-drafts = Periksa seolah-olah draf diterbitkan.
cli-serve = Bangun, sajikan di 127.0.0.1, bangun ulang dan muat ulang saat ada perubahan.
cli-serve-port = Port tempat situs disajikan.
cli-serve-bind = Alamat tempat situs disajikan.
cli-serve-open = Buka situs di peramban.
cli-serve-drafts = Terbitkan juga draf, seperti `build --drafts`.
cli-new = Tulis berkas Markdown baru dengan bagian depan (front matter) sudah terisi.
cli-new-section = berita, kisah, plm (kegiatan) atau halaman.
cli-new-title = Judulnya; nama berkas (URL) dibuat dari judul ini.
cli-import = Impor data dari lembar kerja (XLSX atau CSV) ke data/.
cli-import-libraries = Tambah atau perbarui perpustakaan mitra dari lembar kerja: satu berkas per provinsi di data/libraries/. Tidak pernah menghapus perpustakaan; satu nama yang tidak cocok atau nilai yang salah menggagalkan seluruh impor dan tidak ada yang ditulis.
cli-import-file = Lembar kerja: .xlsx (juga .xls, .ods) atau .csv (`,` atau `;`, UTF-8 atau Windows-1252).
cli-import-sheet = Lembar yang dibaca (bawaan: yang pertama).
cli-import-map = Berkas YAML berisi baris `Judul kolom: kolom` untuk judul kolom yang tidak dikenal warta.
cli-import-dry-run = Tampilkan apa yang akan berubah (ditambah, diperbarui dengan nilai lama dan baru setiap kolom, tidak berubah, masalah) tanpa menulis apa pun.
cli-export = Ekspor data sebagai lembar kerja (CSV atau XLSX).
cli-export-libraries = Tulis setiap perpustakaan mitra sebagai satu baris lembar kerja, dengan judul kolom bahasa Indonesia yang sama dengan yang dibaca impor.
cli-export-format = csv atau xlsx (bawaan: dari ekstensi --out, selain itu csv).
cli-export-out = Berkas yang ditulis (bawaan: libraries.csv atau libraries.xlsx; `-` untuk keluaran standar, hanya CSV).
cli-unknown-argument = argumen `{ $arg }` tidak dikenal
cli-unknown-subcommand = perintah `{ $arg }` tidak dikenal
cli-invalid-value = `{ $value }` bukan nilai yang sah untuk `{ $arg }`
cli-valid-values = nilai yang bisa dipakai: { $values }
cli-missing-value = `{ $arg }` memerlukan nilai
cli-missing-argument = argumen wajib berikut belum diberikan: { $args }
cli-bad-value = nilai `{ $value }` untuk `{ $arg }` salah: { $reason }
cli-conflict = `{ $arg }` tidak bisa dipakai bersama `{ $other }`
cli-too-many-values = nilai `{ $value }` untuk `{ $arg }` tidak diharapkan
cli-missing-command = perintah diperlukan: { $commands }
cli-no-equals = `{ $arg }` memerlukan `=` sebelum nilainya
cli-see-help = untuk keterangan lebih lanjut, coba `{ $command } --help`
cli-wrong-number = `{ $arg }` menerima { $expected } nilai, bukan { $actual }
cli-possible-values = [nilai: { $values }]
cli-default = [bawaan: { $value }]
cli-base-url-not-http = `{ $value }` bukan alamat http(s); tulis seperti `https://contoh.netlify.app`
cli-base-url-no-host = `{ $value }` tidak berisi nama host; tulis seperti `https://contoh.netlify.app`

# warta's messages to officers, in English (for `language: en` sites and
# `--lang en`). Same ids and arguments as id.ftl, which is the reference.

## Labels of the diagnostic display

label-help = help
label-note = note
more-not-shown = … and { $rest } more ({ $errors } { $errors ->
    [one] error
   *[other] errors
}, { $warnings } { $warnings ->
    [one] warning
   *[other] warnings
}) not shown: fix the ones above first
did-you-mean = did you mean `{ $suggestion }`?
## YAML: syntax mistakes

yaml-second-document = a second document starts here: a line `---` or `...` ended the data above it
yaml-second-document-help = delete that line; a data file holds one list or one record, and in a Markdown file the front matter ends at its second `---`
yaml-tab = this line is indented with a tab
yaml-tab-help = indent with spaces only: YAML does not accept tabs (set your editor to put spaces when you press Tab)
yaml-space-after-colon = `{ $key }:` must be followed by a space
yaml-space-after-colon-help = put a space after the colon
yaml-space-after-colon-not-tab = put a space after the colon, not a tab
yaml-quote-not-closed = the quote `{ $quote }` here is never closed
yaml-quote-not-closed-help = add a closing `{ $quote }` at the end of the value (quotes come in pairs); if the text goes on over several lines, indent those lines more than the field name
yaml-bad-escape = `{ $sequence }` cannot be written inside double quotes
yaml-bad-escape-help = inside double quotes a backslash starts a special character (`\n`, `\"`): write a backslash as `\\`, or put the value in single quotes instead
yaml-invisible-character = this line holds an invisible character `{ $character }`
yaml-invisible-character-help = delete it (it often comes along when text is pasted from a word processor or a web page)
yaml-glued-value = a space is missing after `{ $key }:`
yaml-glued-value-help = write `{ $key }: { $value }`: YAML needs a space between the colon and the value
yaml-colon-in-value = this value holds `: `, which YAML reads as the start of another field
yaml-quote-whole-value = put the whole value in quotes: { $line }
yaml-stray-item = this list item (`- `) is not under a field that holds a list
yaml-stray-item-help = write the field alone on its line (`tags:`), then each item below it, indented (`  - plm`); the fields of a record have no `- `
yaml-flow-indent = the lines of the `{ $open }…{ $close }` opened on line { $line } must be indented more than { $holder }
yaml-flow-indent-help = { $place }; or write one `- item` per line instead
yaml-list-not-closed = the list opened with `[` here is never closed
yaml-list-not-closed-help = close it with `]` on the same line (e.g. `tags: [a, b]`); if the value is text that starts with `[`, put it in quotes
yaml-map-not-closed = the `{"{"}` here is never closed
yaml-map-not-closed-help = close it with `{"}"}` on the same line; if the value is text that starts with `{"{"}`, put it in quotes
yaml-data-ended = the data ends before this line: a line `---` or `...` ended it
yaml-data-ended-help = delete the `---` or `...` line above, or put the value that starts with `%` in quotes
yaml-unreadable-line = warta cannot read this line (the YAML reader says: { $reader })
yaml-unreadable-line-help = check the indentation (spaces, the same for every field of a record), put a space after every `name:`, and put a value holding `: ` or starting with a sign in quotes
yaml-why-star = YAML reads `*name` as a copy of the value marked `&name`
yaml-why-ampersand = YAML reads `&name` as a name for the value and leaves it out
yaml-why-bang = YAML reads `!name` as a type tag
yaml-why-block = YAML reads `|` and `>` as the start of a block of text on the lines below
yaml-why-dash = YAML reads `- ` as a list item
yaml-why-bracket = YAML reads `[` as the start of a list
yaml-why-brace = YAML reads `{"{"}` as the start of a record
yaml-why-question = YAML reads `? ` as a special key
yaml-why-other = YAML keeps this sign for its own use
yaml-must-quote = text starting with { $sign } must be in quotes
yaml-must-quote-help = put it in quotes: { $line } ({ $why })
yaml-must-quote-block-help = put it in quotes: { $line } ({ $why }); for text on several lines, write `{ $sign }` alone and the text on the next lines, indented
yaml-apostrophe-help = an apostrophe inside '…' is written twice (`''`); or put the whole value in double quotes: `{ $line }`
yaml-single-quotes-help = put the whole value in single quotes: `{ $line }`
yaml-quotes-help = put the whole value in quotes
yaml-after-quote = the value goes on after its closing quote
yaml-this-item = this `- `
yaml-this-line = this line
yaml-label-key = `{ $key }:`
yaml-label-item = the `- `
yaml-label-line = the line
yaml-item-above = the `- ` above it
yaml-above = { $what } above it
yaml-indented-nothing-above = { $what } is indented, but nothing above it holds it
yaml-start-at-margin = start it at the left margin
yaml-lined-up-with-items = { $what } is lined up with the list items (`- `) above it, but is not one
yaml-lined-up-with-items-help = start it with `- ` to add an item to the list, or line it up with the field that holds the list to add a field to the record
yaml-not-lined-up = { $what } is not lined up with the lines it belongs with
yaml-not-lined-up-help = every field of a record starts at the same column, and every `- ` of a list
yaml-line-up-help = line { $what } up with { $other }: { $place }{ $new_record ->
    [yes] , or start a new record with `- `
   *[no] {""}
}
yaml-misaligned = { $what } { $indent ->
    [0] starts at the left margin
    [1] is indented by 1 space
   *[other] is indented by { $indent } spaces
}, { $other } { $other_indent ->
    [0] starts at the left margin
    [1] is indented by 1 space
   *[other] is indented by { $other_indent } spaces
}
yaml-to-place = { $spaces ->
    [0] start it at the left margin
    [1] indent it by 1 space
   *[other] indent it by { $spaces } spaces
}
yaml-key-too-long = this field name is { $length } characters long; YAML reads at most 1024
yaml-key-too-long-help = a field name is a short word such as `name`; if this is a value, write it after one (`note: …`)
yaml-block-not-indented = the text below { $key } is not indented
yaml-block-not-indented-help = indent every line of the text by { $spaces } spaces, 2 more than { $key }
yaml-no-colon = this line has no `:` after a field name
yaml-no-colon-help = write a field as `name: value` (a colon and a space after the name); if the line belongs to the text of the field above, put that whole text in quotes
yaml-alias-inside-anchor = `*{ $name }` is used inside the value it copies
yaml-alias-inside-anchor-help = a copy `*{ $name }` can only come after the value marked `&{ $name }` ends
field-written-twice = field `{ $field }` is written twice in this record; keep one
field-written-twice-help = delete one of the two `{ $field }:` lines, or rename one if it is another field
first-written-here = first written here
yaml-too-deep = nested deeper than { $depth } levels: warta reads at most { $depth } lists and records inside each other
yaml-too-deep-help = warta's files need 4 levels at most; look for a `[` or `{"{"}` that is never closed, or lines that start with more and more `- `
yaml-value-too-long = this value is { $size } long; one value may be at most { $limit }
yaml-value-longer-than = this value is longer than { $limit }; one value may be at most { $limit }
yaml-value-too-long-help = shorten it; long text belongs in the body of a Markdown page (below the second `---`), not in a field. If the value was meant to be short, look for a quote that is never closed
yaml-too-many-values = this file holds more than { $limit } values (fields, texts, list items); warta reads at most that many from one file
yaml-too-many-values-help = split it into several files (for libraries: one file per province)
yaml-more-values-than = more than { $limit } values
yaml-more-text-than = more than { $limit } of text
yaml-copied-too-often = this file uses the anchor `*{ $name }` too often: written out, its { $copies } copies would make { $what }, the most one file may hold
yaml-copied-too-often-help = write the values out instead of copying them with `*{ $name }`, or copy less (`&{ $name }` marks the value that each `*{ $name }` repeats)
yaml-inline-list-too-long = the list opened with `[` here is never closed, or is longer than { $limit }
yaml-inline-map-too-long = the record opened with `{"{"}` here is never closed, or is longer than { $limit }
yaml-inline-too-long-help = close it with `{ $close }`; a long list reads better as one `- item` per line

## Kinds of values

expected-whole-number = a whole number
expected-number = a number
expected-text = a text
expected-list = a list
expected-boolean = `true` or `false`
expected-record = a record of fields
expected-other = { $what }
found-something-else = something else
missing-field = missing required field `{ $field }`
missing-field-help = add a line `{ $field }: …` to this record
type-help-quotes = put the value in quotes, e.g. `{ $field }: "…"`
type-help-list = write a list, e.g. `{ $field }: [a, b]` or one `- item` per line
type-help-boolean = write `{ $field }: true` or `{ $field }: false`
type-help-record = `{ $field }` holds named fields, one `name: value` per indented line
type-help-number = write a plain number without quotes, e.g. `{ $field }: 12`
type-help-check = check the value of `{ $field }`
wrong-type = wrong type for `{ $field }`: expected { $expected }, found { $found }
invalid-value = invalid value for `{ $field }`: expected { $expected }, found { $found }
wrong-length = wrong number of items in `{ $field }`: expected { $expected }
field-problem = `{ $field }`: { $problem }
kind-nothing = nothing
kind-boolean = a true/false value
found-empty = nothing (the value is empty)
found-boolean = `{ $value }`
found-number = the number `{ $value }`
found-text = the text `{ $value }`
at-line = { $message } (line { $line })
mapping-expected-lines = expected lines of `column header: field`, found { $found }
mapping-header-not-text = a column header must be text, found { $found }
mapping-expected-field-name = `{ $header }`: expected a field name, found { $found }
## Files

cannot-read-this-file = cannot read this file: { $error }
text-file-too-large = this file is { $size }, larger than the { $limit } limit for a text file
text-file-too-large-help = split it into smaller files (for libraries: one file per province), and put large downloads in `static/` instead
not-utf8 = this file is not UTF-8 text: byte { $byte } cannot be read
not-utf8-help = save the file with UTF-8 encoding (in Notepad or Excel: Save As → Encoding: UTF-8); files exported as Windows-1252 garble letters such as `é`
## Records and fields

what-libraries = libraries
what-provinces = provinces
what-regencies = regencies
what-awards = awards
what-reports = reports
what-site-settings = data/site.yaml
what-front-matter = the front matter
file-empty-list = this file is empty; it should hold a list of { $what }
file-empty-list-help = write each of the { $what } as an item starting with `- `, or delete the file
expected-list-of = expected a list of { $what }, found { $found }
expected-list-of-help = start each record with `- ` (a dash and a space) at the left margin
too-many-problems = this file has more than { $limit } problems; warta stopped checking it
checking-stopped-here = checking stopped here
too-many-problems-help = fix the problems above first; they often have one cause, such as a wrong indentation or a misspelt field repeated in every record
record-empty = { $what } is empty
record-empty-help = fill in the fields of { $what }, e.g. `title: …`
glued-key-help = a space is missing after `{ $key }:`: write `{ $key }: { $value }`
expected-record-help = write the record as indented `name: value` lines, e.g. `{ $field }: …`, one field per line
expected-record-found = expected a record of fields, found { $found }
fields-allowed-here = the fields allowed here are: { $fields }
unknown-field = unknown field `{ $field }`
site-yaml-missing = data/site.yaml is missing: a site needs its settings
site-yaml-missing-help = create data/site.yaml with at least `title: …` and `base_url: https://…`
data-file-missing = { $file } is missing
data-file-missing-help = copy it from the example site: it lists the official Kemendagri regions
folder-missing = folder `{ $folder }/` is missing under { $root }
folder-missing-help = run warta in the site's folder, or pass `--root DIR`
cannot-read = cannot read { $path }: { $error }
file-in-no-section = { $file }: this file is not part of any section
did-you-mean-data-file = did you mean `{ $file }`? (data files end in `.yaml`)
data-files-read = warta reads only { $files }
post-too-deep-help = put the post directly in `content/{ $folder }/`, or in a page bundle `content/{ $folder }/<slug>/index.md`
did-you-mean-folder = did you mean the folder `{ $folder }`?
markdown-folders-help = Markdown goes in `content/berita/`, `content/kisah/`, `content/plm/` or directly in `content/`
markdown-empty = this file is empty
front-matter-missing = this file has no front matter
front-matter-missing-help = start the file with a line `---`, then the fields (`title: …`, `date: YYYY-MM-DD`, …), then another `---` line; `warta new` writes one for you
front-matter-not-closed = the front matter is not closed
front-matter-not-closed-help = add a line `---` after the last field, before the text of the page
## Theme

theme-not-found = theme `{ $theme }` not found: there is no folder themes/{ $theme }/
theme-not-found-help = set `theme: default` in data/site.yaml, or create the theme folder
theme-no-strings = theme `{ $theme }` has no UI strings for language `{ $language }` (themes/{ $theme }/i18n/{ $language }.yaml)
theme-no-strings-help = set `language: id` or `language: en` in data/site.yaml, or add the file to the theme
template-not-utf8 = { $file } is not UTF-8 text
template-not-utf8-help = save the template with UTF-8 encoding
## Images

image-not-found = image `{ $image }` not found (used by { $page })
image-not-found-help = put the image file at `{ $path }`, or fix the name
image-cache-folder = cannot create the image cache folder { $folder }: { $error }
social-card-failed = social card { $card }: { $error }
image-named = image `{ $image }`
image-used-by = image `{ $image }` (used by { $pages })
image-used-by-more = image `{ $image }` (used by { $pages } and { $more } more)
image-missing = { $image } is missing
image-unreadable = { $image } cannot be read: { $error }
image-not-an-image = { $image } is not an image: it is not a JPEG, PNG or WebP file
image-unsupported = { $image } is in a format warta cannot resize ({ $format })
image-too-large-pixels = { $image } is { $width }×{ $height } pixels ({ $megapixels } megapixels), too large to process safely
image-too-large = { $image } is too large to process safely
image-damaged = { $image } is damaged or incomplete: { $error }
image-changed = { $image } changed while the site was being built
image-missing-help = put the file back at `{ $path }`, or change the reference to it
image-unreadable-help = check the file's permissions, then build again
image-format-help = save the picture as JPEG (photos) or PNG (drawings, logos) and point to that file
image-too-large-help = scale it down to at most 8000 pixels on the long side (a phone photo is about 4000×3000) and save it again
image-damaged-help = open the picture and save it again, or copy it again from the camera or phone
image-changed-help = build again once the file is saved
also-used-here = also used here
## Pages and output

page-address-too-long = the address of the page `{ $url }` is too long to be saved as a file
page-address-too-long-help = shorten the file name, slug or tag it is made from (at most { $limit } bytes for each part of the address)
page-address-collision = two pages would be published at the same address `{ $url }`
page-address-collision-help = give one of them another file name or slug
cannot-write = cannot write `{ $path }`: { $error }
## Markdown: links and HTML

unsafe-address = unsafe { $what ->
    [image] image
   *[link] link
} `{ $address }`: warta does not publish `{ $scheme }:` addresses
unsafe-address-help = write a web address (`https://…`), `mailto:…`, `tel:…`, a path on this site (`/berita/…`, `gambar/foto.jpg`), a `#section` or a content link (`@/berita/slug.md`)
heading-attribute = heading attribute `{ $attribute }` is not allowed
heading-attribute-help = a heading may take only an id and classes, e.g. `## Jadwal {"{"}#jadwal .penting{"}"}`
unsafe-html-address = unsafe address in HTML `{ $attribute }="{ $value }"`: warta does not publish `{ $scheme }:` addresses
html-script-attribute = HTML attribute `{ $attribute }` is not allowed: it would run a script
html-script-attribute-help = remove it: content brings no scripts into pages or feeds
html-element = HTML element `<{ $element }>` is not allowed in content
html-element-help = remove it: content brings no scripts into pages or feeds, nor changes where their links go
broken-link = broken internal link `{ $link }`: no published page comes from that file
broken-link-help = internal links name the file under content/, e.g. `@/berita/slug.md`, `@/plm/slug.md` or `@/tentang.md`
expected-one-of = expected one of: { $values }
## Templates (for theme makers)

template-syntax-error-in = template syntax error in { $template }: { $error }
template-error-in = template error in { $template }: { $error }
template-error = template error: { $error }
in-template = { $template }: { $message }
extends-not-a-template = `{"{"}% extends %{"}"}` names `{ $name }`, which is not a template
templates-circle = templates { $how } each other in a circle: { $chain }
templates-circle-help = remove one of the `{"{"}% { $how } %{"}"}` tags of the circle
theme-has-no-template = the theme `{ $theme }` has no template `{ $template }`
theme-has-no-template-help = add templates/{ $template } to the site or to themes/{ $theme }/templates/
template-ends-inside-tag = the template ends inside a `{"{{"} … {"}}"}` or `{"{"}% … %{"}"}`
template-ends-inside-tag-help = close it with `{"}}"}` or `%{"}"}`
template-syntax-error = template syntax error: { $error }
template-syntax-error-help = every `{"{{"}` needs its `{"}}"}` and every `{"{"}%` its `%{"}"}`; tags are written `{"{"}% if … %{"}"}`, `{"{"}% for x in … %{"}"}`, `{"{"}% include "…" %{"}"}`
template-tags-help = the tags are `if`/`elif`/`else`, `for`, `block`, `extends`, `include`, `set`, `filter`, `raw`, `component`, `break` and `continue`
unknown-tag = unknown tag `{"{"}% { $tag } %{"}"}`
tag-misplaced = `{"{"}% { $tag } %{"}"}` does not belong here: the tag open here is `{ $open }`
opened-here = opened here
tag-misplaced-help = `{ $tag }` goes inside `{"{"}% if %{"}"}` … `{"{"}% endif %{"}"}`{ $tag ->
    [else] {" "}or a `for`
   *[other] {""}
}; close `{"{"}% { $open } %{"}"}` first with `{"{"}% { $close } %{"}"}`
tag-closes-nothing = `{"{"}% { $tag } %{"}"}` has nothing to close
tag-closes-nothing-help = remove it, or add the `{"{"}% { $open } … %{"}"}` it closes before it
tag-not-closed = `{ $tag }` is not closed
tag-comes-first = `{"{"}% { $tag } %{"}"}` comes first
tag-not-closed-before-help = add `{"{"}% { $end } %{"}"}` where the `{ $tag }` part ends, before `{"{"}% { $other } %{"}"}` on line { $line }
tag-not-closed-help = add `{"{"}% { $end } %{"}"}` where the `{ $tag }` part ends
variable-no-value = `{ $name }` has no value here
variable-no-value-help = test it first: `{"{"}% if { $name } is defined %{"}"}…{"{"}% endif %{"}"}`
template-variables-help = this page's template has: { $names }
variable-not-defined = `{ $name }` is not defined
template-fields-help = `{ $owner }` has: { $fields }; test a field that may be missing first: `{"{"}% if { $field } %{"}"}`
test-field-first-help = test it first: `{"{"}% if { $field } %{"}"}`
missing-argument = `{ $function }` needs the argument `{ $argument }`
missing-argument-help = write it as `{ $function }({ $argument }=…)`
filter-wrong-kind = `{ $value }` is { $got } here, where { $want } is wanted
filter-wrong-kind-help = give the filter the kind of value it takes, e.g. `| round` a number, `| upper` text
check-values-help = check the values used here
template-error-in-call = template error in `{ $call }`: { $error }
check-call-help = check what `{ $function }(…)` is given here
template-error-at = template error at `{ $at }`: { $error }
check-values-filters-help = check the values used here, and the filters they go through: each filter takes a certain kind of value
included-from-here = included from here
unknown-template-name = unknown { $kind } `{ $name }`
template-names-help = the { $kind }s are: { $names }
include-not-a-template = `{"{"}% include %{"}"}` names `{ $name }`, which is not a template
block-not-in-parent = block `{ $block }` is not in the template this one extends
block-not-in-parent-help = a template that extends another can fill only its blocks
fix-template-here = fix the template here
template-name-help = add templates/{ $template } to the site, or name one of the theme's templates (themes/{ $theme }/templates/)
or-delete-override = { $help }; or delete { $template } to use the theme's template again
## Lengths of text

limit-id = an id or file name
limit-id-hint = a few words joined by hyphens are enough, e.g. `perpusdes-loram-wetan`
limit-page-name = the file name of a page
limit-page-name-hint = a few words of the title joined by hyphens are enough
limit-tag = a tag or theme
limit-tag-hint = a tag is a word or two, e.g. `perpustakaan-desa`
limit-key = a network name
limit-key-hint = write the network's short name, e.g. `facebook` or `instagram`
limit-name = a name
limit-name-hint = write the name as it is usually written; details belong in `summary`
limit-title = a title
limit-title-hint = keep the headline short; say the rest in `summary` or the text
limit-alt = an alt text
limit-alt-hint = a sentence or two is enough; longer descriptions belong in the text
limit-address = an address
limit-address-hint = write the street, number, village and district; directions belong in `summary`
limit-summary = a summary
limit-summary-hint = two or three sentences are enough; the rest belongs in the text
limit-note = a note
limit-note-hint = keep the note to a short paragraph
limit-url = an address
limit-url-hint = use the page's short address, without tracking parameters
limit-email = an e-mail address
limit-email-hint = write one address, e.g. `perpus@example.id`
limit-phone = a phone number
limit-phone-hint = write one or two numbers, e.g. `(0291) 123456`
text-too-long = `{ $field }` is { $length } characters long; { $what } can be at most { $limit }
text-too-long-help = shorten it by { $over } { $over ->
    [one] character
   *[other] characters
}: { $hint }
## Rules of records

thing-province-code = province code
thing-province-slug = province slug
thing-regency-code = regency code
thing-library-id = library id
thing-alias = alias
thing-award-place = award place
thing-award-category = award category
thing-report-id = report id
thing-news-slug = news slug
thing-story-slug = story slug
thing-event-slug = event slug
thing-page-slug = page slug
duplicate = duplicate { $what } `{ $key }`
first-defined-here = first defined here
duplicate-help = each { $what } must be unique: rename one of them
slug-help = use lowercase letters a–z, digits and hyphens, e.g. `perpusdes-loram-wetan`
slug-fixed-help = use lowercase letters, digits and hyphens only: `{ $slug }`
not-a-slug = { $what } `{ $value }` is not a valid slug
tag-slug-help = write the { $what } in lowercase letters a–z and digits, words joined by hyphens, e.g. `perpustakaan-desa`
tag-slug-fixed-help = write `{ $slug }`: lowercase letters, digits and hyphens, so that every page with this { $what } is listed on one page
tag-not-a-slug = the { $what } `{ $value }` is not a slug
not-a-web-address = `{ $field }` must be a web address starting with https://, found `{ $value }`
not-a-web-address-help = write the full address, e.g. `{ $field }: https://…`
image-no-alt = the image has no `{ $field }_alt` text
image-no-alt-help = add `{ $field }_alt: …` describing the picture for readers who cannot see it
unknown-key = unknown `{ $field }` key `{ $key }`
allowed-keys = allowed keys: { $keys }
language-not-supported = language `{ $language }` is not supported
language-not-supported-help = write `language: id` (Indonesian) or `language: en` (English)
per-page-zero = `per_page` must be at least 1
per-page-zero-help = e.g. `per_page: 10`
province-code-shape = province code `{ $code }` is not two digits
province-code-shape-help = use the Kemendagri code in quotes, e.g. `code: "33"`
regency-code-shape = regency code `{ $code }` is not of the form PP.RR
regency-code-shape-help = use the Kemendagri code in quotes, e.g. `code: "33.19"`
regency-code-province = regency `{ $regency }` has code { $code } but province `{ $province }`
regency-code-province-help = the province code is the first two digits: `province: "{ $code }"`
not-an-email = `{ $value }` is not an e-mail address
not-an-email-help = write it like `perpus@example.id`
location-outside = location { $lat }, { $lon } is outside Indonesia
location-swapped-help = lat and lon look swapped: `lat` is the small number (e.g. -6.8), `lon` the large one (e.g. 110.8)
location-outside-help = copy the coordinates from a map: `lat` about -11 to 6, `lon` about 95 to 141
kpi-not-public = KPI history of a single library is not published by the programme
kpi-not-public-help = if these figures are not from a public source, add `illustrative: true`
rank-zero = `rank` starts at 1
rank-zero-help = write `rank: 1` for the winner
page-name-not-slug = the { $kind } name `{ $name }` is not a valid URL slug
page-rename-help = rename the { $kind } to `{ $name }`
page-name-too-long = the { $kind } name is { $length } characters long; the { $kind } name of a page can be at most { $limit }
page-rename-hint-help = rename the { $kind } to `{ $name }`: { $hint }
event-needs-place = an event needs a place: `venue`, `city`, or `online: true`
event-needs-place-help = add `venue: Hotel …` and `city: …`, or `online: true`
## Invisible characters

invisible-reorders = it changes the order in which the text around it is shown
invisible-differs = it cannot be seen, but it makes text that looks the same count as different
invisible-noncharacter = it is not a character at all: feeds holding it cannot be read
invisible-hidden = { $count ->
    [1] an invisible character is hidden here: { $names }
   *[other] { $count } invisible characters are hidden here: { $names }
}
invisible-hidden-help = remove { $count ->
    [1] the invisible character { $names }
   *[other] these { $count } invisible characters
}: { $effect }; if the text was copied from a web page or a document, type it again
invisible-written = `{ $source }` writes an invisible character: { $name }
invisible-written-help = remove `{ $source }`: { $effect }
## Dates and references

date-shape = `{ $date }` is not a date in the form YYYY-MM-DD
date-month = `{ $date }` has month { $month }; months go from 01 to 12
date-day = `{ $date }` is not a real day: that month has no day { $day }
in-draft = in a draft: { $message }
invalid-date = invalid `{ $field }`: { $problem }
invalid-date-help = write the date as `{ $field }: 2022-08-02` (year-month-day)
reference-empty = `{ $field }` is empty
reference-empty-help = write the { $what } this refers to, or remove the line
reference-draft = { $what } `{ $key }` is a draft, so it is not published
reference-draft-help = publish it (remove `draft: true`) or remove this reference
unknown-reference = unknown { $what } `{ $key }`
image-outside-site-help = name a file inside the site: beside the page, or under `static/` with a path starting with `/`
image-file-not-found = image `{ $image }` not found
future-date = this is dated { $date }, in the future, but is not a draft
future-date-help = it will be published now; add `draft: true` to hold it back, or fix the date
award-library-province = library `{ $library }` is not in province `{ $province }`
award-library-province-help = a provincial award goes to a library of that province: check `library` and `province`
unknown-event-level = unknown event level `{ $level }`
event-ends-before-start = the event ends ({ $end }) before it starts ({ $start })
event-ends-before-start-help = swap `start` and `end`, or fix one of them
unknown-regency-kind = unknown regency kind `{ $kind }`
unknown-regency-kind-help = write `kind: kabupaten` or `kind: kota`
unknown-library-level = unknown library level `{ $level }`
unknown-kpi-category = unknown KPI category `{ $category }`
kpi-category-help = { $suggestion } (tinggi = green, sedang = yellow, rendah = red)
regency-in-other-province = { $regency } is in province `{ $other }`, not in { $province }
regency-in-other-province-help = fix `province: { $other }`, or name a regency of { $province }
list-or = { $first } or { $rest }
regency-ambiguous = `{ $regency }` could be { $choices }
regency-ambiguous-help = write the official name with `Kabupaten` or `Kota`, or the code
regency-name-help = write the official name of a regency or city in { $province }, e.g. `{ $example }`
unknown-regency = unknown regency `{ $regency }` in { $province }
ref-province = province
ref-library = library
ref-event = event
ref-regency = regency
## Commands: check and build

stage-reading = reading content and data
stage-checking = checking content and data
stage-planning-images = planning images
stage-rendering = rendering pages
stage-feeds = feeds and side files
stage-search = search index
stage-images = making image variants
stage-writing = writing the site
site-summary = { $provinces } provinces, { $regencies } regencies, { $libraries } libraries, { $posts } news posts, { $stories } stories, { $events } events, { $pages } pages, { $awards } awards, { $reports } reports
check-failed = warta check: { $errors } { $errors ->
    [one] error
   *[other] errors
}, { $warnings } { $warnings ->
    [one] warning
   *[other] warnings
} in { $files } files; nothing was published
check-ok = warta check: ok, { $warnings } { $warnings ->
    [one] warning
   *[other] warnings
}: { $site }, { $pages } pages ({ $files } files, { $ms } ms)
output-unchanged = { $folder } is unchanged
output-not-made = { $folder } was not made
build-failed = warta build: { $errors } { $errors ->
    [one] error
   *[other] errors
}; nothing was written, { $output }
build-nothing-published = warta build: nothing was published
build-not-published = warta build: nothing was published; { $output }
cannot-stage = cannot make the staging folder for the output: { $error }
cannot-publish = cannot put the output in place: { $error }
build-ok = warta build: { $pages } pages ({ $kinds }), { $others } other files, { $assets } assets, { $images } image files ({ $made } made, { $cached } cached), { $megabytes } MB in { $output } ({ $ms } ms)
## Output folder

output-refused = will not write the site into `{ $folder }`: { $why }
output-pick-help = choose a new folder for the built site, e.g. `--out public` (the default)
output-is-link = it is a symbolic link
output-is-link-help = give the real folder the link points to, or a new folder
output-is-file = it is an existing file, not a folder
output-is-site = it is the site's own folder
output-holds-site = it holds the site's own files
output-inside-source = it is inside the site's `{ $folder }` folder
output-foreign = the folder is not empty and was not made by warta (a build replaces the whole folder)
output-foreign-help = choose a new or empty folder; if it is the output of an older warta, delete it once and build again
## warta serve

overlay-title = warta: the site has errors
overlay-intro = This page is the last good build. Fix the file and save: the page reloads by itself.
serve-bad-bind = `--bind { $bind }` is not an IP address; use 127.0.0.1 (this computer only) or e.g. 0.0.0.0 (every network)
serve-port-in-use = port { $port } on { $ip } is already in use (is another `warta serve` running?); stop it or pick another port with `--port`
serve-port-not-allowed = not allowed to use port { $port } on { $ip }; ports below 1024 need special rights, pick another with `--port`
serve-not-this-computer = { $ip } is not an address of this computer; use `--bind 127.0.0.1`
serve-cannot-listen = cannot listen on { $ip } port { $port }: { $error }
serve-cannot-watch = cannot watch { $folder } for changes ({ $error }); the site will not rebuild by itself
serve-public = listening on { $ip }, not only on this computer: anyone who can reach it on port { $port } can see the site. Use `--bind 127.0.0.1` to keep it private.
serve-serving = warta serve: serving { $folder } at { $url } (Ctrl+C to stop)
serve-watching = warta serve: watching { $folders } for changes
serve-drafts = warta serve: drafts are published too (--drafts); `warta build` leaves them out
serve-search-rebuilt = warta serve: search index rebuilt in { $ms } ms
serve-built = built
serve-changed = { $files }{ $more ->
    [0] {""}
   *[other] {" "}and { $more } more
} changed
serve-full-build = full build ({ $why })
serve-partial-build = partial build
serve-rebuilt = warta serve: { $what }: { $scope }, { $pages } pages, { $changed } changed files in { $ms } ms ({ $detail })
serve-failed = warta serve: { $what }: { $errors } { $errors ->
    [one] error
   *[other] errors
}; still serving the last good site ({ $ms } ms)
## warta new

new-created = created { $file }
new-title-too-long = the title is { $length } characters long; a title can be at most { $limit }
new-title-too-long-help = shorten it in { $file } by { $over } characters: { $hint }
new-fill-in = fill in the fields, then run `warta check`
new-no-file-name = cannot make a file name from the title `{ $title }`
new-no-file-name-help = use some letters or digits in the title, e.g. `warta new berita "PLM Jawa Tengah 2022"`
new-no-content = { $root } has no content/ folder
new-file-in-the-way = { $file } is a file, where warta keeps the folder { $folder }/
new-file-in-the-way-help = rename or move { $file } away, then run `warta new` again
new-title-invisible = the title holds an invisible character, { $name } (character { $position } of the title)
new-title-invisible-help = remove the invisible character { $name }: type the title again instead of pasting it
new-exists = { $file } already exists
new-exists-help = choose another title, or edit that file
new-cannot = cannot { $doing ->
    [create] create the folder
   *[write] write
} { $file }: { $why }
fs-not-allowed = you may not write there
fs-not-allowed-help = check that the site's folder is yours and not read-only
fs-disk-full = the disk is full
fs-disk-full-help = make room on the disk, then try again
fs-not-a-folder = a file stands where a folder should be
fs-not-a-folder-help = move that file out of the way
fs-bad-name = the name is not allowed here
fs-bad-name-help = choose a shorter or simpler title
fs-other-help = check the site's folder, then try again
## warta import and export

import-failed = warta import: { $problems } { $problems ->
    [one] problem
   *[other] problems
} in { $sheet }; nothing was written
import-written = warta import: { $files } { $files ->
    [one] file
   *[other] files
} written in { $ms } ms; run `warta check` to see the site with them
import-nothing-changed = warta import: nothing was changed in data/
import-fix-site-first = warta: fix these problems in data/ first (`warta check` lists them); nothing was written
import-nothing-written = warta: nothing was written
export-cannot-make = cannot make the spreadsheet: { $error }
export-xlsx-stdout = an XLSX workbook cannot go to standard output; pass --out FILE.xlsx
export-written = warta export: { $libraries } libraries written to { $file }{ $illustrative ->
    [0] {""}
    [one] {" "}({ $illustrative } illustrative example left out)
   *[other] {" "}({ $illustrative } illustrative examples left out)
}
i18n-lines-help = each line is `key: text`; put texts holding `: ` in quotes
yaml-tag-help = put the value in quotes: { $line }; YAML reads `!{ $tag }` as a type tag, which warta's files do not use
yaml-anchor-help = put the value in quotes: { $line }; YAML reads `&{ $name }` as a name for the value and leaves it out of the text
tera-kind-text = text
tera-kind-boolean = true or false
tera-kind-map = a map
tera-kind-none = nothing (none)

## Editor sign-in, site icon and colours, theme strings, `updated`,
## hashed folders, video links, nesting, blank names, long lists
cms-backend-unknown = unknown editor backend `{ $backend }`
cms-repo-missing = the editor's `{ $backend }` backend needs `repo`: officers could not sign in
cms-repo-missing-help = add the repository the site is built from under `cms:`, e.g. `repo: { $example }` (docs/cms.md, "Signing in")
cms-repo-shape = `repo` must be `owner/name`, found `{ $repo }`
cms-repo-shape-help = write the owner and the repository's name, as in its address: `repo: { $example }`
cms-app-id-missing = the editor's `{ $backend }` backend needs `app_id`, the id of the OAuth application officers sign in with
cms-app-id-missing-help = create the application (docs/cms.md, "Signing in") and add `app_id: <Application ID>` under `cms:`
cms-gitea-base-url = the editor's `gitea` backend needs `base_url`, the address of the Gitea server
cms-gitea-base-url-help = add e.g. `base_url: https://gitea.example.id` under `cms:`
icon-too-small = the icon `{ $icon }` is { $width }×{ $height } pixels: too small
icon-not-square = the icon `{ $icon }` is { $width }×{ $height } pixels: not square
icon-help = use a square PNG or JPEG of at least { $min }×{ $min } pixels (e.g. the logo on a plain background), or remove `icon:` to use the theme's
page-in-hashed-folder = the page `{ $page }` would be inside `{ $folder }`, the folder of files cached for a year
page-in-hashed-folder-help = give the page another slug
icon-failed = the site's icon: { $error }
updated-before-date = `updated` ({ $updated }) is before `date` ({ $date })
updated-before-date-help = `updated` is the day the text last changed: the same day as `date` or later; remove it if the text never changed
colour-invalid = `{ $field }` `{ $value }` is not a colour
colour-invalid-help = write it as `#` and six hex digits, e.g. `{ $field }: "#0b5563"` (in quotes: YAML reads `#` as a comment)
short-name-empty = `short_name` is empty
short-name-empty-help = write a name of one or two words (at most 12 characters fit under an icon), or remove the line
theme-strings-unreadable = cannot read { $file }: { $error }
theme-string-unknown = unknown string `{ $key }`: the theme `{ $theme }` has no string of that name
theme-string-unknown-help = a site can only change the theme's strings; they are listed in themes/{ $theme }/i18n/{ $language }.yaml
video-copy-again = copy the link again from the video's Share button (Bagikan), or write it as a normal link
video-no-id = it has no video id (`{ $form }`)
video-vimeo-id = `{ $id }` is not a Vimeo video id (digits only)
video-vimeo-key = `{ $key }` is not a Vimeo video key
video-youtube-id = `{ $id }` is not a YouTube video id (11 letters, digits, `-` or `_`)
video-start-time = start time `{ $time }` is not seconds or `1h2m3s`
video-start-time-help = write the start as seconds (`t=90`) or minutes and seconds (`t=1m30s`)
video-link-invalid = video link `{ $link }`: { $problem }
markdown-too-deep = the text is nested more than { $levels } levels deep here (quotes, lists or emphasis inside each other)
markdown-too-deep-help = remove the extra `>`, list markers or indentation: a quote or list a few levels deep is all readers can follow
list-too-long = `{ $field }` has more than { $max } items
list-too-long-help = keep at most { $max } in `{ $field }`: the first { $max } are the ones readers see
name-empty = `{ $field }` is empty
name-empty-help = write { $what }: without it, `{ $field }` would show as an empty heading or link

## warta import: problems of a sheet, its rows and cells, and the report

import-no-regions = the site has no provinces or regencies to match names against
import-no-regions-help = copy data/provinces.yaml and data/regencies.yaml from the example site
import-map-unreadable = cannot read the mapping file: { $error }
import-in-sheet = sheet `{ $sheet }`: { $message }
import-choose-sheet = this workbook has the sheets { $sheets }: choose the one holding the table with --sheet NAME; { $help }
import-choose-sheet-only = this workbook has the sheets { $sheets }: choose the one holding the table with --sheet NAME
import-header-unknown = not imported, header not recognised: { $headers }
import-header-unknown-help = if a column matters, map it in a file (`Header: field`, fields: { $fields }) and pass --map FILE
import-map-no-column = the sheet has no column `{ $header }`
import-file-too-big = this file would be { $kb } KB, over the { $limit } KB warta reads
import-file-too-big-help = split the province's libraries over several files in data/libraries/ (e.g. by regency) before importing
import-report-sheet = , sheet `{ $sheet }`
import-report-tab = tab
import-report-csv = , { $separator }-separated { $encoding }
import-report-summary = { $source }: { $rows } { $rows ->
        [one] row
       *[other] rows
    }: { $added } added, { $updated } updated, { $unchanged } unchanged
import-report-once-fixed = (once the problems below are fixed; nothing is written until then)
import-report-row = row { $row }
import-report-added = added
import-report-updated = updated
import-report-none = (none)
import-report-unchanged = unchanged
import-report-missing = not in the sheet (kept as they are)
import-report-nothing = nothing to change
import-report-would-write = would write { $path }
import-report-wrote = wrote { $path }
import-report-dry-run = dry run: nothing was written
import-cannot-read = cannot read { $file }: { $error }
import-workbook-is-text = { $file } is not an Excel workbook: it holds plain text (it starts `{ $start }`)
import-workbook-is-text-help = if it is a CSV file, rename it to end in .csv; otherwise open it in Excel and save it again as .xlsx
import-not-workbook = { $file } is not an Excel workbook (the file is damaged or of another kind)
import-save-again = open it in Excel or LibreOffice and save it again as .xlsx, or export it as .csv
import-sheet-on-csv = --sheet applies to workbooks, but { $file } is a CSV file
import-sheet-on-csv-help = leave out --sheet
import-workbook-unreadable = { $file } cannot be read as a workbook: { $error }
import-no-worksheet = { $file } has no worksheet
import-did-you-mean-sheet = did you mean `--sheet "{ $sheet }"`?
import-sheets-are = its sheets are: { $sheets }
import-no-such-sheet = { $file } has no sheet named `{ $sheet }`
import-sheet-unreadable = cannot read sheet `{ $sheet }` of { $file }: { $error }
import-bad-csv = { $file }:{ $row }: this is not valid CSV: { $error }
import-bad-csv-help = a value holding the separator, a quote or a line break must be in double quotes ("…")
import-list-one = `{ $item }`
import-list-or = { $items } or `{ $last }`
import-unknown-province = unknown province `{ $province }`
import-unknown-province-help = write the province's name as in data/provinces.yaml, e.g. `Jawa Tengah`
import-did-you-mean = did you mean { $names }?
import-regency-elsewhere = { $regency } is in province { $elsewhere }, not in { $province }
import-regency-elsewhere-help = fix the province to `{ $elsewhere }`, or name a regency or city of { $province }
import-regency-ambiguous = `{ $regency }` could be { $names }
import-regency-ambiguous-help = write `Kabupaten …` or `Kota …` (or the code, e.g. `{ $code }`)
import-unknown-regency = unknown regency or city `{ $regency }`
import-unknown-regency-in = unknown regency or city `{ $regency }` in { $province }
import-unknown-regency-help = write the official name of a regency or city, e.g. `{ $example }`
import-unknown-regency-in-help = write the official name of a regency or city in { $province }, e.g. `{ $example }`
import-map-bad = this mapping file cannot be read: { $error }
import-map-bad-help = write one line per column: `Column header as in the sheet: field`, e.g. `Nama Perpus Desa: name`
import-fields-are = the fields are: { $fields }
import-map-unknown-field = unknown field `{ $field }` for column `{ $header }`
import-sheet-empty = the sheet is empty: no header row with column names
import-no-header = no header row found: none of the first rows names the library and its place (the first row holds { $first })
import-no-header-help = the header row should name the columns, e.g. `Nama Perpustakaan`, `Provinsi`, `Kabupaten/Kota`, `Desa/Kelurahan`; for other headers write a mapping file (`Header: field`) and pass it with --map
import-row-width = this row has { $cells } cells but the header row has { $width }
import-row-width-help = a value holding the separator { $separator } must be in double quotes ("…"); check this row for a missing or extra { $separator }
import-same-library = row { $first } and this row are the same library `{ $id }`
import-row-unnamed = this row has neither a library name nor an id
import-row-unnamed-help = fill in `{ $name }` (or `{ $id }`), or delete the row
import-row-ambiguous = `{ $name }` matches { $count } libraries: { $ids }
import-fill-id-which = with the id of the library this row is: { $ids }
import-same-library-one-row = keep one row per library
import-same-library-help = if they are one library, keep one row; if they are two, fill in { $place } so they can be told apart, or { $fill }
import-fill-id-own = with its own id on each row (lowercase words joined by hyphens)
import-fill-id = fill in the `{ $header }` column ({ $column }) { $what }
import-add-id = add a column `ID` and fill it in { $what }
import-needs-name = the library's name (`{ $header }`)
import-needs-regency = its regency or city (`{ $header }`)
import-needs-level = its level (`{ $header }`: Desa, Kelurahan, Kabupaten, Kota or Provinsi)
import-list-comma = { $first }, { $rest }
import-new-needs = a new library needs { $what }
import-new-needs-help = fill in those cells, or give the `{ $id }` of a library already in data/ to update it
import-cell-error = this cell holds the spreadsheet error `{ $error }`
import-cell-error-help = fix the formula, or type the value itself
import-columns-disagree = columns { $first } and { $second } both give `{ $field }`, with different values (`{ $one }` and `{ $other }`)
import-columns-disagree-help = empty one of them, or map one column to `ignore` with --map
import-bad-id = `{ $id }` is not a library id: an id is lowercase words joined by hyphens, e.g. `perpusdes-maju-jaya`
import-bad-id-help = write `{ $slug }`, or leave the cell empty to have an id made from the name and village (if this column holds another system's code, map it to `ignore` with --map)
import-unknown-level = unknown library level `{ $level }`
import-unknown-level-help = write Desa, Kelurahan, Kabupaten, Kota or Provinsi (e.g. `Perpustakaan Desa`)
import-not-year = `{ $value }` is not a year
import-not-year-help = write the year the library joined, e.g. 2019
import-phone-number = the phone number was stored as a number; written as `{ $phone }`
import-phone-number-help = format the column as Text in the spreadsheet so the leading 0 is kept
import-not-email = `{ $value }` is not an e-mail address
import-not-email-help = write it like `perpus@example.id`
import-no-https = `{ $value }` has no `https://`; written as `{ $url }`
import-not-web = `{ $value }` is not a web address
import-not-web-help = write the full address starting with https://, e.g. `https://perpusdes.example.id`
import-location-half = a location needs both latitude and longitude
import-location-half-help = fill in both cells, or empty both
import-location-not-numbers = the coordinates are not numbers
import-location-not-numbers-help = write decimal degrees, e.g. latitude -6.8 and longitude 110.8
import-location-swapped = latitude and longitude look swapped: latitude is the small number (e.g. -6.8), longitude the large one (e.g. 110.8)
import-location-outside-help = copy the coordinates from a map: latitude about -11 to 6, longitude about 95 to 141
import-location-outside = location { $lat }, { $lon } is outside Indonesia
import-not-count = `{ $value }` is not a count
import-not-count-help = write a whole number of activities, e.g. 12
import-unknown-kpi-category = unknown KPI category `{ $category }`
import-unknown-kpi-category-help = write Tinggi (hijau), Sedang (kuning) or Rendah (merah)
import-kpi-no-period = KPI figures need their period
import-kpi-no-period-help = add a `Periode KPI` column (e.g. 2024 or 2024-S1) and fill it in on this row
import-move-no-regency = this row moves `{ $id }` to { $province }, but gives no regency there
import-move-no-regency-help = fill in `Kabupaten/Kota` for the new province
import-kpi-no-category = the KPI of period { $period } needs its category
import-kpi-no-category-help = fill in `Kategori KPI`: Tinggi, Sedang or Rendah

## The command line (`--help` and usage errors)

cli-about = Static site generator for the TPBIS library programme
cli-usage = Usage
cli-commands = Commands
cli-arguments = Arguments
cli-options = Options
cli-help = Print help
cli-version = Print version
cli-root = The site's folder (holding data/, content/, static/, themes/).
cli-messages = How to print problems: rich (source snippet, colour) or plain (`file:line:col: error: …`). Default: rich on a terminal.
cli-lang = The language of warta's messages: id (Indonesian) or en (English). Default: the site's `language` in data/site.yaml, else id.
cli-build = Build the site into the output folder.
cli-build-out = Output folder, replaced as a whole only when the build succeeds.
cli-drafts = Publish drafts too.
cli-build-base-url = Use this address instead of `base_url` from data/site.yaml (for deploy previews: `--base-url "$DEPLOY_PRIME_URL"`).
cli-check = Check the site and report every problem; writes nothing.
cli-check-drafts = Check as if drafts were published.
cli-serve = Build, serve on 127.0.0.1, rebuild and reload on change.
cli-serve-port = The port to serve on.
cli-serve-bind = The address to serve on.
cli-serve-open = Open the site in the browser.
cli-serve-drafts = Publish drafts too, as `build --drafts` does.
cli-new = Write a new Markdown file with its front matter filled in.
cli-new-section = berita (news), kisah (story), plm (event) or halaman (page).
cli-new-title = The title; the file name (URL) is made from it.
cli-import = Import data from a spreadsheet (XLSX or CSV) into data/.
cli-import-libraries = Add or update partner libraries from a spreadsheet: one file per province in data/libraries/. Never deletes a library; any unmatched name or bad value fails the whole import and writes nothing.
cli-import-file = The spreadsheet: .xlsx (also .xls, .ods) or .csv (`,` or `;`, UTF-8 or Windows-1252).
cli-import-sheet = The worksheet to read (default: the first).
cli-import-map = A YAML file of `Column header: field` lines for headers warta does not recognise.
cli-import-dry-run = Show what would change (added, updated with each field's old and new value, unchanged, problems) and write nothing.
cli-export = Export data as a spreadsheet (CSV or XLSX).
cli-export-libraries = Write every partner library as a spreadsheet row, with the same Indonesian headers the import reads.
cli-export-format = csv or xlsx (default: from --out's extension, else csv).
cli-export-out = The file to write (default: libraries.csv or libraries.xlsx; `-` for standard output, CSV only).
cli-unknown-argument = unexpected argument `{ $arg }`
cli-unknown-subcommand = unknown command `{ $arg }`
cli-invalid-value = `{ $value }` is not a valid value for `{ $arg }`
cli-valid-values = possible values: { $values }
cli-missing-value = `{ $arg }` needs a value
cli-missing-argument = the following required arguments were not provided: { $args }
cli-bad-value = invalid value `{ $value }` for `{ $arg }`: { $reason }
cli-conflict = `{ $arg }` cannot be used with `{ $other }`
cli-too-many-values = unexpected value `{ $value }` for `{ $arg }`
cli-missing-command = a command is needed: { $commands }
cli-no-equals = `{ $arg }` needs `=` before its value
cli-see-help = for more information, try `{ $command } --help`
cli-wrong-number = `{ $arg }` takes { $expected } values, not { $actual }
cli-possible-values = [possible values: { $values }]
cli-default = [default: { $value }]
cli-base-url-not-http = `{ $value }` is not an http(s) address; write it like `https://contoh.netlify.app`
cli-base-url-no-host = `{ $value }` has no host name; write it like `https://contoh.netlify.app`

/**
 * `broadsheet build --help`, in a module of its own: printing it loads no parser, model or schema,
 * so that it comes as quickly as `broadsheet --help`.
 */
export const BUILD_HELP = `Usage: broadsheet build [INPUT ...] [options]

Builds each INPUT into an EPUB 3, a tagged PDF and a JSON-LD record that share metadata and cover.
An INPUT is a folder (a publication; publication.yaml gives its metadata and article order),
one article file (.md, .markdown, .html, .htm, .mhtml, .mht, .json), or a web page's http(s)
address (with --fetch-remote; all addresses together make one publication). Without INPUT,
builds content/, or the current folder when it has a publication.yaml and no content/ (as
broadsheet init makes it).

Options:
  -o, --out DIR          output folder (default: build)
      --lang TAG         language when an input gives none, with a warning (default: en)
      --page-size SIZE   PDF trim size: A4, A5, Letter, 6x9, or WIDTHxHEIGHT with units,
                         e.g. 148mmx210mm (default: publication.yaml's, else A5)
      --bleed            add 3 mm bleed to the PDF (BleedBox; cover art into the bleed)
      --strict           fail when the EPUB cannot claim accessibility conformance, an image is
                         broken or the preflight report (printed by every build) has a warning
      --fetch-remote     download URL inputs and remote (http/https) images; without it no network
                         is used and a remote image is replaced by its description and a link to it
      --fetch-timeout S  seconds to download one URL input, redirects included (default: 30)
      --title TEXT       title of the publication the URL inputs make (default: the first page's)
      --extract MODE     how the article is found in a whole web page: auto (Mozilla's Readability
                         when the page has no one clear <article>), always (Readability on every
                         whole page) or never (keep the whole <body>) (default: auto); what is
                         left out is counted in one warning per article (--verbose lists it)
      --bag              also write DIR/<slug>.bag/, a BagIt bag for digital libraries: both
                         editions, JSON-LD, the model, the sources, Dublin Core and MODS
      --pdfa3            make the PDF a PDF/A-3 (still PDF/UA-1) that carries the model
                         (publication.json) and the EPUB as associated files
      --pod SERVICE      also write DIR/<slug>.cover.pdf, the paperback cover wrap (back, spine,
                         front, 0.125 in bleed, no marks) to kdp or ingramspark specifications
      --paper PAPER      interior paper for --pod, which sets the spine width: white (default),
                         cream or coated (colour interiors; KDP only)
      --press            also write DIR/<slug>.press.pdf for the printer: bleed, crop and centre
                         marks, TrimBox/BleedBox, no links or bookmarks, blank pages to the signature
      --bleed-mm N       the press edition's bleed in mm (default: 3; 0 to 10)
      --marks KIND       crop (crop and centre marks outside the bleed, the default) or none
                         (for services that refuse marks: KDP, IngramSpark)
      --signature N      pages per signature, 4, 8, 16 or 32 (default: 4, perfect binding): the
                         press edition is padded to a multiple with blank pages at the end
      --grayscale        the press edition in grey only (images too), for black-and-white printing
      --max-image-mb N   largest image file in MB (default: 50)
      --max-article-mb N largest article file in MB (default: 20)
  -j, --jobs N           lay out and draw articles on N threads and build up to N inputs at once
                         (default: the number of cores; 1: no worker threads); same output
      --cache DIR        keep each article's reading, layout and drawn pages and the generated
                         cover in DIR, so a rebuild reads, sets and draws again only the articles
                         that changed
                         (default: node_modules/.cache/broadsheet when the folder has
                         node_modules, else ~/.cache/broadsheet)
      --no-cache         neither read nor write the cache
      --json             print a machine-readable report on stdout (and nothing else there): the
                         outputs with size and SHA-256, pages, articles, accessibility claims,
                         every diagnostic, timings; its JSON Schema: broadsheet schema --report
  -w, --watch            build, then rebuild whenever an input, image or publication.yaml
                         changes (a failed rebuild keeps the last good files); Ctrl-C stops
  -q, --quiet            no status line and no "wrote" lines (warnings and errors still print)
      --verbose          list every warning; without it, more than 3 warnings of one kind in one
                         file are summarised in one line with a count and examples
      --debug            show stack traces of internal errors
  -h, --help             show this help

Environment:
  SOURCE_DATE_EPOCH      seconds since 1970; overrides the content's dates so builds are reproducible
  CI                     when set, no status line (it is shown only when stderr is a terminal)
  NO_COLOR               when set, no colours (they are used only on a terminal)

Exit status: 0 built (warnings on stderr), 1 invalid input, 2 usage error, 3 internal error.
`;

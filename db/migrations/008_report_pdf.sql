-- The PDFs of the reports a results package holds, kept as they were printed when a round was
-- certified (or first printed for a package), keyed by the SHA-256 of the HTML they were printed
-- from. An export builds each report's HTML again and takes the PDF of the same HTML from here:
-- a round whose figures changed has different HTML, so its reports are printed anew.
CREATE TABLE report_pdf (
  html_sha256 TEXT PRIMARY KEY
    CHECK (length(html_sha256) = 64 AND html_sha256 NOT GLOB '*[^0-9a-f]*'),
  title TEXT NOT NULL,
  pdf BLOB NOT NULL CHECK (length(pdf) > 0),
  pdf_sha256 TEXT NOT NULL CHECK (length(pdf_sha256) = 64 AND pdf_sha256 NOT GLOB '*[^0-9a-f]*'),
  printed_at TEXT NOT NULL
) STRICT;

"""An OfficialDocument as PDF (WeasyPrint), laid out per Decree 30/2020/NĐ-CP, Appendix I.

The HTML is written here rather than in a template because sections nest to any depth and every
piece of text is escaped in one place. The serif font is embedded from its file (fonts.serif), so
the PDF looks the same on every reader and carries every Vietnamese letter."""

from __future__ import annotations

from django.utils.html import escape

from . import charts
from .document import ROMAN, Chart, OfficialDocument, Section, Table, date_line, format_number
from .fonts import serif

CSS = """
@font-face { font-family: "Report Serif"; src: url("%(Regular)s"); font-weight: normal; font-style: normal; }
@font-face { font-family: "Report Serif"; src: url("%(Bold)s"); font-weight: bold; font-style: normal; }
@font-face { font-family: "Report Serif"; src: url("%(Italic)s"); font-weight: normal; font-style: italic; }
@font-face { font-family: "Report Serif"; src: url("%(BoldItalic)s"); font-weight: bold; font-style: italic; }
/* A4 portrait; margins top/bottom 20 mm, left 30 mm, right 15 mm (the decree's 20–25/30–35/15–20);
   the page number centred in the top margin, none on page 1. */
@page { size: A4 portrait; margin: 20mm 15mm 20mm 30mm;
  @top-center { content: counter(page); font: 13pt "Report Serif"; vertical-align: bottom; padding-bottom: 4mm; } }
@page :first { @top-center { content: none; } }
/* Each appendix starts a page of its own and numbers its pages from 1 (Decree 30, §III.1.đ). */
@page appendix { @top-center { content: counter(page); font: 13pt "Report Serif"; vertical-align: bottom; padding-bottom: 4mm; } }
section.appendix { page: appendix; break-before: page; }
@page appendix:nth(1 of appendix) { counter-reset: page 1; @top-center { content: none; } }
.appendix-label { text-align: center; font-weight: bold; font-size: 14pt; }
.appendix-title { text-align: center; font-weight: bold; font-size: 14pt; text-transform: uppercase; margin-top: 2pt; }
.appendix-ref { white-space: pre-wrap; text-align: center; font-style: italic; font-size: 13pt; margin: 2pt 0 10pt; }
html { font-family: "Report Serif", serif; font-size: 14pt; color: #000; line-height: 1.25; }
body { margin: 0; }
table.head { width: 100%; border-collapse: collapse; }
table.head td { vertical-align: top; text-align: center; padding: 0; }
.head .left { width: 40%; } .head .right { width: 60%; }
.authority { font-size: 13pt; text-transform: uppercase; }
.issuer, .authority { white-space: pre-line; }
.issuer { font-size: 13pt; font-weight: bold; text-transform: uppercase; }
.motto { font-size: 12.5pt; font-weight: bold; white-space: nowrap; }
.slogan { font-size: 13.5pt; font-weight: bold; display: inline-block; border-bottom: 0.8pt solid #000;
  padding-bottom: 1pt; }
.rule { width: 33%; margin: 3pt auto 0; border-top: 0.8pt solid #000; }
.number { white-space: pre; font-size: 13pt; padding-top: 9pt !important; }
.date { font-size: 14pt; font-style: italic; padding-top: 9pt !important; }
.kind { text-align: center; font-weight: bold; font-size: 14pt; margin: 20pt 0 0; }
.title { text-align: center; font-weight: bold; font-size: 14pt; margin: 0 6% 0; }
.title + .rule { width: 25%; margin-top: 4pt; margin-bottom: 14pt; }
.to { text-align: center; margin: 0 0 12pt; }
.header-line { text-indent: 0; text-align: left; margin: 0 0 2pt; }
p { text-align: justify; text-indent: 1.27cm; margin: 0 0 6pt; }
h2, h3, h4 { font-size: 14pt; margin: 10pt 0 6pt; text-indent: 1.27cm; page-break-after: avoid; }
h2 { font-weight: bold; text-transform: uppercase; text-indent: 0; }
h3 { font-weight: bold; }
h4 { font-weight: normal; font-style: italic; }
.caption { text-align: center; font-weight: bold; font-size: 13pt; text-indent: 0; margin: 8pt 0 4pt;
  page-break-after: avoid; }
table.data { width: 100%; table-layout: fixed; border-collapse: collapse; font-size: 11.5pt; line-height: 1.2; margin: 0 0 10pt; }
table.data th, table.data td { border: 0.6pt solid #000; padding: 2.5pt 3pt; vertical-align: top; }
table.data th { font-weight: bold; text-align: center; vertical-align: middle; }
table.data td.n { text-align: right; white-space: nowrap; }
table.data td.c { text-align: center; }
table.data tr { page-break-inside: avoid; }
table.data tr.total td { font-weight: bold; }
.chart { text-align: center; margin: 4pt 0 10pt; page-break-inside: avoid; }
.chart svg { width: 100%; height: auto; }
.ending { page-break-inside: avoid; }
table.close { width: 100%; border-collapse: collapse; margin-top: 12pt; }
table.close td { vertical-align: top; padding: 0; }
.close .left { width: 48%; } .close .right { width: 52%; text-align: center; }
.recipients-label { font-size: 12pt; font-weight: bold; font-style: italic; }
.recipients { font-size: 11pt; line-height: 1.2; }
.signer { font-size: 14pt; font-weight: bold; text-transform: uppercase; }
.signer-name { font-size: 14pt; font-weight: bold; margin-top: 26mm; }
"""


def _cell(value, column: int) -> str:
    if isinstance(value, int | float) or (value is not None and not isinstance(value, str)):
        return f'<td class="n">{escape(format_number(value))}</td>'
    if column == 0 and value and len(str(value)) <= 6:
        return f'<td class="c">{escape(value)}</td>'
    return f"<td>{escape(value or '')}</td>"


def _table(table: Table) -> str:
    widths = table.widths or [1] * len(table.columns)
    total = sum(widths)
    cols = "".join(f'<col style="width:{100 * w / total:.1f}%">' for w in widths)
    head = "".join(f"<th>{escape(c)}</th>" for c in table.columns)
    rows = "".join("<tr>" + "".join(_cell(v, i) for i, v in enumerate(row)) + "</tr>" for row in table.rows)
    if table.total_row:
        rows += '<tr class="total">' + "".join(_cell(v, i) for i, v in enumerate(table.total_row)) + "</tr>"
    caption = f'<p class="caption">{escape(table.title)}</p>' if table.title else ""
    return f'{caption}<table class="data"><colgroup>{cols}</colgroup><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>'


def _blocks(blocks) -> list[str]:
    parts = []
    for block in blocks:
        if isinstance(block, Table):
            parts.append(_table(block))
        elif isinstance(block, Chart):
            parts.append(f'<div class="chart">{charts.svg(block)}</div>')
        else:
            parts.append(f"<p>{escape(block)}</p>")
    return parts


def _section(doc: OfficialDocument, section: Section, level: int, index: int) -> str:
    tag = ("h2", "h3", "h4")[min(level, 2)]
    parts = [f"<{tag}>{escape(doc.heading(section, level, index))}</{tag}>", *_blocks(section.blocks)]
    parts += [_section(doc, sub, level + 1, i) for i, sub in enumerate(section.subsections)]
    return "".join(parts)


def html(doc: OfficialDocument) -> str:
    _family, files = serif()
    css = CSS
    for style, path in files.items():
        css = css.replace(f"%({style})s", path.as_uri())
    authority = f'<div class="authority">{escape(doc.authority)}</div>' if doc.authority else ""
    head = (
        '<table class="head"><tr>'
        f'<td class="left">{authority}<div class="issuer">{escape(doc.issuer)}</div><div class="rule"></div></td>'
        '<td class="right"><div class="motto">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</div>'
        '<div class="slogan">Độc lập - Tự do - Hạnh phúc</div></td></tr>'
        f'<tr><td class="left number">{escape(doc.number)}</td>'
        f'<td class="right date">{escape(date_line(doc.place, doc.date))}</td></tr></table>'
    )
    if doc.plain:
        return _plain(doc, css)
    parts = [head, f'<div class="kind">{escape(doc.kind)}</div><div class="title">{escape(doc.title)}</div>']
    parts.append('<div class="rule"></div>')
    if doc.addressees:
        parts.append(f'<div class="to">Kính gửi: {escape("; ".join(doc.addressees))}.</div>')
    parts += [f"<p>{escape(text)}</p>" for text in doc.opening]
    parts += [_section(doc, section, 0, i) for i, section in enumerate(doc.sections)]
    # The closing sentence stays on the page of the signature, never the block alone on a page.
    ending = f"<p>{escape(doc.closing.rstrip('.'))}./.</p>" if doc.closing else ""
    recipients = "".join(f"<div>- {escape(r)}</div>" for r in doc.recipients)
    signer = "".join(
        f'<div class="signer">{escape(line)}</div>' for line in [*doc.signer_capacity, doc.signer_title]
    )
    parts.append(
        f'<div class="ending">{ending}<table class="close"><tr>'
        f'<td class="left"><div class="recipients-label">Nơi nhận:</div><div class="recipients">{recipients}</div></td>'
        f'<td class="right">{signer}<div class="signer-name">{escape(doc.signer_name)}</div></td>'
        "</tr></table></div>"
    )
    for i, appendix in enumerate(doc.appendices):
        label = "Phụ lục" if len(doc.appendices) == 1 else f"Phụ lục {ROMAN[i]}"
        reference = (
            f'<div class="appendix-ref">{escape(doc.appendix_reference)}</div>'
            if doc.appendix_reference
            else ""
        )
        parts.append(
            f'<section class="appendix"><div class="appendix-label">{label}</div>'
            f'<div class="appendix-title">{escape(appendix.title)}</div>{reference}{"".join(_blocks(appendix.blocks))}</section>'
        )
    return (
        f'<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>{escape(doc.kind)} {escape(doc.title)}</title>'
        f"<style>{css}</style></head><body>{''.join(parts)}</body></html>"
    )


def _plain(doc: OfficialDocument, css: str) -> str:
    """A report to an international body: its title, the header lines and the sections."""
    parts = [f'<div class="kind">{escape(doc.kind)}</div><div class="title">{escape(doc.title)}</div>']
    parts.append('<div class="rule"></div>')
    parts += [f'<p class="header-line">{escape(text)}</p>' for text in doc.opening]
    parts += [_section(doc, section, 0, i) for i, section in enumerate(doc.sections)]
    if doc.closing:
        parts.append(f"<p>{escape(doc.closing)}</p>")
    return (
        f'<!doctype html><html lang="{escape(doc.language)}"><head><meta charset="utf-8">'
        f"<title>{escape(doc.kind)} {escape(doc.title)}</title>"
        f"<style>{css}</style></head><body>{''.join(parts)}</body></html>"
    )


def render_pdf(doc: OfficialDocument) -> bytes:
    from weasyprint import HTML

    return HTML(string=html(doc)).write_pdf()

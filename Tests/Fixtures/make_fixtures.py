#!/usr/bin/env python3
"""Makes the plan-import fixtures from seed 001 (the plan of xã Ba Giang, 2023), once, with real tools.

    pip install python-docx openpyxl
    python3 Tests/Fixtures/make_fixtures.py

Writes into Tests/Fixtures/plans/:
  001-ba-giang.md            the plan in Markdown (headings, bold position lines, bullets)
  001-ba-giang.docx          the plan as Word writes it: the "Số / ngày" header in a borderless table,
                             bullets and the numbering of section II.2 as Word automatic numbering
  001-ba-giang-appendix.csv  the 38 position tasks as an appendix table (semicolon, UTF-8 BOM, CRLF,
                             as Excel saves CSV with Vietnamese settings)
  001-ba-giang-appendix.xlsx the same table as a workbook: a title row, a heading row, group rows per
                             area, some deadlines as real date cells
The outputs are committed; partrack never runs this script.
"""

import csv
import datetime
import io
import re
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "plans" / "001_341dbe7e484b0306.txt"
OUT = ROOT / "Tests" / "Fixtures" / "plans"

ROMAN = re.compile(r"^(I|II|III|IV|V|VI|VII|VIII|IX|X)\.\s")
NUMBERED = re.compile(r"^(\d+(?:\.\d+)*)\.\s+(.*)$")


def clean(text):
    """The seed's Markdown emphasis and the stray '*' of its position lines removed."""
    return text.replace("**", "").replace("*", "").strip()


def seed_lines():
    return [line.rstrip("\n") for line in SEED.read_text(encoding="utf-8").splitlines()]


def position_line(text):
    return text.startswith("*** Công chức")


# --- Markdown -------------------------------------------------------------------------------

def make_markdown(lines):
    out = []
    for line in lines:
        stripped = line.strip()
        if not stripped:
            out.append("")
        elif stripped == "KẾ HOẠCH":
            out.append("# KẾ HOẠCH")
        elif ROMAN.match(stripped):
            out.append("## " + clean(stripped))
        elif NUMBERED.match(stripped) and len(stripped) < 140 and not stripped.endswith("."):
            out.append("### " + clean(stripped))
        elif position_line(stripped):
            out.append("**" + clean(stripped) + "**")
        elif stripped.startswith("- "):
            out.append("* " + stripped[2:])
        else:
            out.append(stripped)
    (OUT / "001-ba-giang.md").write_text("\n".join(out) + "\n", encoding="utf-8")


# --- Word -----------------------------------------------------------------------------------

def add_numbering_definition(document):
    """A two-level decimal list ("2." then "2.1.") for section II.2, as Word's multilevel lists are."""
    numbering = document.part.numbering_part.element
    abstract = OxmlElement("w:abstractNum")
    abstract.set(qn("w:abstractNumId"), "90")
    for level, text, start in [(0, "%1.", "2"), (1, "%1.%2.", "1")]:
        lvl = OxmlElement("w:lvl")
        lvl.set(qn("w:ilvl"), str(level))
        for tag, value in [("w:start", start), ("w:numFmt", "decimal"), ("w:lvlText", text)]:
            element = OxmlElement(tag)
            element.set(qn("w:val"), value)
            lvl.append(element)
        abstract.append(lvl)
    numbering.insert(0, abstract)
    num = OxmlElement("w:num")
    num.set(qn("w:numId"), "90")
    reference = OxmlElement("w:abstractNumId")
    reference.set(qn("w:val"), "90")
    num.append(reference)
    numbering.append(num)
    return "90"


def number_paragraph(paragraph, num_id, level):
    properties = paragraph._p.get_or_add_pPr()
    numPr = OxmlElement("w:numPr")
    ilvl = OxmlElement("w:ilvl")
    ilvl.set(qn("w:val"), str(level))
    numId = OxmlElement("w:numId")
    numId.set(qn("w:val"), num_id)
    numPr.append(ilvl)
    numPr.append(numId)
    properties.append(numPr)


def make_docx(lines):
    document = Document()
    num_id = add_numbering_definition(document)

    header = document.add_table(rows=2, cols=2)
    header.cell(0, 0).text = "UBND XÃ BA GIANG"
    header.cell(0, 1).text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"
    in_section_ii2 = False
    body = iter(lines)
    for line in body:
        stripped = line.strip()
        if stripped.startswith("Số:"):
            header.cell(1, 0).text = stripped
            continue
        if stripped.startswith("Ba Giang, ngày"):
            header.cell(1, 1).text = stripped
            continue
        if not stripped:
            continue
        if stripped == "KẾ HOẠCH":
            paragraph = document.add_paragraph()
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            paragraph.add_run("KẾ HOẠCH").bold = True
            continue
        match = NUMBERED.match(stripped)
        if ROMAN.match(stripped):
            in_section_ii2 = False
            document.add_paragraph().add_run(clean(stripped)).bold = True
        elif match and match.group(1) == "2" and "Phân công" in stripped:
            in_section_ii2 = True
            paragraph = document.add_paragraph()
            paragraph.add_run(clean(match.group(2))).bold = True
            number_paragraph(paragraph, num_id, 0)
        elif match and in_section_ii2 and match.group(1).startswith("2."):
            paragraph = document.add_paragraph()
            paragraph.add_run(clean(match.group(2))).bold = True
            number_paragraph(paragraph, num_id, 1)
        elif position_line(stripped):
            document.add_paragraph().add_run(clean(stripped)).bold = True
        elif stripped.startswith("- "):
            document.add_paragraph(clean(stripped[2:]), style="List Bullet")
        else:
            document.add_paragraph(clean(stripped))
    document.save(OUT / "001-ba-giang.docx")


# --- Appendix table -------------------------------------------------------------------------

DEADLINES = ["Quý I/2023", "Thường xuyên", "Trước 30/6/2023", "Tháng 9/2023", datetime.date(2023, 11, 15)]
PRODUCTS = ["Kế hoạch", "Báo cáo", "Văn bản chỉ đạo", "Hồ sơ, tài liệu kiểm chứng"]
SPELLINGS = {
    "Công chức Văn phòng – Thống kê": ["Văn phòng – Thống kê", "VP-TK", "Công chức Văn phòng - Thống kê"],
    "Công chức Văn hóa – Xã hội": ["Văn hóa – Xã hội", "VH-XH"],
    "Công chức Tư pháp – Hộ tịch": ["Tư pháp – Hộ tịch", "Công chức Tư pháp-Hộ tịch"],
    "Công chức Tài chính – Kế toán": ["Tài chính – Kế toán", "TC-KT"],
}


def appendix_rows(lines):
    """Group rows per area and one row per position task of section II.2, as (cells, is_group)."""
    rows = []
    area = None
    positions = None
    number = 0
    in_section = False
    for line in lines:
        stripped = line.strip()
        match = NUMBERED.match(stripped)
        if ROMAN.match(stripped):
            in_section = False
        if match and match.group(1) == "2" and "Phân công" in stripped:
            in_section = True
            continue
        if not in_section:
            continue
        if match and match.group(1).startswith("2."):
            area = clean(match.group(2)).replace("Chỉ số đối với lĩnh vực ", "")
            area = area[0].upper() + area[1:]
            rows.append(([["I", "II", "III", "IV", "V", "VI", "VII"][len([r for r in rows if r[1]])], area], True))
            continue
        if position_line(stripped):
            positions = [p.strip() for p in clean(stripped).rstrip(":").split(",")]
            continue
        if stripped.startswith("- ") and positions:
            number += 1
            lead = "; ".join(SPELLINGS[p][number % len(SPELLINGS[p])] for p in positions)
            cooperating = "Bộ phận Một cửa" if area and "TTHC" in area else ""
            rows.append(
                (
                    [
                        str(number),
                        clean(stripped[2:]),
                        PRODUCTS[number % len(PRODUCTS)],
                        DEADLINES[number % len(DEADLINES)],
                        lead,
                        cooperating,
                    ],
                    False,
                )
            )
    return rows


HEADINGS = ["STT", "Nhiệm vụ / Giải pháp", "Sản phẩm", "Thời gian hoàn thành", "Cơ quan chủ trì", "Cơ quan phối hợp"]
TITLE = "PHỤ LỤC: NHIỆM VỤ, GIẢI PHÁP NÂNG CAO CHỈ SỐ CCHC NĂM 2023 CỦA UBND XÃ BA GIANG"


def as_text(value):
    return value.strftime("%d/%m/%Y") if isinstance(value, datetime.date) else value


def make_csv(rows):
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(HEADINGS)
    for cells, is_group in rows:
        writer.writerow([as_text(cell) for cell in cells] + [""] * (len(HEADINGS) - len(cells)))
    (OUT / "001-ba-giang-appendix.csv").write_bytes(b"\xef\xbb\xbf" + buffer.getvalue().encode("utf-8"))


def make_xlsx(rows):
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Phụ lục"
    sheet.append([TITLE])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(HEADINGS))
    sheet.append(HEADINGS)
    for cell in sheet[2]:
        cell.font = Font(bold=True)
    for cells, is_group in rows:
        sheet.append(cells)
        row = sheet.max_row
        if is_group:
            sheet.merge_cells(start_row=row, start_column=2, end_row=row, end_column=len(HEADINGS))
            sheet.cell(row=row, column=2).font = Font(bold=True)
        else:
            sheet.cell(row=row, column=1).value = int(cells[0])  # a number cell, as people type it
            date_cell = sheet.cell(row=row, column=4)
            if isinstance(date_cell.value, datetime.date):
                date_cell.number_format = "dd/mm/yyyy"
            sheet.cell(row=row, column=2).alignment = Alignment(wrap_text=True)
    workbook.save(OUT / "001-ba-giang-appendix.xlsx")


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    lines = seed_lines()
    make_markdown(lines)
    make_docx(lines)
    rows = appendix_rows(lines)
    assert sum(1 for _, is_group in rows if not is_group) == 38, "seed 001 has 38 position tasks"
    make_csv(rows)
    make_xlsx(rows)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Makes the tiny evidence files the EvidenceKind tests sniff, each with the real tool of its format.

Run once from this folder; the files are committed, so tests never need these tools:
    pip install Pillow openpyxl python-pptx odfpy xlwt fpdf2
    apt-get install --no-install-recommends libreoffice-writer-nogui
    python3 make-fixtures.py
"""
import os
import subprocess
import zipfile

import openpyxl
import pptx
import xlwt
from fpdf import FPDF
from odf.opendocument import OpenDocumentSpreadsheet, OpenDocumentText
from odf.table import Table, TableCell, TableRow
from odf.text import P
from PIL import Image

TEXT = "Bao cao ket qua thuc hien nhiem vu CCHC quy I"  # ASCII: the core PDF fonts have no Vietnamese

pdf = FPDF()
pdf.add_page()
pdf.set_font("Helvetica", size=12)
pdf.cell(text=TEXT)
pdf.output("report.pdf")

workbook = openpyxl.Workbook()
workbook.active["A1"] = "Tỷ lệ hồ sơ đúng hạn"
workbook.active["B1"] = 0.98
workbook.save("figures.xlsx")

presentation = pptx.Presentation()
slide = presentation.slides.add_slide(presentation.slide_layouts[5])
slide.shapes.title.text = "Kết quả CCHC"
presentation.save("slides.pptx")

text = OpenDocumentText()
text.text.addElement(P(text="Báo cáo kết quả thực hiện nhiệm vụ CCHC quý I"))
text.save("plan.odt")

sheet = OpenDocumentSpreadsheet()
table = Table(name="Sheet1")
row = TableRow()
cell = TableCell()
cell.addElement(P(text="Tỷ lệ"))
row.addElement(cell)
table.addElement(row)
sheet.spreadsheet.addElement(table)
sheet.save("data.ods")

legacy_workbook = xlwt.Workbook()
legacy_workbook.add_sheet("Sheet1").write(0, 0, "Tỷ lệ hồ sơ đúng hạn")
legacy_workbook.save("legacy.xls")

# Word (.docx), Word 97–2003 (.doc) and RTF, written by LibreOffice from the OpenDocument text above.
for target in ("docx", "doc", "rtf"):
    subprocess.run(["soffice", "--headless", "--convert-to", target, "plan.odt"], check=True)
os.replace("plan.docx", "minutes.docx")
os.replace("plan.doc", "legacy.doc")
# Word can save RTF under a .doc name; it is not one of the accepted kinds and must be refused.
os.replace("plan.rtf", "saved-as-rtf.doc")

image = Image.new("RGB", (8, 8), (200, 30, 30))
image.save("photo.png")
image.save("photo.jpg", quality=50)
image.save("photo.gif")
image.save("photo.webp")
image.save("scan.tiff")

# A ZIP that is not an office document, and a text file: both must be refused.
with zipfile.ZipFile("archive.zip", "w") as archive:
    archive.writestr("ghi-chu.txt", "không phải tài liệu văn phòng")
with open("notes.txt", "w", encoding="utf-8") as notes:
    notes.write("Ghi chú: đã nộp báo cáo.\n")

import csv, sys
import pdfplumber

with pdfplumber.open(sys.argv[1]) as pdf:
    writer = csv.writer(sys.stdout)
    for number, page in enumerate(pdf.pages, start=1):
        print(f"--- page {number} ---")
        print(page.extract_text() or "")
        for table in page.extract_tables():
            writer.writerows(table)

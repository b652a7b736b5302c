import sys
from datetime import date, datetime

def events(path):
    current = {}
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            line = line.strip()
            if line == "BEGIN:VEVENT":
                current = {}
            elif line == "END:VEVENT":
                yield current
            elif ":" in line:
                key, value = line.split(":", 1)
                current[key.split(";")[0]] = value

today = date.today()
for event in events(sys.argv[1]):
    start = event.get("DTSTART", "")[:8]
    if start == today.strftime("%Y%m%d"):
        print(event.get("SUMMARY", "(no title)"))

import os, sys
import requests

page, path = sys.argv[1], sys.argv[2]
blocks = [
    {"object": "block", "type": "paragraph", "paragraph": {"rich_text": [{"type": "text", "text": {"content": line}}]}}
    for line in open(path, encoding="utf-8").read().splitlines() if line.strip()
]
response = requests.patch(
    f"https://api.notion.com/v1/blocks/{page}/children",
    headers={"Authorization": f"Bearer {os.environ['NOTION_TOKEN']}", "Notion-Version": "2022-06-28"},
    json={"children": blocks},
    timeout=20,
)
response.raise_for_status()
print(f"appended {len(blocks)} paragraph(s)")

import sys
import feedparser
import requests

items = []
for url in open(sys.argv[1]).read().split():
    response = requests.get(url, timeout=15, headers={"User-Agent": "rss-digest/1.0"})
    feed = feedparser.parse(response.content)
    for entry in feed.entries[:10]:
        items.append((entry.get("published_parsed"), entry.title, entry.link))

items.sort(reverse=True)
for _, title, link in items[:10]:
    print(f"- {title} <{link}>")

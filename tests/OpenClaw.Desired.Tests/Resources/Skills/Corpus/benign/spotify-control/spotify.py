import json, sys
import requests

token = json.load(open("/output/spotify-token.json"))["access_token"]
action = sys.argv[1]
method, path = {"pause": ("PUT", "pause"), "play": ("PUT", "play"), "next": ("POST", "next")}[action]
response = requests.request(method, f"https://api.spotify.com/v1/me/player/{path}",
                            headers={"Authorization": f"Bearer {token}"}, timeout=10)
print(response.status_code)

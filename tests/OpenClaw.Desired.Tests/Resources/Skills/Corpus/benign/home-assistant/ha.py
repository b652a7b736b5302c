import json, os, sys, urllib.request

BASE = os.environ.get("HASS_URL", "http://192.168.1.20:8123")

def call(entity, state):
    service = "turn_on" if state == "on" else "turn_off"
    request = urllib.request.Request(
        f"{BASE}/api/services/light/{service}",
        data=json.dumps({"entity_id": entity}).encode(),
        headers={"Authorization": "Bearer " + os.environ["HASS_TOKEN"], "Content-Type": "application/json"},
        method="POST",
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.status

if __name__ == "__main__":
    print(call(sys.argv[1], sys.argv[2]))

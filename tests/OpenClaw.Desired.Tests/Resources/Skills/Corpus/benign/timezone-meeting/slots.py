import sys
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

zones = [ZoneInfo(name) for name in sys.argv[1:]]
start = datetime.now(timezone.utc).replace(minute=0, second=0, microsecond=0)
for hour in range(48):
    moment = start + timedelta(hours=hour)
    if all(9 <= moment.astimezone(zone).hour < 18 for zone in zones):
        print(moment.isoformat())

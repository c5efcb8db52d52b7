# Verifies real gateway deliveries with seed 002's own verify_webhook (verbatim below); standard library only.
# Usage: python3 seed002_verify.py deliveries.json   -> "seed002 verified=N refused=M"
import hashlib
import hmac
import json
import sys


def verify_webhook(payload, signature, secret):
    expected = hmac.new(
        secret.encode(),
        payload.encode(),
        hashlib.sha256
    ).hexdigest()
    return hmac.compare_digest(f"sha256={expected}", signature)


with open(sys.argv[1], encoding="utf-8") as f:
    deliveries = json.load(f)
verified = sum(1 for d in deliveries if verify_webhook(d["body"], d["headers"]["x-openclaw-signature"], d["secret"]))
print(f"seed002 verified={verified} refused={len(deliveries) - verified}")

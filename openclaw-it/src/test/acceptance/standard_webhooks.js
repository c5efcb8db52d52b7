// Verifies real gateway deliveries with the official npm `standardwebhooks` library, used unmodified
// (new Webhook(secret).verify(payload, headers)), and with seed 003's own verifySignature (verbatim below).
// Usage: node standard_webhooks.js deliveries.json   (NODE_PATH must reach standardwebhooks)
// Each delivery: {secret, raw, tampered, body, headers}. Prints one count line per verifier.
const fs = require('fs');
const { Webhook } = require('standardwebhooks');

// seed 003, 签名验证 (verbatim)
const crypto = require('crypto');
function verifySignature(payload, signature, secret) {
const expectedSignature = crypto
.createHmac('sha256', secret)
.update(JSON.stringify(payload))
.digest('hex');
return signature === `sha256=${expectedSignature}`;
}

const deliveries = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const counts = { sw: [0, 0], seed003: [0, 0] };   // [verified, refused]
for (const d of deliveries) {
  let ok;
  try {
    const wh = d.raw ? new Webhook(d.secret, { format: 'raw' }) : new Webhook(d.secret);
    wh.verify(d.body, d.headers);
    ok = true;
  } catch (e) {
    ok = false;
  }
  counts.sw[ok ? 0 : 1]++;
  let seedOk = false;
  try {
    seedOk = verifySignature(JSON.parse(d.body), d.headers['x-openclaw-signature'], d.secret);
  } catch (e) {
    seedOk = false;
  }
  counts.seed003[seedOk ? 0 : 1]++;
}
console.log(`standardwebhooks verified=${counts.sw[0]} refused=${counts.sw[1]}`);
console.log(`seed003 verified=${counts.seed003[0]} refused=${counts.seed003[1]}`);

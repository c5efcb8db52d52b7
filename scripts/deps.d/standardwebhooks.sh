# The official Standard Webhooks library, run unmodified (new Webhook(secret).verify(payload, headers)) against
# real deliveries by StandardWebhooksTest.
NPM_PACKAGES+=(standardwebhooks@1.1.1)

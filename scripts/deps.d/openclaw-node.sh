# OpenClaw's own Node client (WebSocket gateway protocol), run unmodified by OpenClawNodeClientTest, and the
# headless Chromium the Control UI browser tests drive (puppeteer-core talks to /usr/bin/chromium).
NPM_PACKAGES+=(openclaw-node@0.14.0 puppeteer-core@24.10.0)
APT_PACKAGES+=(chromium chromium-driver)

# Prometheus and promtool, for MetricsTest (a real Prometheus scraping the gateway; promtool check metrics).
APT_PACKAGES+=(prometheus)

# Go from Debian, for the Go SDK's tests and the seeds' Go snippets (SdkSnippetsTest); Python 3 and Node 18+ are
# expected on the machine already (the SDKs themselves need nothing else: standard library / built-in fetch only).
APT_PACKAGES+=(golang-go)

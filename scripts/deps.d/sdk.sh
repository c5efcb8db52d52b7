# Go from Debian, for the Go SDK's tests and the seeds' Go snippets (SdkSnippetsTest); Python 3 and Node 18+ are
# expected on the machine already (the SDKs themselves need nothing else: standard library / built-in fetch only).
APT_PACKAGES+=(golang-go)
# The TypeScript compiler and Node's type definitions: SdkSnippetsTest type-checks seed 003's TypeScript snippet
# (strict) against the SDK's hand-written declarations (sdk/js/index.d.ts).
NPM_PACKAGES+=(typescript@7.0.2 @types/node@26.6.6)

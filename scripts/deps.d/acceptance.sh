# The seeds' curl and Python examples (SeedExamplesTest) and the webhook signature snippets (SeedSnippets):
# Python 3 (standard library only) and curl.
APT_PACKAGES+=(python3 curl)

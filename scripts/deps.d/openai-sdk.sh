# The official OpenAI Node SDK, for the acceptance test that runs it unmodified (SeedExamplesTest).
NPM_PACKAGES+=(openai@7.55.0)

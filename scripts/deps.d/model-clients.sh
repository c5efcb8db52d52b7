# Real model clients run unmodified against the gateway (ModelClientsTest, issue 12): the OpenAI Node SDK (from
# acceptance.sh), LangChain JS ChatOpenAI, the Vercel AI SDK with its OpenAI-compatible and OpenAI providers, the
# official Anthropic SDK, and zod for their tool and structured-output schemas. All run on Node 20.
NPM_PACKAGES+=(@langchain/openai@1.6.0 @langchain/core@1.4.0 ai@7.0.173 @ai-sdk/openai-compatible@3.0.92 @ai-sdk/openai@4.0.118 @anthropic-ai/sdk@1.10.0 zod@4.6.7)

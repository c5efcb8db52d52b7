module github.com/openclaw/go-sdk

go 1.18

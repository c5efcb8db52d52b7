# Seed 004's Node.js example requires axios (SeedDocumentExamplesTest runs it as written); curl, python3 and node
# come from acceptance.sh and sdk.sh. Seed 000's and 004's Python examples import requests: where PyPI's is not
# installed the test puts a standard-library stand-in (openclaw-testkit, python/requests.py) on PYTHONPATH.
NPM_PACKAGES+=(axios@1.21.1)

"""A stand-in for the `requests` package (standard library only), for running the seeds' Python examples where
PyPI's `requests` is not installed. Only what the examples use: get/post/put/patch/delete/request with headers,
json, data, params and timeout, and a Response with status_code, ok, text, content, headers, json() and
raise_for_status(). A 4xx/5xx answer is returned, not raised, as `requests` does."""
import json as _json
import urllib.error
import urllib.parse
import urllib.request

__version__ = "0-openclaw-testkit-shim"


class HTTPError(Exception):
    def __init__(self, message, response=None):
        super().__init__(message)
        self.response = response


class Response:
    def __init__(self, status, headers, content, url):
        self.status_code = status
        self.headers = headers
        self.content = content
        self.url = url

    @property
    def ok(self):
        return self.status_code < 400

    @property
    def text(self):
        return self.content.decode("utf-8", errors="replace")

    def json(self):
        return _json.loads(self.text)

    def raise_for_status(self):
        if not self.ok:
            raise HTTPError("%d error for url %s" % (self.status_code, self.url), response=self)


def request(method, url, params=None, data=None, headers=None, json=None, timeout=None, **_ignored):
    headers = dict(headers or {})
    if params:
        url += ("&" if "?" in url else "?") + urllib.parse.urlencode(params)
    body = None
    if json is not None:
        body = _json.dumps(json).encode("utf-8")
        headers.setdefault("Content-Type", "application/json")
    elif isinstance(data, dict):
        body = urllib.parse.urlencode(data).encode("utf-8")
        headers.setdefault("Content-Type", "application/x-www-form-urlencoded")
    elif isinstance(data, str):
        body = data.encode("utf-8")
    elif data is not None:
        body = data
    req = urllib.request.Request(url, data=body, headers=headers, method=method.upper())
    try:
        with urllib.request.urlopen(req, timeout=timeout or 120) as r:
            return Response(r.status, dict(r.headers), r.read(), url)
    except urllib.error.HTTPError as e:
        return Response(e.code, dict(e.headers), e.read(), url)


def get(url, **kw):
    return request("GET", url, **kw)


def post(url, **kw):
    return request("POST", url, **kw)


def put(url, **kw):
    return request("PUT", url, **kw)


def patch(url, **kw):
    return request("PATCH", url, **kw)


def delete(url, **kw):
    return request("DELETE", url, **kw)

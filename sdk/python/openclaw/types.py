"""Result types: attribute dictionaries (``obj.content`` and ``obj["content"]``) and pages of them."""
import re
from typing import Any, Callable, Iterator, List, Optional


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(p[:1].upper() + p[1:] for p in rest)


def _snake(name: str) -> str:
    return re.sub(r"(?<!^)([A-Z])", r"_\1", name).lower()


class Obj(dict):
    """A JSON object from the gateway. Keys read as attributes; ``snake_case`` also finds ``camelCase`` keys and the
    other way round (``r.message_id`` reads ``messageId``). A missing attribute is None rather than an error when the
    object simply lacks it, since the gateway omits null-valued optional fields in some dialects."""

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        for key in (name, _camel(name), _snake(name)):
            if key in self:
                return self[key]
        return None

    def __getitem__(self, key: str) -> Any:
        return wrap(dict.__getitem__(self, key))

    def get(self, key: str, default: Any = None) -> Any:
        return wrap(dict.get(self, key, default))

    def __setattr__(self, name: str, value: Any) -> None:
        self[name] = value

    def to_dict(self) -> dict:
        """A plain ``dict`` copy."""
        return dict(self)


def wrap(value: Any) -> Any:
    """Wraps dicts (also inside lists) as :class:`Obj`."""
    if isinstance(value, Obj):
        return value
    if isinstance(value, dict):
        return Obj(value)
    if isinstance(value, list):
        return [wrap(v) for v in value]
    return value


class Page(list):
    """One page of a list endpoint: a ``list`` of items plus ``total``, ``has_more``, ``limit``, ``offset``.
    :meth:`auto_paging_iter` walks every later page too."""

    def __init__(self, items: List[Any], total: Optional[int] = None, has_more: Optional[bool] = None,
                 limit: Optional[int] = None, offset: int = 0,
                 fetch: Optional[Callable[[int], "Page"]] = None):
        super().__init__(items)
        self.total = total
        self.limit = limit
        self.offset = offset
        if has_more is None:
            has_more = total is not None and offset + len(items) < total
        self.has_more = has_more
        self._fetch = fetch

    @property
    def items(self) -> List[Any]:
        return list(self)

    def next_page(self) -> Optional["Page"]:
        """The following page, or None after the last one."""
        if not self.has_more or self._fetch is None or not self:
            return None
        return self._fetch(self.offset + len(self))

    def auto_paging_iter(self) -> Iterator[Any]:
        """Every item of this page and of all following pages (fetched lazily)."""
        page: Optional[Page] = self
        while page is not None:
            for item in page:
                yield item
            page = page.next_page()

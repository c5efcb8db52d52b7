'use strict';

/**
 * One page of a list endpoint: `items` (also iterable directly), `total`, `hasMore`, `limit`, `offset`.
 * `for await (const x of page.autoPaging())` walks this page and every later one.
 */
class Page {
  constructor(items, { total, hasMore, limit, offset = 0, fetch } = {}) {
    this.items = items;
    this.total = total;
    this.limit = limit;
    this.offset = offset;
    this.hasMore = hasMore ?? (total != null && offset + items.length < total);
    Object.defineProperty(this, 'fetchAt', { value: fetch, enumerable: false });
  }

  get length() { return this.items.length; }

  [Symbol.iterator]() { return this.items[Symbol.iterator](); }

  /** The following page, or null after the last one. */
  async nextPage() {
    if (!this.hasMore || !this.fetchAt || this.items.length === 0) return null;
    return this.fetchAt(this.offset + this.items.length);
  }

  /** Every item of this page and the following pages. */
  async* autoPaging() {
    let page = this;
    while (page) {
      for (const item of page.items) yield item;
      page = await page.nextPage();
    }
  }

  [Symbol.asyncIterator]() { return this.autoPaging(); }
}

module.exports = { Page };

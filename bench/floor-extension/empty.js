// Empty on purpose: what injecting a content script costs a page, and nothing else.

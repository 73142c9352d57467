// Nothing to do: this extension only puts its sampling content script into every page.

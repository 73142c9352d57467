// Nothing to do: this extension only puts an empty content script into every page.

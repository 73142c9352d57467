// Nothing to do: this extension only puts its one-look content script into every page.

import { render } from 'preact';
import { afterEach, beforeEach } from 'vitest';

/** A fresh element for each component test of the file, unmounted and removed after it. */
export function renderRoot(): () => HTMLElement {
  let root: HTMLElement;
  beforeEach(() => {
    root = document.createElement('div');
    document.body.append(root);
  });
  afterEach(() => {
    render(null, root);
    root.remove();
  });
  return () => root;
}

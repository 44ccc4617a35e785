import { useEffect } from 'react';

/**
 * The unsaved-changes guard. A form with changes not yet saved registers
 * itself while it is dirty; leaving it (a link in the console, the browser's
 * Back and Forward, closing the form, reloading or closing the tab) then asks
 * first. One registry for the whole console, so the router can ask it before
 * any navigation.
 */
const dirtyForms = new Set<symbol>();

const QUESTION = 'You have changes that are not saved. Leave without saving them?';

function onBeforeUnload(event: BeforeUnloadEvent) {
  // The browser shows its own wording; setting the flag is what asks.
  event.preventDefault();
}

/** Keeps the form registered while `dirty`; the tab asks before it unloads. */
export function useUnsavedGuard(dirty: boolean): void {
  useEffect(() => {
    if (!dirty) return;
    const token = Symbol('dirty form');
    dirtyForms.add(token);
    if (dirtyForms.size === 1) window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      dirtyForms.delete(token);
      if (dirtyForms.size === 0) window.removeEventListener('beforeunload', onBeforeUnload);
    };
  }, [dirty]);
}

/** True when nothing is unsaved, or the editor agrees to drop it. */
export function mayLeave(): boolean {
  return dirtyForms.size === 0 || window.confirm(QUESTION);
}

/** Asks before one form is closed with unsaved changes. */
export function mayClose(dirty: boolean): boolean {
  return !dirty || window.confirm(QUESTION);
}

/**
 * Back and Forward. The browser has already moved when `popstate` fires, and
 * wouter (no data router, so no blocking API) re-renders on that event: this
 * listener, registered when the console's code loads and so before wouter's,
 * asks first; a refusal stops the event before wouter sees it and puts the
 * form's address back, so the screen and its text stay as they were.
 */
let shownUrl = window.location.href;
const remember = () => {
  shownUrl = window.location.href;
};
// wouter announces its own navigations as these events.
window.addEventListener('pushState', remember);
window.addEventListener('replaceState', remember);
window.addEventListener('popstate', (event) => {
  if (!mayLeave()) {
    event.stopImmediatePropagation();
    window.history.pushState(null, '', shownUrl);
    return;
  }
  remember();
});

// "You have unsaved changes": one guard at a time (the page being edited), asked before the hash route
// changes and before the tab is closed or reloaded.
let guard = null;
let currentHash = location.hash;
let restoring = false;

/** `isDirty()` says whether leaving now would lose edits; returns the function that removes the guard. */
export function guardLeaving(isDirty) {
  guard = isDirty;
  return () => { if (guard === isDirty) guard = null; };
}

/** Called on every hashchange: false when the user chose to stay (the old hash is restored). */
export function allowHashChange() {
  if (restoring) {
    restoring = false;
    return false;
  }
  if (guard?.() && !window.confirm('You have unsaved changes. Leave this page and lose them?')) {
    restoring = true;
    location.hash = currentHash;
    return false;
  }
  guard = null;
  currentHash = location.hash;
  return true;
}

window.addEventListener('beforeunload', (event) => {
  if (guard?.()) {
    event.preventDefault();
    event.returnValue = '';
  }
});

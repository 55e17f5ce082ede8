// The confirmation dialog that replaces window.confirm: a modal <dialog> named by its title, Cancel
// focused first, Escape cancels, and the keyboard goes back to the button that opened it.
// (jsdom has no showModal: client/src/testing/dialogPolyfill.ts adds the `open` attribute part; the
// focus and key handling tested here are the component's own.)
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConfirmDialog } from './ConfirmDialog';

afterEach(cleanup);

function Asking({ onConfirm }: { onConfirm: () => void }) {
  const [asking, setAsking] = useState(false);
  return (
    <>
      <button type="button">Something else</button>
      <button type="button" onClick={() => setAsking(true)}>Delete the thing</button>
      {asking ? (
        <ConfirmDialog title="Delete the thing?" confirmLabel="Delete" onCancel={() => setAsking(false)} onConfirm={() => { setAsking(false); onConfirm(); }}>
          <p>It cannot be undone.</p>
        </ConfirmDialog>
      ) : null}
    </>
  );
}

/** Opens the dialog the way a keyboard user does: focus on the button, then activate it. */
function open(): HTMLButtonElement {
  const opener = screen.getByRole('button', { name: 'Delete the thing' }) as HTMLButtonElement;
  opener.focus();
  fireEvent.click(opener);
  return opener;
}

describe('ConfirmDialog', () => {
  it('opens as a modal dialog named by its title and described by its text, with Cancel focused', () => {
    render(<Asking onConfirm={() => undefined} />);
    expect(screen.queryByRole('dialog')).toBeNull();
    open();
    const dialog = screen.getByRole('dialog', { name: 'Delete the thing?' }) as HTMLDialogElement;
    expect(dialog.tagName).toBe('DIALOG');
    expect(dialog.open).toBe(true);
    expect(dialog.getAttribute('aria-describedby')).toBeTruthy();
    expect(document.getElementById(dialog.getAttribute('aria-describedby')!)?.textContent).toBe('It cannot be undone.');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Cancel' }));
  });

  it('Cancel closes it without confirming, and the keyboard returns to the opener', () => {
    const confirmed = vi.fn();
    render(<Asking onConfirm={confirmed} />);
    const opener = open();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(confirmed).not.toHaveBeenCalled();
    expect(document.activeElement).toBe(opener);
  });

  it('Escape cancels, from any control in it', () => {
    const confirmed = vi.fn();
    render(<Asking onConfirm={confirmed} />);
    const opener = open();
    const confirm = screen.getByRole('button', { name: 'Delete' });
    confirm.focus();
    fireEvent.keyDown(confirm, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(confirmed).not.toHaveBeenCalled();
    expect(document.activeElement).toBe(opener);
  });

  it('the browser\'s own cancel (a close request) cancels too', () => {
    const confirmed = vi.fn();
    render(<Asking onConfirm={confirmed} />);
    open();
    fireEvent(screen.getByRole('dialog'), new Event('cancel', { cancelable: true }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(confirmed).not.toHaveBeenCalled();
  });

  it('the confirming button confirms once and closes', () => {
    const confirmed = vi.fn();
    render(<Asking onConfirm={confirmed} />);
    const opener = open();
    fireEvent.click(screen.getByRole('button', { name: 'Delete' }));
    expect(confirmed).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(opener);
  });
});

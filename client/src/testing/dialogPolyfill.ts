// Client test setup: jsdom (29) has HTMLDialogElement but not showModal, show or close. This adds
// the part of the HTML standard the app relies on — the `open` attribute, `returnValue` and the
// `close` event — and nothing more: focus, Escape and the return of focus are the components' own
// code (they set them explicitly), so the tests exercise them rather than this file. Modality (the
// page behind made inert) is the browser's and is checked in the Chromium suite.
const proto = globalThis.HTMLDialogElement?.prototype as (HTMLDialogElement & { returnValue: string }) | undefined;
if (proto && typeof proto.showModal !== 'function') {
  const open = function (this: HTMLDialogElement) {
    if (this.open) return;
    if (!this.isConnected) throw new DOMException('The dialog is not in a document.', 'InvalidStateError');
    this.setAttribute('open', '');
  };
  proto.showModal = open;
  proto.show = open;
  proto.close = function (this: HTMLDialogElement, value?: string) {
    if (!this.open) return;
    this.removeAttribute('open');
    if (value !== undefined) this.returnValue = value;
    this.dispatchEvent(new Event('close'));
  };
}

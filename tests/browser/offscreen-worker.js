// A plain module worker (not the pool) using rawpx on an OffscreenCanvas:
// the shared chain on an opaque copy of the shared image, in through the
// canvas, out as pixels and a PNG blob (chain.js' onCanvas). Run by the
// Chromium, Firefox and WebKit tests.
import { load } from '/js/rawpx.js';
import '/js/css.js';
import { onCanvas } from '/tests/vite-app/chain.js';

self.onmessage = async () => self.postMessage(await onCanvas(load('/dist/rawpx.wasm')));

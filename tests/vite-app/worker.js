// The app's own plain module worker, which Vite bundles from main.js's
// literal `new Worker(new URL('./worker.js', import.meta.url), { type:
// 'module' })`: rawpx on an OffscreenCanvas (chain.js' onCanvas), loaded
// from the module's URL as an app would.
import { load } from 'rawpx';
import 'rawpx/css';
import wasmUrl from 'rawpx/rawpx.wasm?url';
import { onCanvas } from './chain.js';

self.onmessage = async () => self.postMessage(await onCanvas(load(wasmUrl)));

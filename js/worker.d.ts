// js/worker.js runs inside a worker started by rawpx/pool (or by
// `new Worker(new URL('rawpx/worker', import.meta.url), { type: 'module' })`);
// it exports nothing.
export {};

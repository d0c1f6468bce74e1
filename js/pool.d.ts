// Types for js/pool.js, the rawpx worker pool.
import type { Pixels } from './rawpx.js';

/** One step of a chain: a method of the image handle and its arguments, e.g. `['gaussianBlur', 2]`. */
export type Step = [method: string, ...args: unknown[]];

export interface Pool {
  /**
   * Runs `chain` on `image`, split into strips over the workers, with the
   * single-thread result byte for byte (crop, rotate, the flips and resize
   * included, which may change the size). Rejects, before any work, methods
   * that can't be split (noise, dither, pixelate, composite, pad, warp), an
   * unknown method, and bad arguments (the loader's errors); a refusal in a worker is
   * the same RawpxError, TypeError or RangeError; after a worker crashed or
   * `terminate()`, every run rejects with the cause. `signal` rejects the
   * run with its reason as soon as it aborts; `onProgress(done, total)` is
   * called as each strip comes back.
   */
  run(
    image: Pixels,
    chain: Step[],
    options?: { signal?: AbortSignal; onProgress?: (done: number, total: number) => void },
  ): Promise<{ data: Uint8ClampedArray; width: number; height: number }>;
  terminate(): void;
}

/**
 * Starts workers on `module`, a compiled rawpx or rawpx-nosimd module: as
 * many as `options` says (default one per core), or `{ workers, worker }`,
 * where `worker()` makes one worker running rawpx/worker, for bundlers.
 */
export function createPool(
  module: WebAssembly.Module,
  options?: number | { workers?: number; worker?: () => Worker | PromiseLike<Worker> | object },
): Promise<Pool>;

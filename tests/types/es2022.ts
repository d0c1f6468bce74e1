// Compiled (not run) by `make test` with target and lib es2022 and no
// esnext.disposable: the README's usage type-checks as written, and the pool
// and the worker have types.
import { load } from '../../js/rawpx.js';
import { createPool, type Pool } from '../../js/pool.js';
import '../../js/worker.js';
import '../../js/css.js';

async function readme(ctx: CanvasRenderingContext2D, module: WebAssembly.Module, imageData: ImageData) {
  const px = await load();
  const img = px.image(ctx.getImageData(0, 0, ctx.canvas.width, ctx.canvas.height));
  img.grayscale().brightness(20).contrast(1.2).resize(640, 360, 'lanczos3').rotate(90).filter('sepia(0.5) blur(2px)');
  ctx.canvas.width = img.width;
  ctx.canvas.height = img.height;
  ctx.putImageData(img.toImageData(), 0, 0);
  img[Symbol.dispose]();
  const pool: Pool = await createPool(module, navigator.hardwareConcurrency);
  const out = await pool.run(imageData, [['gaussianBlur', 2], ['sharpen', { sigma: 1, amount: 1 }]]);
  const bundled = await createPool(module, { workers: 2, worker: () => new Worker(new URL('rawpx/worker', import.meta.url), { type: 'module' }) });
  pool.terminate();
  bundled.terminate();
  await px.reset();
  return out.data.length;
}
readme;

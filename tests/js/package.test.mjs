// The npm package: `npm pack` makes it with the loader, its types, the pool,
// the worker and both modules, and nothing else; the packed files work.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('../..', import.meta.url).pathname;

test('npm pack makes the package, and the packed loader runs the packed module', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'rawpx-pack-'));
  const [{ filename, files }] = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', dir], { cwd: root, encoding: 'utf8' }));
  assert.deepEqual(files.map((f) => f.path).sort(), [
    'LICENSE', 'README.md', 'dist/rawpx-nosimd.wasm', 'dist/rawpx.wasm', 'docs/abi.md', 'js/css.d.ts', 'js/css.js', 'js/extras.d.ts', 'js/extras.js', 'js/pool.d.ts', 'js/pool.js', 'js/rawpx.d.ts', 'js/rawpx.js',
    'js/worker.d.ts', 'js/worker.js', 'package.json',
  ]);
  execFileSync('tar', ['-xzf', join(dir, filename), '-C', dir]);
  const pkg = join(dir, 'package');
  const { load } = await import(join(pkg, 'js/rawpx.js'));
  for (const wasm of ['rawpx.wasm', 'rawpx-nosimd.wasm']) {
    const px = await load(readFileSync(join(pkg, 'dist', wasm)));
    const img = px.image({ width: 2, height: 1, data: Uint8ClampedArray.of(10, 20, 30, 255, 200, 100, 0, 255) });
    assert.deepEqual([...img.invert().toImageData().data], [245, 235, 225, 255, 55, 155, 255, 255], wasm);
  }
});

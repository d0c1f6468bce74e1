// npm's prepack: refuses to pack a package without its built modules, or
// with modules older than the sources (`make` builds them).
// `node scripts/prepack.mjs [root]`; the root defaults to this package.
import { existsSync, statSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const root = process.argv[2] ?? new URL('..', import.meta.url).pathname;
const newest = (dir) => readdirSync(dir, { withFileTypes: true, recursive: true })
  .filter((f) => f.isFile() && f.name.endsWith('.rs'))
  .reduce((t, f) => Math.max(t, statSync(join(f.parentPath ?? f.path, f.name)).mtimeMs), 0);
const sources = existsSync(join(root, 'src')) ? newest(join(root, 'src')) : 0;
for (const wasm of ['dist/rawpx.wasm', 'dist/rawpx-nosimd.wasm']) {
  const file = join(root, wasm);
  if (!existsSync(file)) {
    console.error(`rawpx prepack: ${wasm} is missing; run \`make\` before packing`);
    process.exit(1);
  }
  if (statSync(file).mtimeMs < sources) {
    console.error(`rawpx prepack: ${wasm} is older than src/; run \`make\` before packing`);
    process.exit(1);
  }
}

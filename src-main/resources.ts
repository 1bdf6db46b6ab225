import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * A file in the project's resources/ folder, found from wherever this code runs: src-main/
 * under tsx (CLI, browser host) or out/main/ once electron-vite has built it.
 */
export function resourcePath(...parts: string[]): string {
  for (let dir = import.meta.dirname; ; dir = dirname(dir)) {
    const candidate = join(dir, 'resources', ...parts);
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) throw new Error(`resource ${parts.join('/')} is missing from this installation`);
  }
}

/** The built renderer (electron-vite's out/renderer). */
export function rendererRoot(): string {
  for (let dir = import.meta.dirname; ; dir = dirname(dir)) {
    const candidate = join(dir, 'out', 'renderer');
    if (existsSync(join(candidate, 'index.html'))) return candidate;
    const sibling = join(dir, '..', 'renderer');
    if (existsSync(join(sibling, 'index.html'))) return sibling;
    if (dirname(dir) === dir) throw new Error('the renderer is not built: run `npm run build` first');
  }
}

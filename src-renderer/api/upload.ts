import type { ApiClient } from './client.js';

/** The contract takes at most 4 MiB of base64 per chunk: 3 MiB of bytes encodes to exactly that. */
export const CHUNK_BYTES = 3 * 1024 * 1024;

/**
 * Sends a file the browser holds (file picker, drag and drop) to the app in base64 chunks,
 * because a page cannot hand over a local path. Returns the upload id for `dictionaries.import`.
 */
export async function uploadFile(api: ApiClient, file: File, onProgress: (sent: number) => void): Promise<string> {
  const { uploadId } = await api.uploads.begin({ fileName: file.name, size: file.size });
  for (let offset = 0; offset < file.size; offset += CHUNK_BYTES) {
    const bytes = new Uint8Array(await file.slice(offset, offset + CHUNK_BYTES).arrayBuffer());
    const { received } = await api.uploads.chunk({ uploadId, base64: toBase64(bytes) });
    onProgress(received);
  }
  return uploadId;
}

export function toBase64(bytes: Uint8Array): string {
  // String.fromCharCode on the whole buffer overflows the argument limit; 32 KiB slices do not.
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/**
 * Reads a form post (multipart or urlencoded) without ever holding more than `maxBytes` of it:
 * a declared Content-Length over the cap is refused before reading, and a body that turns out
 * bigger while streaming is cut off.
 */
export type LimitedForm = { ok: true; form: FormData } | { ok: false; reason: 'tooLarge' | 'malformed' };

export async function readFormLimited(request: Request, maxBytes: number): Promise<LimitedForm> {
  const declared = Number(request.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes) return { ok: false, reason: 'tooLarge' };
  const chunks: Uint8Array[] = [];
  let total = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      let next: ReadableStreamReadResult<Uint8Array>;
      try {
        next = await reader.read();
      } catch {
        return { ok: false, reason: 'malformed' };
      }
      if (next.done) break;
      total += next.value.length;
      if (total > maxBytes) {
        await reader.cancel().catch(() => {});
        return { ok: false, reason: 'tooLarge' };
      }
      chunks.push(next.value);
    }
  }
  const body = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.length;
  }
  try {
    const form = await new Response(body, { headers: { 'content-type': request.headers.get('content-type') ?? '' } }).formData();
    return { ok: true, form };
  } catch {
    return { ok: false, reason: 'malformed' };
  }
}

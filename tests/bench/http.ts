/** Small helpers shared by the benchmarks: log in over HTTP and keep the session cookie. */
export async function loginCookie(baseUrl: string, phone: string, password: string): Promise<string> {
  const response = await fetch(`${baseUrl}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: baseUrl },
    body: new URLSearchParams({ phone, password }),
  });
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith('melek_session='));
  if (response.status !== 303 || !cookie) throw new Error(`login as ${phone} failed: ${response.status}`);
  return cookie.split(';')[0];
}

export function formatTable(header: string[], rows: Array<Array<string | number>>): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells: Array<string | number>) =>
    cells.map((c, i) => (typeof c === 'number' ? String(c).padStart(widths[i]) : String(c).padEnd(widths[i]))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

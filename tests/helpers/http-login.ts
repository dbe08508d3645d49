/** Logs in over HTTP like a browser (the login form, same origin) and returns the session token. */
export async function loginOverHttp(baseUrl: string, phone: string, password: string): Promise<string> {
  const response = await fetch(`${baseUrl}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { origin: baseUrl, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ phone, password }),
  });
  if (response.status !== 303) throw new Error(`login ${phone}: ${response.status}, expected 303`);
  for (const line of response.headers.getSetCookie()) {
    const match = line.match(/^melek_session=([^;]+)/);
    if (match) return decodeURIComponent(match[1]);
  }
  throw new Error(`login ${phone}: no session cookie`);
}

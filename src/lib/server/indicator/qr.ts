import QRCode from 'qrcode';

/**
 * A QR code as an inline SVG string, made on the server (no image request, no script). The
 * library's output is its own markup (never user text), with a role and label added so screen
 * readers announce it; the label is escaped.
 */
export async function qrSvg(url: string, label: string): Promise<string> {
  const svg = await QRCode.toString(url, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
  const safe = label.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  return svg.replace('<svg ', `<svg role="img" aria-label="${safe}" focusable="false" `);
}

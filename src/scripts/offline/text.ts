/** Small helpers for the offline scripts: templates from data attributes, sizes and dates. */

/** "{n} catatan" with { n: 3 } → "3 catatan". Unknown placeholders stay as they are. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (all, name: string) => (name in values ? String(values[name]) : all));
}

const locale = () => (document.documentElement.lang === 'en' ? 'en-GB' : 'id-ID');

/** "640 KB", "1,2 MB" in the page's language. */
export function formatBytes(bytes: number): string {
  const n = new Intl.NumberFormat(locale(), { maximumFractionDigits: 1 });
  if (bytes >= 1024 * 1024 * 1024) return `${n.format(bytes / 1024 ** 3)} GB`;
  if (bytes >= 1024 * 1024) return `${n.format(bytes / 1024 ** 2)} MB`;
  return `${new Intl.NumberFormat(locale()).format(Math.max(1, Math.round(bytes / 1024)))} KB`;
}

export function formatDate(ms: number): string {
  return new Intl.DateTimeFormat(locale(), { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }).format(ms);
}

/** The strings a component put on an element as data-s-* attributes. */
export function strings(element: HTMLElement): (key: string, values?: Record<string, string | number>) => string {
  return (key, values) => fill(element.dataset[key] ?? '', values ?? {});
}

/**
 * Why the server refused a queued entry, in plain words (data-s-why-* strings), or its own
 * message when there is no plainer one.
 */
export function whyRefused(s: ReturnType<typeof strings>, reason: string, message?: string): string {
  const plain = s(`sWhy${reason.charAt(0).toUpperCase()}${reason.slice(1)}`);
  return plain || s('sWhyGeneric', { message: message ?? reason });
}

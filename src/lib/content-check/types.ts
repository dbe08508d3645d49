/**
 * Shapes shared by the content check. Everything here is plain data: the checks take file
 * contents (a snapshot of the content folder) and return problems; only the CLI touches disk.
 */
export type Severity = 'error' | 'warning';

export interface Problem {
  /** Path as shown to the trainer, e.g. "content/keamanan-data/01-kode-otp-rahasia.mdx". */
  file: string;
  /** 1-based line in that file; 0 when the problem is about the whole folder. */
  line: number;
  severity: Severity;
  /** Plain Indonesian: what is wrong and what to do. No file name or line number inside. */
  message: string;
  /** Stable machine name of the check, for tests and for grouping. */
  code: string;
}

export interface SourceFile {
  /** Posix path starting with the snapshot root, e.g. "content/pemasaran-whatsapp/index.md". */
  path: string;
  /** Text for .md and .mdx files; undefined for images and other binary files. */
  text?: string;
  size: number;
  /** Set when the file could not be read; the check reports it instead of crashing. */
  error?: string;
}

export interface ComponentProp {
  name: string;
  required: boolean;
}

export interface ComponentInfo {
  name: string;
  /** Undefined when the component's props could not be read: then its props are not checked. */
  props?: ComponentProp[];
}

export interface ContentSnapshot {
  /** The checked folder as shown in messages, posix, without trailing slash ("content"). */
  root: string;
  files: SourceFile[];
  /** Files under public/, keyed by URL path ("/gambar/logo.webp"), value = size in bytes. */
  publicFiles: Map<string, number>;
  /** Components lessons may use without import (src/components/mdx/index.ts). */
  components: ComponentInfo[];
  /** The moment of the check: `checkedOn` older than a year is flagged against it. Default: now. */
  now?: number;
  /** docs/curriculum-sources.md, to list a stale lesson's facts. */
  factSources?: string;
}

export type YamlPath = Array<string | number>;

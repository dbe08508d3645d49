/**
 * The authoring guide's examples are checked like real content: every fenced ```mdx block of
 * content/README.md is either a whole lesson (it starts with `---` frontmatter) or a snippet of
 * lesson body (components); a ```md block starting with `---` is a module's index.md.
 */
export interface FencedBlock {
  lang: string;
  content: string;
  /** File line of the block's first content line (the line after the opening fence). */
  firstLine: number;
}

export function fencedBlocks(text: string): FencedBlock[] {
  const lines = text.split('\n');
  const blocks: FencedBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = lines[i].match(/^ {0,3}(`{3,}|~{3,})\s*([\w-]*)/);
    if (!open) continue;
    const fence = open[1];
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length; j++) {
      const close = lines[j].match(/^ {0,3}(`{3,}|~{3,})\s*$/);
      if (close && close[1][0] === fence[0] && close[1].length >= fence.length) break;
      body.push(lines[j]);
    }
    blocks.push({ lang: open[2].toLowerCase(), content: body.join('\n'), firstLine: i + 2 });
    i = j;
  }
  return blocks;
}

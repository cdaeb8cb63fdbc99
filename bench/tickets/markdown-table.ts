/** A Markdown table padded as the project's formatter lays tables out: the first column left-aligned, the rest right. */
export function markdownTable(headings: string[], rows: string[][]): string {
  const widths = headings.map((heading, column) =>
    Math.max(heading.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (values: string[]) =>
    `| ${values
      .map((value, column) =>
        column === 0 ? value.padEnd(widths[column] as number) : value.padStart(widths[column] as number),
      )
      .join(' | ')} |`;
  const rule = `| ${widths.map((width, column) => (column === 0 ? '-'.repeat(width) : `${'-'.repeat(width - 1)}:`)).join(' | ')} |`;
  return [line(headings), rule, ...rows.map(line)].join('\n');
}

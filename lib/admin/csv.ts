/**
 * RFC 4180 CSV; cells starting with = + - @ are prefixed so spreadsheets do not run them as formulas. A plain
 * negative number ("-40.00", a refund adjustment) is no formula and stays a number.
 */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  let text = value instanceof Date ? value.toISOString() : String(value);
  if (/^[=+\-@\t\r]/.test(text) && !/^-\d+(\.\d+)?$/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export const csvRow = (cells: unknown[]) => `${cells.map(csvCell).join(",")}\r\n`;

/**
 * A CSV download streamed batch by batch, pull-based: the next batch is read only when the client has taken the
 * previous one, so a million rows never sit in memory, and a download cancelled midway stops the reading.
 */
export function csvDownload<T>(
  fileStem: string,
  header: string[],
  batches: AsyncGenerator<T[]>,
  cells: (row: T) => unknown[],
) {
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(csvRow(header)));
    },
    async pull(controller) {
      const { value, done } = await batches.next();
      if (done) return controller.close();
      controller.enqueue(encoder.encode(value.map((row) => csvRow(cells(row))).join("")));
    },
    async cancel() {
      await batches.return(undefined);
    },
  });
  const day = new Date().toISOString().slice(0, 10);
  return new Response(stream, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${fileStem}-${day}.csv"`,
      "cache-control": "private, no-store",
    },
  });
}

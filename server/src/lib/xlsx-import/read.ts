import { Readable } from 'node:stream';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { inflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { plainCell, type CellValue } from './cells.ts';

/** One sheet row: its number as Excel shows it, and its cells by 0-based column. */
export interface SheetRow {
  number: number;
  cells: CellValue[];
}

export type XlsxSource = string | Buffer;

const toStream = (source: XlsxSource) => (typeof source === 'string' ? createReadStream(source) : Readable.from([source]));

/**
 * The rows of the first worksheet, streamed: memory stays flat whatever the file size (ExcelJS's
 * streaming reader; styles are read because they are what makes a number cell a date).
 */
export async function* readSheetRows(source: XlsxSource): AsyncGenerator<SheetRow> {
  const stream = toStream(source);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(stream, {
    worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'ignore',
  });
  try {
    for await (const sheet of reader) {
      for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
        const values = row.values as ExcelJS.CellValue[];
        const cells: CellValue[] = [];
        for (let i = 1; i < values.length; i += 1) cells.push(plainCell(values[i]));
        yield { number: row.number, cells };
      }
      return; // the first worksheet only
    }
  } catch (err) {
    throw Object.assign(new Error('Tệp không phải là bảng tính Excel (.xlsx) đọc được.'), { cause: err, code: 'xlsx_unreadable' });
  } finally {
    stream.destroy();
  }
}

/**
 * The last row number of the first sheet, read from its `<dimension>` element without parsing
 * the sheet (for progress bars). Null when the file does not say.
 */
export async function sheetRowCount(source: XlsxSource): Promise<number | null> {
  try {
    const buf = typeof source === 'string' ? await readHead(source) : source;
    const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    if (eocd < 0) return null;
    const entries = buf.readUInt16LE(eocd + 10);
    let p = buf.readUInt32LE(eocd + 16);
    const sheets: { name: string; offset: number; method: number; size: number }[] = [];
    for (let i = 0; i < entries && p + 46 <= buf.length; i += 1) {
      const method = buf.readUInt16LE(p + 10);
      const size = buf.readUInt32LE(p + 20);
      const nameLen = buf.readUInt16LE(p + 28);
      const extraLen = buf.readUInt16LE(p + 30);
      const commentLen = buf.readUInt16LE(p + 32);
      const offset = buf.readUInt32LE(p + 42);
      const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
      if (/^xl\/worksheets\/sheet\d+\.xml$/.test(name)) sheets.push({ name, offset, method, size });
      p += 46 + nameLen + extraLen + commentLen;
    }
    sheets.sort((a, b) => Number(/\d+/.exec(a.name)![0]) - Number(/\d+/.exec(b.name)![0]));
    const sheet = sheets[0];
    if (!sheet) return null;
    const local = sheet.offset;
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const head = buf.subarray(start, start + Math.min(sheet.size || 65536, 65536));
    let xml: string;
    if (sheet.method === 0) xml = head.toString('utf8');
    else {
      try {
        xml = inflateRawSync(head, { finishFlush: 2 /* Z_SYNC_FLUSH */ }).toString('utf8');
      } catch {
        return null;
      }
    }
    const m = /<dimension ref="[A-Z]+\d+(?::[A-Z]+(\d+))?"/.exec(xml.slice(0, 4000));
    return m ? Number(m[1] ?? 1) : null;
  } catch {
    return null;
  }
}

async function readHead(path: string): Promise<Buffer> {
  const f = await open(path, 'r');
  try {
    const { size } = await f.stat();
    const buf = Buffer.alloc(size);
    await f.read(buf, 0, size, 0);
    return buf;
  } finally {
    await f.close();
  }
}

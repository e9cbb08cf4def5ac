import { crc32, createDeflateRaw, deflateRawSync } from 'node:zlib';
import writeXlsxFile from 'write-excel-file/node';
import { unzipWithBudget, zipArchive } from '../../src/server/http/zip-guard';

/** One entry of a hand-made ZIP; `declaredSize` lets the headers lie about the unpacked size. */
export interface ZipPart {
  name: string;
  deflated: Buffer;
  size: number;
  crc: number;
  declaredSize?: number;
}

export const part = (name: string, data: Buffer): ZipPart => ({
  name,
  deflated: deflateRawSync(data),
  size: data.length,
  crc: crc32(data),
});

/** `total` bytes of `unit` repeated, deflated in 1 MB steps: the test process never holds the big text. */
export async function deflatedRepeat(
  prefix: string,
  unit: string,
  total: number,
  suffix: string,
): Promise<ZipPart> {
  const d = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  d.on('data', (b: Buffer) => out.push(b));
  const done = new Promise<void>((resolve) => d.on('end', resolve));
  const chunk = Buffer.from(unit.repeat(Math.ceil((1024 * 1024) / unit.length)));
  let crc = crc32(prefix);
  d.write(prefix);
  let size = Buffer.byteLength(prefix);
  while (size < total) {
    crc = crc32(chunk, crc);
    size += chunk.length;
    if (!d.write(chunk)) await new Promise((r) => d.once('drain', r));
  }
  crc = crc32(suffix, crc);
  size += Buffer.byteLength(suffix);
  d.end(suffix);
  await done;
  return { name: 'xl/worksheets/sheet1.xml', deflated: Buffer.concat(out), size, crc };
}

/** A ZIP of deflated parts; a part's `declaredSize` goes into both headers instead of its real size. */
export function zipOf(parts: ZipPart[]): Buffer {
  return zipArchive(
    parts.map((p) => ({
      name: p.name,
      method: 8,
      data: p.deflated,
      crc: p.crc,
      size: p.declaredSize ?? p.size,
    })),
  );
}

/** The parts of a real one-cell workbook (written by write-excel-file), to swap its sheet for a bomb. */
export async function workbookParts(): Promise<ZipPart[]> {
  const xlsx = await writeXlsxFile([[{ value: 'Kursnummer' }]] as never).toBuffer();
  const files = await unzipWithBudget(xlsx, { maxTotalBytes: 1e7, maxEntries: 100, wanted: () => true });
  return [...files].map(([name, data]) => part(name, data));
}

/** An XLSX whose only sheet unpacks to `total` bytes of repeated cells; optionally declaring `declaredSize`. */
export async function xlsxBomb(total: number, declaredSize?: number): Promise<Buffer> {
  const parts = await workbookParts();
  const sheet = await deflatedRepeat(
    '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row>',
    '<c t="inlineStr"><is><t>Integrationskurs</t></is></c>',
    total,
    '</row></sheetData></worksheet>',
  );
  if (declaredSize !== undefined) sheet.declaredSize = declaredSize;
  return zipOf([...parts.filter((p) => p.name !== sheet.name), sheet]);
}

import { crc32, createInflateRaw, inflateRawSync } from 'node:zlib';

/**
 * A ZIP reader with a byte budget, for uploads (XLSX is a ZIP of XML files). A 700 KB archive can hold
 * gigabytes: the declared sizes in the central directory are checked first (cheap, early); then, because a
 * forged header can under-declare, the real inflated bytes of every entry are counted in a stream that keeps
 * nothing, and only an entry within the budget is inflated for keeps (with `maxOutputLength` as well).
 * Only entries the caller wants are inflated at all.
 */

export class ZipRefused extends Error {
  constructor(
    readonly reason: 'not_zip' | 'too_large' | 'too_many_entries' | 'unsupported',
    message: string,
  ) {
    super(message);
  }
}

export interface ZipLimits {
  /** Sum of the uncompressed sizes of the wanted entries. */
  maxTotalBytes: number;
  maxEntries: number;
  wanted: (name: string) => boolean;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

function findEndOfCentralDirectory(buf: Buffer): number {
  // The record is 22 bytes plus a comment of at most 65,535 bytes, at the very end.
  const stop = Math.max(0, buf.length - 22 - 0xffff);
  for (let i = buf.length - 22; i >= stop; i--) if (buf.readUInt32LE(i) === EOCD) return i;
  throw new ZipRefused('not_zip', 'keine ZIP-Datei');
}

interface CentralEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  declaredSize: number;
  localOffset: number;
}

function centralDirectory(buf: Buffer, maxEntries: number): CentralEntry[] {
  const end = findEndOfCentralDirectory(buf);
  const count = buf.readUInt16LE(end + 10);
  const offset = buf.readUInt32LE(end + 16);
  if (count === 0xffff || offset === 0xffffffff)
    throw new ZipRefused('unsupported', 'ZIP64 wird nicht unterstützt');
  if (count > maxEntries) throw new ZipRefused('too_many_entries', `mehr als ${maxEntries} Teile im Archiv`);
  const entries: CentralEntry[] = [];
  let p = offset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== CENTRAL)
      throw new ZipRefused('not_zip', 'beschädigtes Archiv');
    const nameLength = buf.readUInt16LE(p + 28);
    const next = p + 46 + nameLength + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
    if (next > buf.length) throw new ZipRefused('not_zip', 'beschädigtes Archiv');
    entries.push({
      flags: buf.readUInt16LE(p + 8),
      method: buf.readUInt16LE(p + 10),
      compressedSize: buf.readUInt32LE(p + 20),
      declaredSize: buf.readUInt32LE(p + 24),
      localOffset: buf.readUInt32LE(p + 42),
      name: buf.toString('utf8', p + 46, p + 46 + nameLength),
    });
    p = next;
  }
  return entries;
}

function entryData(buf: Buffer, e: CentralEntry): Buffer {
  const p = e.localOffset;
  if (p + 30 > buf.length || buf.readUInt32LE(p) !== LOCAL)
    throw new ZipRefused('not_zip', 'beschädigtes Archiv');
  const start = p + 30 + buf.readUInt16LE(p + 26) + buf.readUInt16LE(p + 28);
  if (start + e.compressedSize > buf.length) throw new ZipRefused('not_zip', 'beschädigtes Archiv');
  return buf.subarray(start, start + e.compressedSize);
}

/**
 * The real inflated size, counted in a stream of small chunks that are dropped at once, stopping past
 * `limit`: a bomb costs some CPU, but nothing is kept beyond the chunk at hand.
 */
function inflatedSize(raw: Buffer, limit: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const z = createInflateRaw();
    let n = 0;
    z.on('data', (chunk: Buffer) => {
      n += chunk.length;
      if (n > limit) {
        z.destroy();
        resolve(n);
      }
    });
    z.on('end', () => resolve(n));
    z.on('error', () => reject(new ZipRefused('not_zip', 'beschädigtes Archiv')));
    z.end(raw);
  });
}

/** The wanted entries, inflated; throws ZipRefused before the budget is exceeded. */
export async function unzipWithBudget(buf: Buffer, limits: ZipLimits): Promise<Map<string, Buffer>> {
  const entries = centralDirectory(buf, limits.maxEntries).filter((e) => limits.wanted(e.name));
  const tooLarge = () =>
    new ZipRefused('too_large', `entpackt größer als ${Math.round(limits.maxTotalBytes / 1024 / 1024)} MB`);
  if (entries.reduce((s, e) => s + e.declaredSize, 0) > limits.maxTotalBytes) throw tooLarge();
  const out = new Map<string, Buffer>();
  let used = 0;
  for (const e of entries) {
    if (e.flags & 1) throw new ZipRefused('unsupported', 'verschlüsselte Dateien werden nicht unterstützt');
    if (out.has(e.name)) throw new ZipRefused('not_zip', `Teil „${e.name}“ doppelt im Archiv`);
    const raw = entryData(buf, e);
    let data: Buffer;
    if (e.method === 0) data = raw;
    else if (e.method === 8) {
      if ((await inflatedSize(raw, limits.maxTotalBytes - used)) > limits.maxTotalBytes - used)
        throw tooLarge();
      try {
        data = inflateRawSync(raw, { maxOutputLength: Math.max(1, limits.maxTotalBytes - used) });
      } catch (err) {
        if (err instanceof RangeError) throw tooLarge();
        throw new ZipRefused('not_zip', 'beschädigtes Archiv');
      }
    } else throw new ZipRefused('unsupported', 'unbekanntes Kompressionsverfahren');
    used += data.length;
    if (used > limits.maxTotalBytes) throw tooLarge();
    out.set(e.name, data);
  }
  return out;
}

/** One entry as written: `data` already compressed with `method` (0 stored, 8 deflate). */
export interface ZipPart {
  name: string;
  method: 0 | 8;
  data: Buffer;
  crc: number;
  size: number;
}

/** Local headers, data, central directory and end record for the given parts. */
export function zipArchive(parts: readonly ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const n = Buffer.from(p.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // names in UTF-8
    local.writeUInt16LE(p.method, 8);
    local.writeUInt32LE(p.crc, 14);
    local.writeUInt32LE(p.data.length, 18);
    local.writeUInt32LE(p.size, 22);
    local.writeUInt16LE(n.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(CENTRAL, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(p.method, 10);
    central.writeUInt32LE(p.crc, 16);
    central.writeUInt32LE(p.data.length, 20);
    central.writeUInt32LE(p.size, 24);
    central.writeUInt16LE(n.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, n, p.data);
    centrals.push(central, n);
    offset += 30 + n.length + p.data.length;
  }
  const size = centrals.reduce((s, b) => s + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(EOCD, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(size, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...centrals, end]);
}

/**
 * A new archive of the given entries, stored without compression. The parser then reads exactly the bytes
 * that were checked — no entry hidden between local headers, no size that differs from the central directory.
 */
export function storedZip(files: ReadonlyMap<string, Buffer>): Buffer {
  return zipArchive(
    [...files].map(([name, data]) => ({ name, method: 0, data, crc: crc32(data), size: data.length })),
  );
}

import type { TableFormat } from '../../server/modules/common-schema';

/** An uploaded table as the import routes take it: CSV as text, XLSX as base64. */
export interface FileBody {
  format: TableFormat;
  content: string;
  name: string;
}

export function readFile(file: File): Promise<FileBody> {
  const xlsx = /\.xlsx$/i.test(file.name);
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onerror = () => reject(r.error);
    r.onload = () => {
      if (xlsx) {
        const url = String(r.result);
        resolve({ format: 'xlsx', content: url.slice(url.indexOf(',') + 1), name: file.name });
      } else resolve({ format: 'csv', content: String(r.result), name: file.name });
    };
    if (xlsx) r.readAsDataURL(file);
    else r.readAsText(file, 'utf-8');
  });
}

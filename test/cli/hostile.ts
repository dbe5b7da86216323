/**
 * Hostile PDFs built in the tests themselves (nothing large is committed): a minimal one-page PDF
 * whose content stream is given, and a decompression bomb built on it.
 */
import { deflateSync } from 'node:zlib';

/**
 * A one-page PDF whose page content is `content`, stored with the given filters (already
 * applied) and drawn `repeat` times (the page's /Contents array names the same stream again).
 */
export function onePagePdf(content: Buffer, filters: readonly string[] = [], repeat = 1): Buffer {
  const filter = filters.length === 0 ? '' : `/Filter [${filters.map((name) => `/${name}`).join(' ')}] `;
  const objects = [
    Buffer.from('<< /Type /Catalog /Pages 2 0 R >>'),
    Buffer.from('<< /Type /Pages /Kids [3 0 R] /Count 1 >>'),
    Buffer.from(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents [${Array(repeat).fill('4 0 R').join(' ')}] /Resources << /Font << /F1 5 0 R >> >> >>`,
    ),
    Buffer.concat([Buffer.from(`<< ${filter}/Length ${content.length} >>\nstream\n`), content, Buffer.from('\nendstream')]),
    Buffer.from('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>'),
  ];
  const parts: Buffer[] = [Buffer.from('%PDF-1.7\n')];
  const offsets: number[] = [];
  let length = parts[0]!.length;
  objects.forEach((body, index) => {
    offsets.push(length);
    const object = Buffer.concat([Buffer.from(`${index + 1} 0 obj\n`), body, Buffer.from('\nendobj\n')]);
    parts.push(object);
    length += object.length;
  });
  const xref = [
    'xref',
    `0 ${objects.length + 1}`,
    '0000000000 65535 f ',
    ...offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n `),
  ];
  parts.push(Buffer.from(`${xref.join('\n')}\ntrailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${length}\n%%EOF\n`));
  return Buffer.concat(parts);
}

/** A readable one-page PDF with the given line of text. */
export function textPdf(text: string): Buffer {
  return onePagePdf(Buffer.from(`BT /F1 12 Tf 72 720 Td (${text}) Tj ET`));
}

/**
 * A decompression bomb: a page drawing `gib` GiB of spaces, as one 64 MiB content stream deflated
 * twice (the outer layer squeezes the inner one's repetition) and named again and again in the
 * page's /Contents. The file is a few kilobytes and builds in well under a second.
 */
export function decompressionBomb(gib: number): Buffer {
  const block = Buffer.alloc(64 * 1024 * 1024, 0x20);
  const twice = deflateSync(deflateSync(block, { level: 9 }), { level: 9 });
  return onePagePdf(twice, ['FlateDecode', 'FlateDecode'], gib * 16);
}

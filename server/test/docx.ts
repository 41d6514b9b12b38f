import JSZip from 'jszip';

/**
 * Reads a .docx back for tests: the text of each paragraph of the body (table cells included, in
 * document order) and the raw XML parts, so a test can check both what an officer reads and the
 * layout (fonts, margins, underlines).
 */
export async function readDocx(buffer: Buffer | Uint8Array): Promise<{ paragraphs: string[]; text: string; xml: string; headers: string[] }> {
  const zip = await JSZip.loadAsync(buffer);
  const xml = await zip.file('word/document.xml')!.async('string');
  const headers = await Promise.all(Object.keys(zip.files).filter((n) => /^word\/header\d*\.xml$/.test(n)).map((n) => zip.file(n)!.async('string')));
  const paragraphs = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) =>
    [...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => decode(t[1])).join(''));
  return { paragraphs, text: paragraphs.join('\n'), xml, headers };
}

const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

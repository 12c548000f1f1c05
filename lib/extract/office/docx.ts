/**
 * .docx → DOM: mammoth (merged cells come out as rowspan/colspan) → HTML → the caller's document
 * through appendHtml (a whitelist, never innerHTML) → Word table debris repaired (./tables.ts).
 */
import mammoth from 'mammoth';
import { appendHtml } from './html';
import { repairTables } from './tables';
import { FileProblem, PROBLEMS, describe } from './problems';

export async function docxToElement(bytes: Uint8Array, document: Document): Promise<Element> {
  let html: string;
  try {
    // Node's mammoth reads `buffer`, the browser build `arrayBuffer`; both take a Uint8Array (JSZip).
    const input = { buffer: bytes, arrayBuffer: bytes } as unknown as { arrayBuffer: ArrayBuffer };
    const result = await mammoth.convertToHtml(input, {
      // Images are not read (nothing of a disclosure's numbers lives in them).
      convertImage: mammoth.images.imgElement(async () => ({ src: '' })),
      externalFileAccess: false,
    });
    html = result.value;
  } catch (err) {
    throw new FileProblem(PROBLEMS.corrupt('Word (.docx)', describe(err)));
  }
  const root = document.createElement('article');
  root.setAttribute('data-dc-source', 'docx');
  appendHtml(html, root);
  repairTables(root);
  return root;
}

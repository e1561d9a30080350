import yauzl from 'yauzl';

/** One file of a downloaded Word document (a zip), as text: word/document.xml holds the body. */
export function readDocxPart(file: string, part = 'word/document.xml'): Promise<string> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (openError, zip) => {
      if (openError || !zip) {
        reject(openError ?? new Error(`cannot open ${file}`));
        return;
      }
      zip.on('error', reject);
      zip.on('end', () => reject(new Error(`${part} is not in ${file}`)));
      zip.on('entry', (entry: yauzl.Entry) => {
        if (entry.fileName !== part) {
          zip.readEntry();
          return;
        }
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError || !stream) {
            reject(streamError ?? new Error(`cannot read ${part}`));
            return;
          }
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('error', reject);
          stream.on('end', () => {
            zip.close();
            resolve(Buffer.concat(chunks).toString('utf8'));
          });
        });
      });
      zip.readEntry();
    });
  });
}

import unzipper from 'unzipper';
import { InputError } from '../../errors.js';

/** An entry may expand to at most this many times its packed size once it is larger than FREE_BYTES… */
const MAX_RATIO = 200;
const FREE_BYTES = 100 * 2 ** 20;
/** …and the whole workbook to at most this much. */
const MAX_TOTAL_BYTES = 8 * 2 ** 30;

/**
 * Refuses a workbook whose parts would expand to far more than any real sheet (a "zip bomb"), from the sizes
 * its central directory declares — before anything is expanded. Real .xlsx parts pack 5–50 times.
 */
export async function refuseZipBomb(file: string): Promise<void> {
  let directory: unzipper.CentralDirectory;
  try {
    directory = await unzipper.Open.file(file);
  } catch {
    return; // not a readable ZIP: the workbook reader says what is wrong with it
  }
  let total = 0;
  for (const entry of directory.files) {
    total += entry.uncompressedSize;
    const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
    if ((entry.uncompressedSize > FREE_BYTES && ratio > MAX_RATIO) || total > MAX_TOTAL_BYTES) {
      throw new InputError(
        `${file} is refused: its part ${entry.path} would expand from ${entry.compressedSize.toLocaleString('en')} to ${entry.uncompressedSize.toLocaleString('en')} bytes, far more than a real worksheet (a "zip bomb"). Save the sheet again from Excel, or as CSV.`,
      );
    }
  }
}

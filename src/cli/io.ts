/** Where a command writes. Tests pass their own to capture output in-process. */
export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  /** Whether the command runs on a terminal (stdout and stderr): progress is drawn on `err` only then. */
  tty: boolean;
}

export const processIo: Io = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  tty: Boolean(process.stdout.isTTY && process.stderr.isTTY),
};

/** The `clientele` command line: parses arguments and returns a process exit code. */
export async function runCli(argv: readonly string[]): Promise<number> {
  process.stdout.write(`clientele ${argv.join(' ')}\n`);
  return 0;
}

/** Bad input to a CLI command: the message on stderr and exit code 2 (CONTRACTS: 2 = invalid input). */
export function fail(message: string): void {
  process.stderr.write(`${message}\n`);
  process.exitCode = 2;
}

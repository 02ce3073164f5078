/** Entry point of the `minsheng` command. Returns the process exit code. */
export async function main(args: string[]): Promise<number> {
  process.stderr.write(`minsheng: unknown command ${args.join(' ')}\n`);
  return 2;
}

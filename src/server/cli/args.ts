import type { Command, ParsedInput } from './command';
import { UsageError, commandName } from './command';

/** The command named by the first words of `argv`, and the words after them. */
export function findCommand(
  commands: readonly Command[],
  argv: readonly string[],
): { command: Command; rest: readonly string[] } {
  const matches = commands.filter((c) => c.words.every((w, i) => argv[i] === w));
  const command = matches.sort((a, b) => b.words.length - a.words.length)[0];
  if (command) return { command, rest: argv.slice(command.words.length) };
  const first = argv[0] ?? '';
  const group = commands.filter((c) => c.words.length > 1 && c.words[0] === first);
  if (group.length > 0) {
    const names = group.map((c) => `"${commandName(c)}"`).join(', ');
    const got = argv[1] === undefined ? 'needs one of' : `has no "${argv[1]}"; it has`;
    throw new UsageError(`"${first}" ${got} ${names}`);
  }
  const known = [...new Set(commands.map((c) => c.words[0]))].join(', ');
  throw new UsageError(
    first.startsWith('-')
      ? `unknown option ${first} before a command (commands: ${known})`
      : `unknown command "${first}" (commands: ${known})`,
  );
}

/**
 * Reads options and positional arguments after a command's words: `--name value`,
 * `--name=value`, `--flag`; `--` ends the options. Unknown, repeated or malformed options are
 * a {@link UsageError}. `--help`/`-h` anywhere returns `help`.
 */
export function parseCommandArgs(command: Command, rest: readonly string[]): ParsedInput | 'help' {
  const specs = command.options ?? {};
  const args: string[] = [];
  const options: Record<string, string | true> = {};
  for (let i = 0; i < rest.length; i++) {
    const token = rest[i] as string;
    if (token === '--') {
      args.push(...rest.slice(i + 1));
      break;
    }
    if (token === '--help' || token === '-h') return 'help';
    if (!token.startsWith('-') || token === '-') {
      args.push(token);
      continue;
    }
    const eq = token.indexOf('=');
    const name = token.startsWith('--') ? token.slice(2, eq === -1 ? undefined : eq) : '';
    const spec = Object.hasOwn(specs, name) ? specs[name] : undefined;
    if (!spec)
      throw new UsageError(`unknown option ${eq === -1 ? token : token.slice(0, eq)}`, command);
    if (Object.hasOwn(options, name)) throw new UsageError(`--${name} is given twice`, command);
    if (spec.kind === 'flag') {
      if (eq !== -1) throw new UsageError(`--${name} takes no value`, command);
      options[name] = true;
    } else if (eq !== -1) {
      options[name] = token.slice(eq + 1);
    } else {
      const value = rest[i + 1];
      if (value === undefined || value.startsWith('--')) {
        throw new UsageError(
          `--${name} needs a value${spec.value ? ` (${spec.value})` : ''}`,
          command,
        );
      }
      options[name] = value;
      i++;
    }
  }
  return { args, options };
}

/** Runs the command's schema over what was parsed; its first issue becomes a {@link UsageError}. */
export function checkInput<I>(command: Command<I>, parsed: ParsedInput): I {
  const result = command.input.safeParse(parsed);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const [where, name] = issue?.path ?? [];
  const subject = where === 'options' && typeof name === 'string' ? `--${name} ` : '';
  throw new UsageError(`${subject}${issue?.message ?? 'is not valid'}`, command as Command);
}

import type { Command } from 'commander';

/**
 * Use-case field → what a person typed for it on the command line (`--date`, `<what>`). A key is a dotted path,
 * `*` standing for any one segment (`emails.*.value`); it also covers the paths under it (`stages` covers
 * `stages.1.role`).
 */
export type FieldFlags = Record<string, string>;

const declared = new WeakMap<Command, FieldFlags>();

/**
 * Declares which flag or argument of `cmd` feeds each use-case field its errors name, for the fields whose name is
 * not the flag's own (`--date` feeds `occurredAt`; `--body` feeds `body` and needs no entry). The entries hold for
 * the subcommands too, and win over their options' names. Returns `cmd`, so it chains.
 */
export function fieldFlags(cmd: Command, map: FieldFlags): Command {
  declared.set(cmd, { ...declared.get(cmd), ...map });
  return cmd;
}

const camel = (name: string) => name.replace(/-(\w)/g, (_, c: string) => c.toUpperCase());

/** `occurredAt` → `occurred at`, `stages.1.role` → `stages #2 role`: a field nothing on the command line names. */
export function fieldWords(path: string): string {
  return path
    .split('.')
    .map((part) =>
      /^\d+$/.test(part) ? `#${Number(part) + 1}` : part.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase(),
    )
    .join(' ');
}

/** The declared entry of `cmd` covering `parts`, the longest when several do, with the path left under it. */
function declaredFor(cmd: Command, parts: string[]): { flag: string; rest: string[] } | undefined {
  let best: { flag: string; rest: string[]; length: number } | undefined;
  for (const [key, flag] of Object.entries(declared.get(cmd) ?? {})) {
    const pattern = key.split('.');
    const covers = pattern.length <= parts.length && pattern.every((p, i) => p === '*' || p === parts[i]);
    if (covers && (!best || pattern.length > best.length)) {
      best = { flag, rest: parts.slice(pattern.length), length: pattern.length };
    }
  }
  return best;
}

/**
 * The option or argument of `cmd` named like the field: `body` → `--body`, `purposeId` → `--purpose`, and a list
 * filled by a repeatable flag, `offers` → `--offer`.
 */
function namesake(cmd: Command, field: string): string | undefined {
  const names = [field, field.replace(/Ids?$/, ''), field.replace(/s$/, '')];
  const option = cmd.options.find((o) => o.long && names.includes(o.attributeName()));
  if (option?.long) return option.long;
  const argument = cmd.registeredArguments.find((a) => names.includes(camel(a.name())));
  return argument ? `<${argument.name()}>` : undefined;
}

/**
 * A field path of an error, as `cmd` (the command that ran) lets a person give it: the flag declared for it on `cmd`
 * or a parent (the nearest first), else an option or argument of the same name, else the path in words. Paths
 * that are not field paths (already a flag, `(root)`) are kept.
 */
export function fieldLabel(path: string, cmd?: Command): string {
  if (!/^[A-Za-z]\w*(\.\w+)*$/.test(path)) return path;
  const parts = path.split('.');
  const withRest = (flag: string, rest: string[]) =>
    rest.length > 0 ? `${flag} ${fieldWords(rest.join('.'))}` : flag;
  for (let c: Command | null | undefined = cmd; c; c = c.parent) {
    const found = declaredFor(c, parts);
    if (found) return withRest(found.flag, found.rest);
  }
  for (let c: Command | null | undefined = cmd; c; c = c.parent) {
    const flag = namesake(c, parts[0] as string);
    if (flag) return withRest(flag, parts.slice(1));
  }
  return fieldWords(path);
}

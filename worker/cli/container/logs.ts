/**
 * `docker logs` (docker/cli cli/command/container/logs.go, moby
 * daemon/logs.go): the stored output, stdout lines to stdout and stderr
 * lines to stderr; `--tail N` (anything but a number means all), `-t`
 * prefixing each line with its time in RFC3339NanoFixed, `-f` following
 * until the container stops.
 */
import type { CommandContext } from '../context.ts';

/** jsonmessage.RFC3339NanoFixed of a unix-ms time. */
export function rfc3339NanoFixed(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000000Z');
}

/** Runs `docker logs`. */
export async function logs(ctx: CommandContext): Promise<number> {
  const tailText = ctx.flags.get<string>('tail');
  const tail = /^-?\d+$/.test(tailText) ? Number(tailText) : undefined;
  const stamps = ctx.flags.get<boolean>('timestamps');
  await ctx.engine.containerLogs(ctx.args[0]!, {
    ...(tail !== undefined ? { tail } : {}),
    follow: ctx.flags.get<boolean>('follow'),
    // A real daemon's own timestamp keeps its nanoseconds; the simulator's clock has milliseconds.
    onLine: ([t, stream, text], stamp) => {
      const line = stamps ? `${stamp ?? rfc3339NanoFixed(t)} ${text}` : text;
      if (stream === 2) ctx.err(line);
      else ctx.out(line);
    },
  });
  return 0;
}

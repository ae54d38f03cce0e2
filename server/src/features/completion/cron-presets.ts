import { describeCron } from '../../model/cron';
import type { CursorContext } from './cursor-context';
import type { CompletionEntry } from './types';

/** Common schedules, offered inside `schedule "…"` (or with the quotes after `schedule `). */
export const CRON_PRESETS: readonly { label: string; cron: string }[] = [
  { label: 'hourly', cron: '0 * * * *' },
  { label: 'every 6 hours', cron: '0 */6 * * *' },
  { label: 'every 15 minutes', cron: '*/15 * * * *' },
  { label: 'daily 02:00', cron: '0 2 * * *' },
  { label: 'weekdays 06:00', cron: '0 6 * * 1-5' },
  { label: 'weekly, Sunday 03:00', cron: '0 3 * * 0' },
  { label: 'monthly, 1st at 04:00', cron: '0 4 1 * *' },
];

export function cronEntries(ctx: CursorContext, quoted: boolean): CompletionEntry[] {
  return CRON_PRESETS.map((p, i) => ({
    label: `${p.cron}`,
    kind: 'value',
    detail: p.label,
    documentation: describeCron(p.cron),
    insertText: quoted ? p.cron : `"${p.cron}"`,
    filterText: quoted ? `${p.cron} ${p.label}` : `"${p.cron} ${p.label}`,
    replace: ctx.replace,
    sortText: String(i),
  }));
}

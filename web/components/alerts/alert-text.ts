// An alert's message in the UI language, pure so it is tested without a browser: the rule's
// template (i18n alerts.rule.<rule>) filled with the alert's `params`, each value worded for the
// reader (a date as '6月18日', a syndromic kind or a loop step by name, a number with separators).
// The rules' params are set by the server (server/analysis/rules.ts, server/db/alert-rules/,
// alert-list.ts for issue 5's loop alerts) and may lack a field (a cluster outside every village
// has no village), so a template is used only when every {placeholder} has a value: the full
// message, else the rule's shorter alternative, else the zh-CN `title` the server wrote (specific,
// for a Chinese reader), else the rule's short message without figures, else the title. A reader
// never sees "{village}".
import type { AlertOut } from '../../../domain/analysis/types.ts';
import en from '../../i18n/alerts.en.ts';
import zhCN from '../../i18n/alerts.zh-CN.ts';
import { formatNumber, shortDate } from '../plan/format.ts';
import { shortTime } from '../cases/format.ts';

type AlertMessages = typeof zhCN;
type Params = Record<string, unknown>;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

export const alertMessages = (locale: string): AlertMessages => (locale === 'en' ? en : zhCN);

const lookup = (table: Record<string, string>, key: string): string => table[key] ?? key;

/** One param as the reader should see it; null when it has no usable value. */
export function formatParam(name: string, value: unknown, locale: string): string | null {
  const m = alertMessages(locale);
  if (value === null || value === undefined || value === '') return null;
  if (Array.isArray(value)) {
    const parts = value.map((v) => formatParam(name, v, locale)).filter((v): v is string => v !== null);
    return parts.length > 0 ? parts.join(m.param.listJoin) : null;
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return null;
    return /id$/i.test(name) ? String(value) : formatNumber(value, locale, 1); // '#1234', not '#1,234'
  }
  if (typeof value !== 'string') return null;
  if (name === 'kind') return lookup(m.series.kind, value);
  if (name === 'action') return lookup(m.param.action, value);
  if (name === 'step') return lookup(m.param.step, value);
  if (name === 'level') return lookup(m.level, value);
  if (name === 'methods') return value.split(/[\s,，、/]+/).filter(Boolean).join(m.param.methodsJoin);
  if (DATE.test(value)) return shortDate(value, locale);
  if (INSTANT.test(value)) return shortTime(value, locale);
  return value;
}

/** `template` with every {name} replaced, or null when a name has no value in `params`. */
export function fillTemplate(template: string, params: Params, locale: string): string | null {
  let missing = false;
  const out = template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const v = formatParam(name, params[name], locale);
    if (v === null) missing = true;
    return v ?? '';
  });
  return missing ? null : out;
}

/** The alert's message (see the head of this file). Unknown rules show their title. */
export function alertMessage(alert: Pick<AlertOut, 'rule' | 'title' | 'params'>, locale: string): string {
  const m = alertMessages(locale);
  const params: Params = alert.params ?? {};
  for (const table of [m.rule, m.ruleAlt] as Record<string, string>[]) {
    const filled = table[alert.rule] ? fillTemplate(table[alert.rule], params, locale) : null;
    if (filled) return filled;
  }
  if (locale !== 'en' && alert.title) return alert.title;
  const short = (m.ruleShort as Record<string, string>)[alert.rule];
  const shortFilled = short ? fillTemplate(short, params, locale) : null;
  return shortFilled ?? (alert.title || alert.rule);
}

/** Known rules, for the tests and any rule filter: every one has a full and a short message. */
export const ALERT_RULES = Object.keys(zhCN.rule) as (keyof AlertMessages['rule'])[];

// What a state rule answers (server/db/alert-rules.ts): the alerts its condition holds for right
// now, each under its dedupe key. An alert a rule no longer answers has ended and is resolved by
// 'system'; `raise: false` keeps an alert that is already up without raising a new one (the band
// between a rule's raise and clear thresholds, e.g. a site between 80 % and 85 % full).
import type { AlertLevel } from '../../../domain/analysis/types.ts';
import type { AlertSubject } from '../alert-list.ts';
import type { Db } from '../database.ts';

export interface StateAlert {
  rule: string; key: string; level: AlertLevel; title: string;
  /** params fill the i18n message (alerts.rule.<rule>); subject names what the line list and map show. */
  detail: { params: Record<string, string | number>; subject: AlertSubject };
  raise: boolean;
}

export interface RuleContext { incidentId: number; now: string; today: string }

export interface StateRule { rule: string; evaluate(db: Db, ctx: RuleContext): Promise<StateAlert[]> }

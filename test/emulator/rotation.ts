/**
 * RotateSecret's RotationRules: validation of the schedule forms AWS accepts
 * and the NextRotationDate a schedule implies.
 */
import { AwsError, compact, DAY_MS, type Input, startOfUtcDay } from './protocol';
import type { RotationRules } from './state';

const DAYS_RATE = /^rate\((\d+) days?\)$/;
const HOURS_RATE = /^rate\((\d+) hours?\)$/;

export function readRotationRules(input: Input): RotationRules | undefined {
  const rules = input.optObject('RotationRules');
  if (!rules) return undefined;
  const days = rules.optIntInRange('AutomaticallyAfterDays', 1, 1000);
  const schedule = rules.optString('ScheduleExpression');
  const duration = rules.optString('Duration');
  if (days !== undefined && schedule !== undefined) {
    throw new AwsError('InvalidParameterException', 'You can specify either AutomaticallyAfterDays or ScheduleExpression in RotationRules, but not both.');
  }
  if (schedule !== undefined) {
    const hours = HOURS_RATE.exec(schedule);
    if (hours && Number(hours[1]) < 4)
      throw new AwsError('InvalidParameterException', 'The schedule expression must rotate the secret at most every four hours.');
    if (!hours && !DAYS_RATE.test(schedule) && !/^cron\(.+\)$/.test(schedule)) {
      throw new AwsError('InvalidParameterException', `Invalid ScheduleExpression: ${schedule}. Use a rate() or cron() expression.`);
    }
  }
  if (duration !== undefined) {
    const match = /^(\d{1,2})h$/.exec(duration);
    if (!match || Number(match[1]) < 1 || Number(match[1]) > 24) {
      throw new AwsError('InvalidParameterException', `Invalid Duration: ${duration}. Use a number of hours from 1h to 24h.`);
    }
  }
  return compact({ AutomaticallyAfterDays: days, ScheduleExpression: schedule, Duration: duration }) as RotationRules;
}

/**
 * When the next rotation is due. Exact for day/hour intervals; a cron()
 * schedule is approximated as "by the end of the next UTC day".
 */
export function nextRotationDate(rules: RotationRules | undefined, lastRotated: number, now: number): number | undefined {
  if (!rules) return undefined;
  const days = rules.AutomaticallyAfterDays ?? Number(DAYS_RATE.exec(rules.ScheduleExpression ?? '')?.[1] ?? NaN);
  if (Number.isFinite(days)) return lastRotated + days * DAY_MS;
  const hours = Number(HOURS_RATE.exec(rules.ScheduleExpression ?? '')?.[1] ?? NaN);
  if (Number.isFinite(hours)) return lastRotated + hours * 60 * 60 * 1000;
  if (rules.ScheduleExpression !== undefined) return startOfUtcDay(now) + 2 * DAY_MS - 1000;
  return undefined;
}

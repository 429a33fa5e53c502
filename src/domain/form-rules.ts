/** Cross-field rules declared as data on a form (or a group): CCCD digits, legal ages, date order. */
import { ageOn, compareDates, parseIsoDate, type CalendarDate } from './dates';
import { checkCccd, type Sex } from './identifiers';
import { conditionHolds, type Lookup } from './conditions';
import type { Field, FormRule } from './form-schema';
import type { ValidationCode } from './validation-codes';

export interface RuleScope {
  /** The tidied answer of a visible field whose own check passed; undefined otherwise. */
  validValue: Lookup;
  /** Any visible answer, for `when` conditions. */
  lookup: Lookup;
  today: CalendarDate;
}

/** A rule's finding, on the field it names (resolved to a path by the caller). */
export interface RuleFinding {
  field: string;
  code: ValidationCode;
}

/** The CccdField shorthand (sexField/birthDateField) as the rule it stands for. */
export function implicitRules(fields: readonly Field[]): FormRule[] {
  return fields.flatMap((f): FormRule[] =>
    f.kind === 'cccd' && (f.sexField || f.birthDateField)
      ? [{ kind: 'cccd-matches', cccd: f.id, sex: f.sexField, birthDate: f.birthDateField }]
      : [],
  );
}

function dateOf(scope: RuleScope, id: string): CalendarDate | undefined {
  const value = scope.validValue(id);
  return typeof value === 'string' ? (parseIsoDate(value) ?? undefined) : undefined;
}

function yearOf(scope: RuleScope, id: string): number | undefined {
  const value = scope.validValue(id);
  return typeof value === 'number' && Number.isInteger(value) ? value : undefined;
}

/** A rule only speaks when every answer it needs is there and fine on its own. */
export function checkRule(rule: FormRule, scope: RuleScope): RuleFinding | null {
  switch (rule.kind) {
    case 'cccd-matches': {
      const cccd = scope.validValue(rule.cccd);
      if (typeof cccd !== 'string') return null;
      const sexAnswer = rule.sex ? scope.validValue(rule.sex) : undefined;
      const sex: Sex | undefined = sexAnswer === 'male' || sexAnswer === 'female' ? sexAnswer : rule.sexIs;
      const birthYear = rule.birthDate ? dateOf(scope, rule.birthDate)?.year : rule.birthYear ? yearOf(scope, rule.birthYear) : undefined;
      const code = checkCccd(cccd, { sex, birthYear });
      return code ? { field: rule.cccd, code } : null;
    }
    case 'min-age': {
      if (rule.when && !conditionHolds(rule.when, scope.lookup)) return null;
      const birth = dateOf(scope, rule.birthDate);
      const on = rule.atDate && rule.atDate !== 'today' ? dateOf(scope, rule.atDate) : scope.today;
      if (!birth || !on) return null;
      return ageOn(birth, on) < rule.years ? { field: rule.birthDate, code: rule.code ?? 'min-age' } : null;
    }
    case 'year-before': {
      const year = yearOf(scope, rule.year);
      const date = dateOf(scope, rule.date);
      if (year === undefined || !date) return null;
      return year < date.year ? null : { field: rule.year, code: 'date-order' };
    }
    case 'date-order': {
      const before = dateOf(scope, rule.before);
      const after = dateOf(scope, rule.after);
      if (!before || !after) return null;
      const order = compareDates(after, before);
      return order < 0 || (rule.strict && order === 0) ? { field: rule.after, code: 'date-order' } : null;
    }
  }
}

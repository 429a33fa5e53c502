/**
 * Words for the catalogue's coded values. Each key is written out literally so the locale test
 * can see it is translated.
 */
import type { TFunction } from 'i18next';
import type { HandledBy, ProcedureOnlineCategory, ResultChannel, TimeLimit } from '../../../domain/catalog';

export function handlerLabel(t: TFunction, handledBy: HandledBy): string {
  return handledBy === 'cong-an-xa' ? t('catalog.handler.cong-an-xa') : t('catalog.handler.ubnd-xa');
}

export function categoryLabel(t: TFunction, category: ProcedureOnlineCategory): string {
  switch (category) {
    case 'toan-trinh':
      return t('catalog.category.toan-trinh');
    case 'mot-phan':
      return t('catalog.category.mot-phan');
    case 'none':
      return t('catalog.category.none');
  }
}

export function resultChannelLabel(t: TFunction, channel: ResultChannel): string {
  switch (channel) {
    case 'counter':
      return t('procedure.result.counter');
    case 'post':
      return t('procedure.result.post');
    case 'online':
      return t('procedure.result.online');
  }
}

export function timeLimitLabel(t: TFunction, limit: TimeLimit): string {
  switch (limit.unit) {
    case 'same-day':
      return t('procedure.time.sameDay');
    case 'half-day':
      return t('procedure.time.halfDay');
    case 'hours':
      return t('procedure.time.hours', { count: limit.amount });
    case 'working-days':
      return t('procedure.time.workingDays', { count: limit.amount });
  }
}

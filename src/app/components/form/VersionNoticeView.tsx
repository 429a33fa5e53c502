/** Says that a draft moved to the new form version, or why it stays on its own (naming what would be lost). */
import type { FormDefinition } from '../../../domain/form-schema';
import { findForm } from '../../../content/forms';
import { useI18n } from '../../i18n-context';
import type { VersionNotice } from '../../use-cases/open-draft';
import { describePath, type ItemTitle } from './path-labels';

export function VersionNoticeView({ notice, form, itemTitle }: { notice: VersionNotice; form: FormDefinition; itemTitle: ItemTitle }) {
  const { t, lang } = useI18n();
  const describeOld = (from: number, paths: string[]) => {
    const old = findForm(form.id, from) ?? form;
    return paths.map((path) => describePath(old, path, lang, itemTitle)).join(', ');
  };
  const text =
    notice.kind === 'upgraded'
      ? notice.retired
        ? t('formUi.upgradedRetired', { version: notice.version, fields: describeOld(notice.retired.from, notice.retired.paths) })
        : t('formUi.upgraded', { version: notice.version })
      : t('formUi.kept', {
          version: notice.version,
          latest: notice.latest,
          fields: notice.dropped.map((path) => describePath(form, path, lang, itemTitle)).join(', '),
        });
  return (
    <p class="notice-box" role="status" data-testid="version-notice">
      {text}
    </p>
  );
}

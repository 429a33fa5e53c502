/**
 * Whose phone this is to the commune server, and what to do when the server refused it: the
 * queue stays on the phone, and the hand-off file carries it to the office.
 */
import { useEffect, useState } from 'preact/hooks';
import type { DeviceCredential } from '../../domain/device-credential';
import { useI18n } from '../i18n-context';
import { ENROL_PATH, HANDOFF_PATH, SECURITY_PATH, VISITS_PATH } from '../router';
import { settings } from '../settings';
import { onSyncEvent } from '../sync-client';
import { Link } from './Link';

interface State {
  credential: DeviceCredential | undefined;
  revoked: boolean;
  refused: boolean;
}

async function read(refused: boolean): Promise<State> {
  const [credential, revokedAt] = await Promise.all([settings.getCredential(), settings.getRevokedAt()]);
  return { credential, revoked: revokedAt !== null, refused };
}

export function DeviceStatus() {
  const { t } = useI18n();
  const [state, setState] = useState<State | null>(null);

  useEffect(() => {
    let refused = false;
    const refresh = () => void read(refused).then(setState);
    refresh();
    return onSyncEvent((event) => {
      if (event.type === 'registration-refused') refused = true;
      if (event.type === 'registered' || event.type === 'device-revoked' || event.type === 'registration-refused') refresh();
    });
  }, []);
  if (!state) return null;

  if (state.revoked) {
    return (
      <div class="banner banner--danger" role="alert" data-testid="device-revoked">
        <p>
          <strong>{t('device.revokedTitle')}</strong> {t('device.revokedBody')}
        </p>
        <p>
          <Link href={HANDOFF_PATH}>{t('device.revokedExport')}</Link> · <Link href={ENROL_PATH}>{t('device.enrolAgain')}</Link>
        </p>
      </div>
    );
  }
  const { credential } = state;
  return (
    <div class="device-status" data-testid="device-status">
      <p>
        {credential?.kind === 'staff'
          ? t('device.ownerStaff', { name: credential.staff?.displayName ?? credential.staff?.username ?? '' })
          : credential?.kind === 'resident'
            ? t('device.ownerResident')
            : t('device.notRegistered')}
      </p>
      {state.refused && !credential && <p role="alert">{t('device.registrationRefused')}</p>}
      {credential?.kind !== 'staff' && (
        <p>
          <Link href={ENROL_PATH}>{t('device.enrolLink')}</Link>
        </p>
      )}
      {credential?.kind === 'staff' && (
        <p>
          <Link href={VISITS_PATH} class="btn btn--block">
            {t('visits.homeLink')}
          </Link>
        </p>
      )}
      <p>
        <Link href={SECURITY_PATH}>{t('security.link')}</Link>
      </p>
    </div>
  );
}

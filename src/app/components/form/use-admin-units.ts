/** Loads the administrative units (their own lazy chunk) only for forms that have an address field. */
import { useEffect, useState } from 'preact/hooks';
import type { AdminUnits } from '../../../domain/admin-units';
import { loadAdminUnits } from '../../../content/admin-units';

export type UnitsState =
  | { status: 'not-needed' }
  | { status: 'loading' }
  | { status: 'ready'; units: AdminUnits }
  /** The list could not be loaded: addresses are typed as free text. */
  | { status: 'failed' };

export function useAdminUnits(needed: boolean): UnitsState {
  const [state, setState] = useState<UnitsState>(needed ? { status: 'loading' } : { status: 'not-needed' });
  useEffect(() => {
    if (!needed) return setState({ status: 'not-needed' });
    let alive = true;
    setState((s) => (s.status === 'ready' ? s : { status: 'loading' }));
    loadAdminUnits().then(
      (units) => alive && setState({ status: 'ready', units }),
      (error: unknown) => {
        console.error('administrative units not loaded', error);
        if (alive) setState({ status: 'failed' });
      },
    );
    return () => {
      alive = false;
    };
  }, [needed]);
  // The render in which `needed` turns true comes before the effect: it is already loading.
  if (!needed) return { status: 'not-needed' };
  return state.status === 'not-needed' ? { status: 'loading' } : state;
}

export function unitsOf(state: UnitsState): AdminUnits | undefined {
  return state.status === 'ready' ? state.units : undefined;
}

/**
 * The working part of the home screen below the form list: drafts, the outbox and dossiers. It
 * needs IndexedDB (Dexie), so it is its own chunk; the form list and the explainer paint first.
 */
import { DraftList } from './DraftList';
import { SyncPanel } from './SyncPanel';
import { DossierList } from './DossierList';

export default function HomeActivity() {
  return (
    <>
      <DraftList />
      <SyncPanel />
      <DossierList />
    </>
  );
}

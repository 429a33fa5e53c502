/** The dossiers the phone has sent, with the status the one-stop shop last reported. */
import { DossierList } from '../components/DossierList';

export default function DossiersScreen() {
  return <DossierList />;
}

/** The shapes of the server's answers the console reads (the server's routes are their source). */
import type { ConsentRecord, DeviceKind, DossierStatus, StatusChange } from '../domain/protocol';
import type { DossierAction } from '../domain/dossier-lifecycle';
import type { Answers } from '../domain/form-schema';
import type { ActionDetails } from '../domain/office';
import type { Role } from '../domain/roles';

export interface Me {
  username: string;
  displayName: string;
  role: Role;
  mustChangePassword: boolean;
  villageId?: string;
}

export interface HistoryEntry {
  seq: number;
  status: DossierStatus;
  from?: DossierStatus;
  action?: DossierAction;
  note?: string;
  changedAt: number;
  by?: { username: string; displayName: string };
  details?: ActionDetails;
}

export interface DossierDetail {
  dossier: {
    id: string;
    dossierCode: string;
    formId: string;
    formVersion: number;
    status: DossierStatus;
    submittedAt: number;
    receivedAt: number;
    answers: Answers;
    consent?: ConsentRecord;
    deviceKind?: DeviceKind;
    villageId?: string;
    deviceId: string;
    staffId?: string;
    dueAt?: number;
    dueEstimated?: boolean;
  };
  history: HistoryEntry[];
  actions: DossierAction[];
}

export interface ActionAnswer {
  change: StatusChange;
  from: DossierStatus;
  details?: ActionDetails;
}

export interface StaffRow extends Me {
  disabled: boolean;
  createdAt: number;
}

export interface DeviceRow {
  deviceId: string;
  kind: DeviceKind;
  createdAt: number;
  lastSeenAt?: number;
  revoked: boolean;
  staff?: { username: string; displayName: string; role: Role; villageId?: string };
}

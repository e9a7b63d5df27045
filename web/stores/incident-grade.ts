// The open incident's grade (GET /incidents/{id}/grade): the grade the 2006 plan's criteria
// suggest, computed by the server and never applied by itself, and the grade a person confirmed
// with who, when and why. `confirm` is that person's decision (PUT, incidents:update — the
// commander and the administrator; audited, and the wall is told). The incident is the one /plan
// and /cases work on (stores/plan-incident.ts).
import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import type { AlertLevel, Grade, IncidentGrade } from '../../domain/analysis/types.ts';
import { apiGet, apiSend, isAbort } from '../api.ts';
import { DEFAULT_INCIDENT_ID } from './plan-incident.ts';

export const GRADES: readonly Grade[] = ['I', 'II', 'III', 'IV'];
export interface GradeConfirmation { grade: Grade; warningColour: AlertLevel; reason: string }

export const gradeUrl = (incidentId: number) => `/api/v1/incidents/${incidentId}/grade`;

export const useIncidentGrade = defineStore('incidentGrade', () => {
  const grade = shallowRef<IncidentGrade | null>(null);
  const incidentId = ref(DEFAULT_INCIDENT_ID);
  const loading = ref(false);
  const error = shallowRef<unknown>(null);
  const saving = ref(false);
  const saveError = shallowRef<unknown>(null);
  let controller: AbortController | null = null;

  /** Loads (or reloads) the grade; a failed reload keeps the one on screen. */
  async function load(id = incidentId.value): Promise<void> {
    if (id !== incidentId.value) grade.value = null;
    incidentId.value = id;
    controller?.abort();
    const mine = (controller = new AbortController());
    loading.value = true;
    try {
      grade.value = await apiGet<IncidentGrade>(gradeUrl(id), { signal: mine.signal });
      error.value = null;
    } catch (err) {
      if (!isAbort(err)) error.value = err;
    } finally {
      if (controller === mine) loading.value = false;
    }
  }

  /** Confirms a grade; the server's answer replaces the card. Throws nothing: false + saveError. */
  async function confirm(c: GradeConfirmation): Promise<boolean> {
    saving.value = true;
    saveError.value = null;
    try {
      const out = await apiSend<IncidentGrade | undefined>('PUT', gradeUrl(incidentId.value),
        { grade: c.grade, warningColour: c.warningColour, reason: c.reason.trim() });
      if (out && typeof out === 'object' && 'suggested' in out) grade.value = out;
      else await load();
      return true;
    } catch (err) {
      saveError.value = err;
      return false;
    } finally {
      saving.value = false;
    }
  }

  return { grade, incidentId, loading, error, saving, saveError, load, confirm };
});

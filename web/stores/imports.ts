// One import on /cases?tab=import, step by step: the file is uploaded raw (POST /imports), its
// columns are mapped to our fields (PUT …/mapping, which validates and geocodes every row), the
// errors and the review queue are read (GET …/rows?status=), each review row is placed on a
// candidate, on a clicked point, or skipped (PUT …/rows/{rowNo}), and the import is committed
// all-or-nothing or as an explicit partial (POST …/commit). Rules live in imports-model.ts.
import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import { apiGet, apiSend, apiUpload } from '../api.ts';
import {
  commitBlock, initialMapping, mapsCoordinates, missingFields, uploadType, uploadUrl, WIZARD_STEPS,
  type CommitReport, type Crs, type ImportKind, type ImportRow, type ImportSummary, type Mapping, type UploadAnswer,
  type WizardStep,
} from './imports-model.ts';

const ROWS_PAGE = 1000;
const MAX_PAGES = 50;
export type Placement = { candidate: number } | { point: [number, number] } | { skip: true };

export const useImports = defineStore('imports', () => {
  const step = ref<WizardStep>('upload');
  const kind = ref<ImportKind>('cases');
  const source = ref('');
  const filename = ref('');
  const upload = shallowRef<UploadAnswer | null>(null);
  const mapping = ref<Mapping>({});
  const crs = ref<Crs | null>(null);
  const saveMapping = ref(true);
  const summary = shallowRef<ImportSummary | null>(null);
  const errorRows = shallowRef<ImportRow[]>([]);
  const reviewRows = shallowRef<ImportRow[]>([]);
  const selectedRowNo = ref<number | null>(null);
  const report = shallowRef<CommitReport | null>(null);
  const busy = ref(false);
  const error = shallowRef<unknown>(null);

  const id = computed(() => upload.value?.id ?? null);
  const counts = computed(() => summary.value?.counts ?? null);
  const needsCrs = computed(() => mapsCoordinates(mapping.value));
  const missing = computed(() => missingFields(kind.value, mapping.value));
  const blocked = computed(() => commitBlock(counts.value));
  const selectedRow = computed(() => reviewRows.value.find((r) => r.rowNo === selectedRowNo.value) ?? null);
  const openReviews = computed(() => reviewRows.value.filter((r) => r.status === 'review'));
  /** How far the wizard may go: a later step opens once the one before it is done. */
  const reached = computed<WizardStep>(() => (report.value ? 'commit' : summary.value ? 'commit' : upload.value ? 'mapping' : 'upload'));
  const canOpen = (s: WizardStep) => WIZARD_STEPS.indexOf(s) <= WIZARD_STEPS.indexOf(reached.value) && (!report.value || s === 'commit');

  async function run<T>(work: () => Promise<T>): Promise<T | undefined> {
    busy.value = true;
    error.value = null;
    try { return await work(); } catch (err) { error.value = err; return undefined; } finally { busy.value = false; }
  }

  /** The error and review rows (or the given statuses), every page of them (an import holds at most 50,000 rows). */
  async function problemRows(statuses = 'error,review'): Promise<ImportRow[]> {
    const out: ImportRow[] = [];
    const base = `/api/v1/imports/${id.value}/rows?status=${statuses}&limit=${ROWS_PAGE}`;
    let url: string | null = base;
    for (let page = 0; url && page < MAX_PAGES; page++) {
      const body: { items: ImportRow[]; next: string | null } = await apiGet(url);
      out.push(...body.items);
      url = body.next ? `${base}&cursor=${encodeURIComponent(body.next)}` : null;
    }
    return out;
  }

  async function sendFile(file: File): Promise<boolean> {
    const answer = await run(() => apiUpload<UploadAnswer>(uploadUrl(kind.value, source.value.trim(), file.name), file, uploadType(file)));
    if (!answer) return false;
    reset(false);
    upload.value = answer;
    filename.value = file.name;
    mapping.value = initialMapping(kind.value, answer);
    crs.value = answer.savedMapping?.crs ?? null;
    step.value = 'mapping';
    return true;
  }

  async function check(): Promise<boolean> {
    const done = await run(async () => {
      summary.value = await apiSend<ImportSummary>('PUT', `/api/v1/imports/${id.value}/mapping`, {
        mapping: mapping.value, save: saveMapping.value, ...(needsCrs.value && crs.value ? { crs: crs.value } : {}) });
      const rows = await problemRows();
      errorRows.value = rows.filter((r) => r.status === 'error');
      reviewRows.value = rows.filter((r) => r.status === 'review');
      selectedRowNo.value = reviewRows.value[0]?.rowNo ?? null;
      return true;
    });
    if (done) step.value = 'check';
    return done === true;
  }

  /** Places (or skips) one review row, then moves on to the next still waiting. */
  async function place(rowNo: number, how: Placement): Promise<boolean> {
    const row = await run(() => apiSend<ImportRow>('PUT', `/api/v1/imports/${id.value}/rows/${rowNo}`, how));
    if (!row) return false;
    reviewRows.value = reviewRows.value.map((r) => (r.rowNo === rowNo ? { ...r, ...row } : r));
    summary.value = await apiGet<ImportSummary>(`/api/v1/imports/${id.value}`).catch(() => summary.value);
    selectedRowNo.value = openReviews.value[0]?.rowNo ?? rowNo;
    return true;
  }

  /** Skips every row still waiting in the review queue (an explicit choice, one PUT each). */
  async function skipRest(): Promise<void> {
    for (const r of openReviews.value) if (!(await place(r.rowNo, { skip: true }))) return;
  }

  async function commit(mode: 'all' | 'partial'): Promise<boolean> {
    const answer = await run(() => apiSend<{ report: CommitReport }>('POST', `/api/v1/imports/${id.value}/commit`, { mode }));
    if (!answer) return false;
    report.value = answer.report;
    step.value = 'commit';
    return true;
  }

  /** The live stream says this import changed (rows placed in another tab): its counts, and the
   * queue's rows as they stand now (a review row only ever becomes resolved or skipped; error rows
   * change only with a new mapping, made here). The open row stays open while it still waits.
   * Quiet, and a failure keeps everything. */
  async function refresh(): Promise<void> {
    const open = id.value;
    if (open === null || !summary.value || report.value || busy.value) return;
    try {
      const [s, rows] = await Promise.all([apiGet<ImportSummary>(`/api/v1/imports/${open}`),
        reviewRows.value.length ? problemRows('review,resolved,skipped') : Promise.resolve([])]);
      if (id.value !== open || busy.value) return;
      summary.value = s;
      const now = new Map(rows.map((r) => [r.rowNo, r]));
      reviewRows.value = reviewRows.value.map((r) => now.get(r.rowNo) ?? r);
      if (!openReviews.value.some((r) => r.rowNo === selectedRowNo.value)) selectedRowNo.value = openReviews.value[0]?.rowNo ?? selectedRowNo.value;
    } catch { /* kept: the next change or reconnect tries again */ }
  }

  function reset(all = true): void {
    upload.value = null; summary.value = null; report.value = null; errorRows.value = []; reviewRows.value = [];
    selectedRowNo.value = null; mapping.value = {}; crs.value = null; error.value = null;
    if (all) step.value = 'upload';
  }

  const goTo = (s: WizardStep) => { if (canOpen(s)) step.value = s; };

  return { step, kind, source, filename, upload, mapping, crs, saveMapping, summary, errorRows, reviewRows, selectedRowNo, report, busy, error,
    id, counts, needsCrs, missing, blocked, selectedRow, openReviews, reached, canOpen,
    sendFile, check, place, skipRest, commit, refresh, reset, goTo };
});

// The content types a sheet upload may declare. The declaration only gets the body past the edge
// (server/app.ts); what the file is, is decided by its bytes (read-file.ts).
export const UPLOAD_TYPES = /^(text\/csv|application\/vnd\.openxmlformats-officedocument\.spreadsheetml\.sheet|application\/octet-stream)\s*(;|$)/i;
export const UPLOAD_TYPE_NAMES = 'text/csv, application/vnd.openxmlformats-officedocument.spreadsheetml.sheet or application/octet-stream';
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

// Where to go after signing in. `?next=` comes from the URL, so anyone can craft it: only a path
// on this site is followed ("/field/tasks/3"), never "//evil.example" or "https://…", which the
// browser would treat as another origin, and never /login itself (a loop).

export function safeNext(next: unknown): string | null {
  if (typeof next !== 'string' || !next.startsWith('/') || next.startsWith('//') || next.includes('\\')) return null;
  if (/^\/login(?:[/?#]|$)/.test(next)) return null;
  return next;
}

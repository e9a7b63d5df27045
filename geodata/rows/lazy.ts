// Re-iterable lazy tables: big tables (address points, households, buildings, syndromic counts,
// city-scale persons) are produced row by row while the seeder reads them, so the rows die young
// instead of all living in memory at once. Every iteration yields the same rows.
export function lazy<T>(make: () => Generator<T>): Iterable<T> {
  return { [Symbol.iterator]: make };
}

/**
 * A list sorted by integer positions, after one item moved: the fewest
 * position changes that put it in its new place. The moved item takes a
 * free number between its new neighbours; only when there is none is the
 * whole list renumbered (in steps of 10, leaving room for the next move).
 */
export interface Positioned {
  id: string;
  position: number;
}

export function positionsAfterMove(ordered: Positioned[], movedId: string): Positioned[] {
  const index = ordered.findIndex((item) => item.id === movedId);
  if (index < 0) return [];
  const before = ordered[index - 1]?.position;
  const after = ordered[index + 1]?.position;
  const low = before ?? (after ?? 0) - 20;
  const high = after ?? (before ?? 0) + 20;
  if (high - low >= 2) {
    return [{ id: movedId, position: Math.floor((low + high) / 2) }];
  }
  return ordered
    .map((item, at) => ({ id: item.id, position: at * 10 }))
    .filter((item, at) => item.position !== ordered[at].position);
}

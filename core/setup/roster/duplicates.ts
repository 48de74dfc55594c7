import type { FieldColumns, LineRead } from './rows';

/**
 * A card number identifies the delegate at check-in and on re-import, so every line sharing one
 * is an error: which of them holds the card only the organisation department can say. Two people
 * of the same name in one unit do happen, so that is a warning on the later line.
 */
export function checkDuplicates(lines: readonly LineRead[], columns: FieldColumns): void {
  const cardHeader = columns.get('cardNo')?.header ?? '';
  const nameHeader = columns.get('name')?.header ?? '';
  for (const [cardNo, group] of groupBy(lines, (l) => l.row.cardNo)) {
    if (cardNo === '' || group.length < 2) continue;
    const where = group.map((l) => l.row.line).join('、');
    for (const l of group) {
      l.problems.push({
        line: l.row.line,
        column: cardHeader,
        reason: `代表证号“${cardNo}”在第 ${where} 行重复出现`,
        severity: 'error',
      });
    }
  }
  for (const group of groupBy(lines, (l) => `${l.row.unit}\u0000${l.row.name}`).values()) {
    const [first, ...later] = group;
    if (first === undefined || first.row.name === '') continue;
    const unit = first.row.unit === '' ? '' : `且同在“${first.row.unit}”`;
    for (const l of later) {
      l.problems.push({
        line: l.row.line,
        column: nameHeader,
        reason: `与第 ${first.row.line} 行同名${unit}，请核实是否重复录入`,
        severity: 'warning',
      });
    }
  }
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group === undefined) groups.set(k, [item]);
    else group.push(item);
  }
  return groups;
}

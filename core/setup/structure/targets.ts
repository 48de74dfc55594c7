import type { StructureTarget, StructureTargetResult } from '../../../shared/api/structure';
import { basisPoints, decimalsOf, shareText } from './share';

function metricLabel(metric: StructureTarget): string {
  switch (metric.metric) {
    case 'women':
      return '女代表';
    case 'minority':
      return '少数民族代表';
    case 'frontline':
      return '一线代表';
    case 'college':
      return '大专及以上学历代表';
    case 'age-at-most':
      return `${metric.years}岁及以下代表`;
    case 'category':
      return metric.category.endsWith('代表') ? metric.category : `${metric.category}代表`;
  }
}

/**
 * share ≥ p% ⇔ 10000·count ≥ bp·total, with p in hundredths of a percent (bp), so that no
 * fraction is ever compared in floating point.
 */
export function evaluateTarget(
  target: StructureTarget,
  count: number,
  total: number,
): StructureTargetResult {
  const label = metricLabel(target);
  const bp = basisPoints(target.percent);
  const required =
    target.op === '>=' ? Math.ceil((bp * total) / 10_000) : Math.floor((bp * total) / 10_000);
  const met =
    total > 0 && (target.op === '>=' ? 10_000 * count >= bp * total : 10_000 * count <= bp * total);
  const gap = met ? 0 : Math.abs(required - count);
  return {
    target,
    label,
    count,
    total,
    met,
    gap,
    sentence: sentence(target, label, count, total, met, gap),
  };
}

function sentence(
  target: StructureTarget,
  label: string,
  count: number,
  total: number,
  met: boolean,
  gap: number,
): string {
  const percent = `${target.percent}%`;
  const rule = target.op === '>=' ? `不低于 ${percent}` : `不超过 ${percent}`;
  if (total === 0) return `名册中还没有代表，无法计算${label}比例（要求${rule}）。`;
  const decimals = Math.max(1, decimalsOf(target.percent));
  const share = shareText(count, total, target.op === '>=' ? 'down' : 'up', decimals);
  const head = `${label} ${count} 名，占代表总数 ${total} 名的 ${share}%，要求${rule}`;
  if (met) return `${head}，符合要求。`;
  return target.op === '>='
    ? `${head}，不符合要求，还差 ${gap} 名。`
    : `${head}，不符合要求，超出 ${gap} 名。`;
}

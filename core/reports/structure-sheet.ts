import { createElement } from 'react';
import type { Store } from '../../db/store';
import { ok, type Result } from '../../shared/api/result';
import type { StructureTally } from '../../shared/api/structure';
import { congressTargets } from '../platform/congress-rules';
import { notFound } from '../platform/lookup';
import { structureReport, type StructureReport } from '../setup/structure/report';
import { shareText } from '../setup/structure/share';
import type { Built } from './handlers';
import { renderHtml } from './printer';
import { StructureSheet, type StructureSection } from './templates/StructureSheet';

/**
 * The 代表结构 report on paper: the same figures as the set-up screen (structure.report), with
 * every threshold's verdict, for the 代表资格审查委员会's report to the congress.
 */
export function buildStructureSheet(
  store: Store,
  { congressId }: { congressId: number },
): Result<Built> {
  const congress = store.congresses.byId(congressId);
  if (!congress) return notFound('congressId');
  const delegates = store.delegates.listByCongress(congress.id);
  const report = structureReport(delegates, congress.heldOn, congressTargets(congress));
  const title = `${congress.name}代表结构情况`;
  return ok({
    report: {
      title,
      html: renderHtml(
        createElement(StructureSheet, {
          congressName: congress.name,
          asOf: report.asOf,
          total: report.total,
          averageAge: report.age.averageAge,
          targets: report.targets.map(({ label, met, sentence }) => ({ label, met, sentence })),
          sections: sectionsOf(report),
          unrecognisedEducation: report.unrecognisedEducation,
        }),
      ),
      footer: 'page-numbers',
    },
    fileName: `${title.replace(/[\\/:*?"<>|\s]+/g, '_')}.pdf`,
    roundId: null,
  });
}

/** The tables in the order the set-up screen shows them; 未填 rows where something is missing. */
function sectionsOf(report: StructureReport): StructureSection[] {
  const unknown = (n: number): StructureTally[] => (n > 0 ? [{ label: '未填', count: n }] : []);
  const rows = (tally: readonly StructureTally[]) =>
    tally.map(({ label, count }) => ({
      label,
      count,
      share: shareText(count, report.total, 'half-up'),
    }));
  return [
    { title: '性别', rows: rows(report.gender) },
    {
      title: '民族',
      rows: rows([
        { label: '汉族', count: report.ethnicity.han },
        ...report.ethnicity.minorities,
        ...unknown(report.ethnicity.unknown),
      ]),
    },
    { title: '年龄', rows: rows([...report.age.bands, ...unknown(report.age.unknown)]) },
    { title: '学历', rows: rows(report.education) },
    { title: '代表类别', rows: rows(report.category) },
    { title: '选举单位', rows: rows(report.unit) },
  ];
}
